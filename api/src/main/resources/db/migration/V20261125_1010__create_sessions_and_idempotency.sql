-- Refresh tokens rotate on every use; each login starts a family. A token used twice revokes its whole family.
create table refresh_families (
    id          uuid        primary key,
    account_id  uuid        not null references accounts (id) on delete cascade,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);
create index refresh_families_account on refresh_families (account_id);

-- Only a hash of each token is kept: a copy of this table logs nobody in.
create table refresh_tokens (
    token_hash  bytea       primary key,
    family_id   uuid        not null references refresh_families (id) on delete cascade,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_expiry on refresh_tokens (expires_at);

-- Responses to POSTs sent with an Idempotency-Key, stored in the transaction of their effect and replayed for
-- retries. Keys belong to a caller. The body is encrypted (it may hold tokens or personal data).
create table idempotency_keys (
    caller          text        not null,
    key             text        not null,
    request_hash    bytea       not null,
    status          int         not null,
    content_type    text,
    location        text,
    body            bytea,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (caller, key)
);
create index idempotency_keys_expiry on idempotency_keys (expires_at);
