-- Activities (三会一课, 主题党日 …), their invitees frozen at the start, check-ins, leave requests and minutes.

create table activities (
    id                  uuid        primary key,
    org_id              uuid        not null references orgs (id),
    type                text        not null check (type in ('BRANCH_ASSEMBLY', 'COMMITTEE_MEETING', 'GROUP_MEETING',
                                                            'PARTY_LECTURE', 'THEME_DAY', 'ORG_LIFE', 'OTHER')),
    title               text        not null check (length(title) between 1 and 100),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null check (ends_at > starts_at),
    checkin_opens_at    timestamptz not null,
    checkin_closes_at   timestamptz not null check (checkin_closes_at > checkin_opens_at),
    venue_name          text,
    venue_lat           double precision check (venue_lat between -90 and 90),
    venue_lng           double precision check (venue_lng between -180 and 180),
    venue_radius_m      int         check (venue_radius_m between 1 and 5000),
    methods             text[]      not null,
    status              text        not null check (status in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'CANCELLED',
                                                               'COMPLETED')),
    decision_reason     text,
    created_by          uuid        not null references accounts (id),
    -- The secret the rotating check-in codes are derived from, encrypted; it never leaves the server.
    code_secret         bytea       not null,
    invitees_frozen_at  timestamptz,
    created_at          timestamptz not null default now()
);
create index activities_org_start on activities (org_id, starts_at, id);
create index activities_ending on activities (ends_at) where status = 'APPROVED';

-- Who was invited: the members of the activity's subtree when it started (frozen then, so later moves change nothing).
create table activity_invitees (
    activity_id uuid not null references activities (id),
    member_id   uuid not null references members (id),
    primary key (activity_id, member_id)
);

-- Exactly one check-in per member and activity: the unique key is the promise.
create table checkins (
    id              uuid        primary key,
    activity_id     uuid        not null references activities (id),
    member_id       uuid        not null references members (id),
    checked_in_at   timestamptz not null,
    method          text        not null check (method in ('QR', 'GEO', 'QR_GEO', 'MANUAL')),
    -- Only how far from the venue, never where: precise positions are personal data not worth keeping.
    distance_m      int,
    recorded_by     uuid        references accounts (id),
    manual_reason   text,
    constraint checkins_once unique (activity_id, member_id)
);

create table leave_requests (
    id              uuid        primary key,
    activity_id     uuid        not null references activities (id),
    member_id       uuid        not null references members (id),
    reason          text        not null,
    status          text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by      uuid        references accounts (id),
    decided_at      timestamptz,
    decision_reason text,
    created_at      timestamptz not null,
    constraint leave_requests_once unique (activity_id, member_id)
);

create table activity_minutes (
    activity_id     uuid        primary key references activities (id),
    recorder_id     uuid        not null references members (id),
    content         text        not null,
    updated_by      uuid        not null references accounts (id),
    updated_at      timestamptz not null,
    signed_by       uuid        references accounts (id),
    signed_at       timestamptz,
    reviewed_by     uuid        references accounts (id),
    reviewed_at     timestamptz
);
