-- Recalculations: a year's scored events replayed, member by member in member id order, under the rules now in
-- force; the differences are appended as compensating entries. Progress is saved with each member's entries in one
-- transaction (cursor_member = the last member done). A job is run by whichever instance claims it; the runner
-- renews heartbeat_at as it goes, and a RUNNING job whose heartbeat is stale (its instance died) is claimed again by
-- any instance and resumed after cursor_member. owner fences out a runner whose job was taken over.
create table points_recalculations (
    id              uuid        primary key,
    year            int         not null,
    org_id          uuid,
    status          text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total           int         not null,
    processed       int         not null default 0,
    compensations   int         not null default 0,
    cursor_member   uuid,
    owner           uuid,
    heartbeat_at    timestamptz,
    requested_by    uuid        not null,
    started_at      timestamptz not null,
    finished_at     timestamptz
);
create index points_recalculations_running on points_recalculations (started_at) where status = 'RUNNING';
