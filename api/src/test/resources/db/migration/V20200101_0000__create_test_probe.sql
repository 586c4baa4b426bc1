-- Test only: a table the probe endpoints write to, to observe effects of paging and idempotency tests.
create table probe_items (
    id          uuid        primary key,
    owner       text        not null,
    label       text        not null,
    created_at  timestamptz not null default now()
);
create index probe_items_owner on probe_items (owner, id);
