-- 一人一机: one device checks in one member per activity. The device is the app's install id (X-Device-Id), kept only
-- as a keyed hash: it identifies a phone, so it is never stored in clear. The check-in insert's ON CONFLICT DO NOTHING
-- names no constraint, so this index and checkins_once both make it skip a row. Manual check-ins have no device
-- (NULL, which the partial index leaves out).
alter table checkins add column device_hash bytea;
create unique index checkins_one_device on checkins (activity_id, device_hash) where device_hash is not null;

-- Every check-in from now on comes from a device, unless a secretary recorded it by hand. Check-ins stored before
-- devices were bound have none: NOT VALID leaves them as they are.
alter table checkins add constraint checkins_device_unless_manual
    check (method = 'MANUAL' or device_hash is not null) not valid;
