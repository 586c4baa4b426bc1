-- Volunteer service (志愿服务): projects, sign-ups with their on-site hours and approval, and honor hours.

create table volunteer_projects (
    id                  uuid        primary key,
    org_id              uuid        not null references orgs (id),
    title               text        not null check (length(title) between 1 and 100),
    description         text        not null check (length(description) <= 2000),
    category            text        not null check (length(category) between 1 and 30),
    location_name       text        check (length(location_name) between 1 and 100),
    location_lat        double precision check (location_lat between -90 and 90),
    location_lng        double precision check (location_lng between -180 and 180),
    location_radius_m   int         check (location_radius_m between 1 and 5000),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null check (ends_at > starts_at),
    slots               int         not null check (slots between 1 and 10000),
    -- Places held by active sign-ups, counted in the transaction of each sign-up and cancellation with a
    -- conditional update ("taken < slots"); the check is the promise that a project is never overbooked.
    taken               int         not null default 0 check (taken >= 0 and taken <= slots),
    -- FINISHED is not stored: a project that is not cancelled is finished once its end has passed.
    status              text        not null check (status in ('OPEN', 'CLOSED', 'CANCELLED')),
    created_by          uuid        not null references accounts (id),
    created_at          timestamptz not null,
    check ((location_name is null) = (location_lat is null)
           and (location_lat is null) = (location_lng is null)
           and (location_lng is null) = (location_radius_m is null))
);
create index volunteer_projects_org on volunteer_projects (org_id, starts_at, id);
create index volunteer_projects_open on volunteer_projects (starts_at, id) where status = 'OPEN';

-- One sign-up per member and project (a repeat gives back the first); its state moves only forward:
-- SIGNED_UP -> CHECKED_IN -> CHECKED_OUT -> APPROVED, or SIGNED_UP -> CANCELLED (and back by signing up again).
create table volunteer_signups (
    id                  uuid          primary key,
    project_id          uuid          not null references volunteer_projects (id),
    member_id           uuid          not null references members (id),
    status              text          not null check (status in ('SIGNED_UP', 'CHECKED_IN', 'CHECKED_OUT', 'APPROVED',
                                                                 'CANCELLED')),
    signed_up_at        timestamptz   not null,
    checked_in_at       timestamptz,
    -- Only how far from the project's location, never where: precise positions are not worth keeping.
    checkin_distance_m  int,
    checked_out_at      timestamptz,
    checkout_distance_m int,
    recorded_hours      numeric(4, 1) check (recorded_hours >= 0),
    -- A forgotten checkout made up by the secretary: who, when, why.
    made_up_by          uuid          references accounts (id),
    made_up_at          timestamptz,
    makeup_reason       text,
    approved_hours      numeric(4, 1) check (approved_hours >= 0 and approved_hours <= recorded_hours),
    approved_by         uuid          references accounts (id),
    approved_at         timestamptz,
    approval_reason     text,
    cancelled_by        uuid          references accounts (id),
    cancelled_at        timestamptz,
    constraint volunteer_signups_once unique (project_id, member_id),
    check (checked_out_at is null or checked_out_at >= checked_in_at)
);
create index volunteer_signups_project on volunteer_signups (project_id, id);
create index volunteer_signups_member on volunteer_signups (member_id, id);

-- Hours granted by hand with a reason (荣誉时长), kept apart from the hours recorded by check-in and checkout.
create table volunteer_honor_hours (
    id          uuid          primary key,
    member_id   uuid          not null references members (id),
    project_id  uuid          references volunteer_projects (id),
    hours       numeric(5, 1) not null check (hours > 0),
    reason      text          not null check (length(reason) between 1 and 500),
    granted_by  uuid          not null references accounts (id),
    granted_at  timestamptz   not null
);
create index volunteer_honor_hours_member on volunteer_honor_hours (member_id, granted_at, id);
