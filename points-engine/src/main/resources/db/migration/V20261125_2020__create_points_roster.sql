-- Who is ranked and evaluated where: every member with their branch and the branch's path in the org tree (the
-- ancestors from the top down, then the branch). The member feature keeps it up to date in the transaction of each
-- member change (PointsRoster), so a leaderboard is one query inside the points tables: "members of the subtree of
-- X" is "org_path contains X", answered from the GIN index. Members who left stay (their statements stay readable)
-- with left_at set, and are no longer ranked.
create table points_roster (
    member_id   uuid        primary key,
    branch_id   uuid        not null,
    org_path    uuid[]      not null check (org_path[array_upper(org_path, 1)] = branch_id),
    left_at     timestamptz,
    updated_at  timestamptz not null
);
create index points_roster_path on points_roster using gin (org_path);
create index points_roster_branch on points_roster (branch_id, member_id);

-- Members registered before the points engine existed (development databases) join the roster once, here.
insert into points_roster (member_id, branch_id, org_path, left_at, updated_at)
select m.id, m.branch_id, o.path, case when m.status in ('PROBATIONARY', 'FULL') then null else now() end, now()
from members m join orgs o on o.id = m.branch_id
on conflict (member_id) do nothing;
