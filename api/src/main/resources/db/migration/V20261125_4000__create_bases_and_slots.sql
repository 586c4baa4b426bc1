-- Open organizational-life bases (开放式组织生活基地): what they offer and when, and the seats of their slots.

create table bases (
    id              uuid             primary key,
    name            text             not null check (length(name) between 1 and 100),
    type            text             not null check (type in ('BASIC', 'RED', 'PUBLIC_WELFARE', 'TECH')),
    address         text             not null check (length(address) between 1 and 200),
    lat             double precision not null check (lat between -90 and 90),
    lng             double precision not null check (lng between -180 and 180),
    capacity        int              not null check (capacity > 0),
    slot_minutes    int              not null check (slot_minutes > 0),
    admin_org_id    uuid             not null references orgs (id),
    created_at      timestamptz      not null default now(),
    updated_at      timestamptz      not null default now()
);
create index bases_type on bases (type, id);

-- Weekly opening periods in local time of the business zone (ISO day of week: 1 = Monday). That periods of one day
-- do not overlap is checked by the application when they are replaced.
create table base_opening_hours (
    base_id         uuid        not null references bases (id) on delete cascade,
    day_of_week     int         not null check (day_of_week between 1 and 7),
    opens_at        time        not null,
    closes_at       time        not null,
    primary key (base_id, day_of_week, opens_at),
    check (opens_at < closes_at)
);

-- The menu of activities. An item taken off the menu stays (inactive): reservations that chose it still name it.
create table base_menu_items (
    id              uuid        primary key,
    base_id         uuid        not null references bases (id) on delete cascade,
    name            text        not null check (length(name) between 1 and 50),
    minutes         int         not null check (minutes > 0),
    position        int         not null,
    active          boolean     not null default true
);
create index base_menu_items_base on base_menu_items (base_id, position);

-- Seats: one row per slot of a base, made when the slot is first booked, with the base's capacity then. Bookings
-- take seats with a conditional update (booked + n <= capacity); the check below refuses an overbooked slot even if
-- the code were wrong.
create table base_slots (
    base_id         uuid        not null references bases (id),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    capacity        int         not null,
    booked          int         not null default 0,
    primary key (base_id, starts_at),
    constraint base_slots_never_overbooked check (booked >= 0 and booked <= capacity),
    check (ends_at > starts_at)
);
