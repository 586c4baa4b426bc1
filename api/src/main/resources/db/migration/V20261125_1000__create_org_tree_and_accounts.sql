-- The organization tree, the accounts people log in with, and the party members.

-- An org unit knows its ancestors: path = ancestor ids from the root down, then its own id. "X lies in the subtree
-- of Y" is then "X.path contains Y.id", answered from a GIN index.
create table orgs (
    id          uuid        primary key,
    parent_id   uuid        references orgs (id),
    name        text        not null check (length(name) between 1 and 100),
    type        text        not null check (type in ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP')),
    kind        text        check (kind in ('COMMUNITY', 'GRID', 'BUILDING', 'INTEREST', 'TRADE', 'RESIDENCE', 'GOAL',
                                            'PROJECT', 'NETWORK', 'ENTERPRISE', 'ORGAN', 'SCHOOL', 'VILLAGE')),
    path        uuid[]      not null check (path[array_upper(path, 1)] = id),
    created_at  timestamptz not null default now()
);
create index orgs_path on orgs using gin (path);
create index orgs_children on orgs (parent_id, id);

-- Whoever can log in: members, and accounts that are not members (the bootstrap system administrator).
-- The phone number is stored encrypted (AES-GCM, the row id as associated data) and found by a keyed blind index.
create table accounts (
    id              uuid        primary key,
    phone_cipher    bytea       not null,
    phone_index     bytea       not null,
    password_hash   text,
    openid_index    bytea,
    created_at      timestamptz not null default now(),
    constraint accounts_phone_unique unique (phone_index),
    constraint accounts_openid_unique unique (openid_index)
);

-- Roles beyond MEMBER (which every member holds in their own branch). scope_id is an org unit or a base; null for
-- SYS_ADMIN.
create table role_grants (
    account_id  uuid        not null references accounts (id) on delete cascade,
    role        text        not null check (role in ('SECRETARY', 'ORG_ADMIN', 'BASE_ADMIN', 'SYS_ADMIN')),
    scope_id    uuid,
    granted_at  timestamptz not null default now(),
    check ((role = 'SYS_ADMIN') = (scope_id is null))
);
create unique index role_grants_unique on role_grants (account_id, role, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'));

create table members (
    id              uuid        primary key references accounts (id),
    branch_id       uuid        not null references orgs (id),
    name            text        not null check (length(name) between 1 and 50),
    gender          text        not null check (gender in ('MALE', 'FEMALE')),
    birth_date      date        not null,
    joined_party_on date        not null,
    full_member_on  date,
    status          text        not null check (status in ('PROBATIONARY', 'FULL', 'TRANSFERRED_OUT', 'LEFT')),
    category        text        not null check (category in ('IN_SERVICE', 'RETIRED', 'MOBILE', 'NO_POST')),
    community_id    uuid        references orgs (id),
    created_at      timestamptz not null default now(),
    check (joined_party_on >= birth_date + interval '18 years'),
    check (full_member_on is null or full_member_on >= joined_party_on)
);
create index members_branch on members (branch_id, id);
