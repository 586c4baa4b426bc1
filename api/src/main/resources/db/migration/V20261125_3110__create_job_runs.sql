-- Runs of the daily jobs (political birthdays, the birthday digest, ...), whether the scheduler or an administrator
-- started them. A run's effect is idempotent by itself; the rows tell what ran, how far it got, and let an instance
-- starting up see that today's run is missing or was cut short (its heartbeat stopped) and catch up.
create table job_runs (
    id            uuid        primary key,
    job           text        not null check (length(job) between 1 and 100),
    date          date        not null,
    status        text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    processed     bigint      not null default 0,
    created       bigint      not null default 0,
    started_at    timestamptz not null,
    heartbeat_at  timestamptz not null,
    finished_at   timestamptz,
    error         text
);
create index job_runs_job_date on job_runs (job, date, started_at desc);
