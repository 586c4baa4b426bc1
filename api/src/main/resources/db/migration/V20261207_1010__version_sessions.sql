-- A session is a refresh-token family. Its access tokens carry the version of the session they were issued at; a
-- token of an older version stops working. Changing what a session's tokens say (roles removed, a move to another
-- branch) raises the version; ending a session (logout, a refresh token used twice, the member leaving) sets it to
-- the largest int, so no token of it works any more.
alter table refresh_families add column version int not null default 0;
alter table refresh_families add column revoked_reason text
    check (revoked_reason in ('LOGOUT', 'REUSE', 'MEMBERSHIP_ENDED'));

-- Every such change, for every instance to learn within seconds: each keeps the recent ones in memory and checks
-- every access token against them. Rows older than the longest access token's life are of no more use.
create table session_changes (
    session_id  uuid        not null,
    version     int         not null,
    changed_at  timestamptz not null default now()
);
create index session_changes_at on session_changes (changed_at);

-- Tell the listening instances at once (delivered when the change commits); they read what changed themselves.
create function notify_session_changes() returns trigger language plpgsql as $$
begin
    perform pg_notify('party_session_changes', '');
    return null;
end
$$;
create trigger session_changes_notify after insert on session_changes
    for each statement execute function notify_session_changes();
