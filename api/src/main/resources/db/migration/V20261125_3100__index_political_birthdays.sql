-- The notifier asks for "members whose political birthday is day D" every morning: an index on the month-day of
-- joining (month * 100 + day, so 29 February is 229), for active members only, ordered by id for paging. The
-- 29 February rule (greeted on 28 February in common years) is a second value looked up in the same index.
create index members_political_birthday
    on members (((extract(month from joined_party_on) * 100 + extract(day from joined_party_on))::int), id)
    where status in ('PROBATIONARY', 'FULL');

-- The mini program openid, encrypted like phone numbers, for WeChat subscribe messages. The blind index beside it
-- only finds accounts; sending needs the openid itself. Written when a member binds WeChat.
alter table accounts add column openid_cipher bytea;
