-- The audit log: who changed what shared or sensitive, and when. Appended to, never updated or deleted.
create table audit_log (
    id          uuid        primary key,
    at          timestamptz not null,
    -- Who did it; null for the system itself.
    actor_id    uuid        references accounts (id),
    action      text        not null,
    target_type text        not null,
    target_id   text,
    -- The unit whose subtree it concerns; null for the whole installation.
    org_id      uuid        references orgs (id),
    -- Ids, codes and counts only: never personal data.
    details     jsonb       not null default '{}'
);
create index audit_log_by_actor on audit_log (actor_id, action, at);
create index audit_log_by_org on audit_log (org_id, id);
