-- 无职党员设岗定责: duty posts of an org unit and the members who hold them.

create table duty_posts (
    id          uuid        primary key,
    org_id      uuid        not null references orgs (id),
    name        text        not null check (length(name) between 1 and 50),
    duties      text        not null check (length(duties) between 1 and 1000),
    created_by  uuid        not null references accounts (id),
    created_at  timestamptz not null
);
create index duty_posts_org on duty_posts (org_id, id);

-- A post may be held by several members (e.g. 楼道联络岗 in every building); a member holds it once.
create table duty_post_holders (
    post_id     uuid        not null references duty_posts (id),
    member_id   uuid        not null references members (id),
    assigned_by uuid        not null references accounts (id),
    assigned_at timestamptz not null,
    primary key (post_id, member_id)
);
create index duty_post_holders_member on duty_post_holders (member_id);
