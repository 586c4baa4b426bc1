-- Bases cannot be hoarded: bookings reach at most booking_horizon_days ahead, and a branch holds at most
-- max_pending_per_branch bookings awaiting approval at a base (counted under a transaction-scoped advisory lock).
-- Members check in at the base with its rotating code (code_secret: random, encrypted, made when first needed for
-- bases created before this) from within checkin_radius_m of it.
alter table bases
    add column booking_horizon_days   int not null default 60 check (booking_horizon_days between 1 and 730),
    add column max_pending_per_branch int not null default 3 check (max_pending_per_branch between 1 and 100),
    add column checkin_radius_m       int not null default 500 check (checkin_radius_m between 1 and 5000),
    add column code_secret            bytea;

create index reservations_pending_of_branch on reservations (base_id, org_id, ends_at) where status = 'PENDING';

-- A member's check-in at the base for a reservation: once per member, and one device checks in one member (as at
-- meetings). Only members who checked in earn the visit's points.
create table base_checkins (
    id              uuid        primary key,
    reservation_id  uuid        not null references reservations (id),
    member_id       uuid        not null references members (id),
    checked_in_at   timestamptz not null,
    method          text        not null check (method in ('QR', 'GEO', 'QR_GEO')),
    -- Only how far from the base, never where.
    distance_m      int,
    device_hash     bytea       not null,
    constraint base_checkins_once unique (reservation_id, member_id),
    constraint base_checkins_one_device unique (reservation_id, device_hash)
);

-- Whether the attendee had checked in at the base when the visit was completed: only those earn BASE_VISIT_COMPLETED.
-- Visits recorded before base check-ins existed say false; their points events were recorded then.
alter table base_visits add column checked_in boolean not null default false;
