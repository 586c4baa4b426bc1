-- Reservations (预约) of base slots by branches, what came of them, and the visits they became.

-- A reservation holds `headcount` seats in every slot of its base from starts_at to ends_at (slots of slot_minutes,
-- as the base had them when it was booked) while it is PENDING or APPROVED. The contact's phone number is personal
-- data: encrypted with the reservation id as associated data.
create table reservations (
    id                      uuid        primary key,
    base_id                 uuid        not null references bases (id),
    org_id                  uuid        not null references orgs (id),
    starts_at               timestamptz not null,
    ends_at                 timestamptz not null,
    slot_minutes            int         not null check (slot_minutes > 0),
    headcount               int         not null check (headcount >= 1),
    menu_item_ids           uuid[]      not null,
    channel                 text        not null check (channel in ('APP', 'WECHAT', 'WEB', 'HOTLINE', 'WALK_IN')),
    contact_name            text        not null check (length(contact_name) between 1 and 50),
    contact_phone_cipher    bytea       not null,
    status                  text        not null
                                        check (status in ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'COMPLETED')),
    reason                  text,
    created_by              uuid        not null references accounts (id),
    created_at              timestamptz not null,
    decided_by              uuid        references accounts (id),
    decided_at              timestamptz,
    check (ends_at > starts_at)
);
create index reservations_base on reservations (base_id, id);
create index reservations_org on reservations (org_id, id);

-- What became of a reservation, recorded in the transaction of the change, for the RESERVATION_RESULT notification
-- to the booking secretary (secretary_id; none when the base's staff entered the booking: then the branch's
-- secretaries are meant).
create table reservation_outcomes (
    id                      uuid        primary key,
    reservation_id          uuid        not null references reservations (id),
    base_id                 uuid        not null references bases (id),
    org_id                  uuid        not null references orgs (id),
    outcome                 text        not null check (outcome in ('APPROVED', 'REJECTED', 'CANCELLED')),
    reason                  text,
    secretary_id            uuid        references accounts (id),
    actor_id                uuid        not null references accounts (id),
    occurred_at             timestamptz not null,
    unique (reservation_id, outcome)
);
create index reservation_outcomes_time on reservation_outcomes (occurred_at, id);

-- One row per attendee of a completed visit: the organizational life the branch held at the base, and the source of
-- each attendee's BASE_VISIT_COMPLETED points event (once: the key is the reservation and the member).
create table base_visits (
    reservation_id          uuid        not null references reservations (id),
    member_id               uuid        not null references members (id),
    base_id                 uuid        not null references bases (id),
    branch_id               uuid        not null references orgs (id),
    visit_date              date        not null,
    starts_at               timestamptz not null,
    ends_at                 timestamptz not null,
    recorded_at             timestamptz not null,
    primary key (reservation_id, member_id)
);
create index base_visits_branch on base_visits (branch_id, visit_date);
create index base_visits_member on base_visits (member_id, visit_date);
