-- Points events, recorded by other features inside their own transactions (PointsIntake) and scored afterwards by
-- any instance: pending rows are claimed with FOR UPDATE SKIP LOCKED. event_id is the natural key
-- "<source>:<id>", so recording an event twice stores it once.
create table points_events (
    seq              bigint       generated always as identity primary key,
    event_id         text         not null unique check (length(event_id) between 3 and 200),
    member_id        uuid         not null,
    type             text         not null check (type in ('ACTIVITY_ATTENDED', 'ACTIVITY_ABSENT_WITHOUT_LEAVE',
                                      'VOLUNTEER_HOURS_APPROVED', 'BASE_VISIT_COMPLETED', 'MANUAL_ADJUSTMENT',
                                      'STUDY_COMPLETED', 'BONUS_CLAIM_APPROVED')),
    occurred_at      timestamptz  not null,
    details          jsonb        not null default '{}',
    quantity         numeric      not null check (quantity >= 0),
    explicit_points  numeric(10,1),
    target_rule_code text,
    reason           text,
    recorded_at      timestamptz  not null,
    -- Scoring: set when the event's entries are in the ledger (or when no rule applied to it).
    scored_at        timestamptz,
    -- A failing event is retried with backoff; after the last attempt it is set aside (failed_at) so it never
    -- blocks the queue. last_error holds the exception's class, never data.
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    failed_at        timestamptz,
    last_error       text
);
create index points_events_pending on points_events (seq) where scored_at is null and failed_at is null;
create index points_events_member on points_events (member_id, occurred_at);

-- The append-only ledger: rows are inserted, never updated or deleted. An AWARD is what scoring an event under a
-- rule gave (unique per event and rule code); a COMPENSATION is a correction appended by a recalculation (unique per
-- event, rule code and recalculation). points is signed; the sum of a member's entries of a year is the balance.
create table points_ledger (
    id               uuid          primary key,
    member_id        uuid          not null,
    kind             text          not null check (kind in ('AWARD', 'COMPENSATION')),
    event_id         text          not null,
    event_type       text          not null,
    rule_code        text          not null,
    rule_version_id  text          not null,
    category         text          not null check (category in ('BASIC', 'BONUS', 'DEDUCTION')),
    year             int           not null,
    local_date       date          not null check (extract(year from local_date) = year),
    occurred_at      timestamptz   not null,
    points           numeric(12,1) not null,
    requested        numeric(12,1) not null,
    capped_by        text          check (capped_by in ('DAY', 'MONTH', 'YEAR')),
    reason           text          not null,
    recalculation_id uuid,
    recorded_at      timestamptz   not null,
    check ((kind = 'AWARD') = (recalculation_id is null))
);
create unique index points_ledger_award on points_ledger (event_id, rule_code) where kind = 'AWARD';
create unique index points_ledger_compensation on points_ledger (event_id, rule_code, recalculation_id)
    where kind = 'COMPENSATION';
-- Cap usage: a member's entries of a rule code in a year, by date.
create index points_ledger_caps on points_ledger (member_id, year, rule_code, local_date);
-- The statement: a member's entries of a year, newest first.
create index points_ledger_statement on points_ledger (member_id, year, occurred_at desc, id desc);

-- A member's points of a year, kept in the transaction that appends the entries (so it always equals their sum),
-- so that leaderboards and "my points" read one row per member.
create table points_balances (
    member_id   uuid          not null,
    year        int           not null,
    basic       numeric(12,1) not null,
    bonus       numeric(12,1) not null,
    deduction   numeric(12,1) not null,
    total       numeric(12,1) not null check (total = basic + bonus + deduction),
    updated_at  timestamptz   not null,
    primary key (member_id, year)
);
