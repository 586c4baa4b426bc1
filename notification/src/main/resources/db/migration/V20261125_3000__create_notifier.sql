-- The notifier: inbox, devices, preferences, WeChat consents, deliveries (the outbox) and the political-birthday
-- fence. Members are referred to by id only: the members table belongs to the application, not to the notifier.

-- The inbox. A notification is stored as its kind and parameters; texts are rendered in the reader's language.
-- (kind, member_id, source_id) is the publisher's dedupe key: publishing the same change twice stores it once.
create table notifications (
    id          uuid        primary key,
    member_id   uuid        not null,
    kind        text        not null check (kind in ('POLITICAL_BIRTHDAY', 'BIRTHDAY_DIGEST', 'ACTIVITY_INVITATION',
                                                     'ACTIVITY_REMINDER', 'RESERVATION_RESULT', 'LEAVE_RESULT',
                                                     'VOLUNTEER_HOURS_APPROVED')),
    source_id   text        not null check (length(source_id) between 1 and 200),
    params      jsonb       not null,
    deadline    timestamptz,
    created_at  timestamptz not null,
    read_at     timestamptz,
    constraint notifications_once unique (kind, member_id, source_id)
);
create index notifications_inbox on notifications (member_id, id desc);

-- Push targets. A token belongs to one device, hence to whoever registered it last.
create table devices (
    token       text        primary key check (length(token) between 1 and 512),
    member_id   uuid        not null,
    platform    text        not null check (platform in ('IOS', 'ANDROID', 'HARMONY', 'WECHAT')),
    created_at  timestamptz not null
);
create index devices_member on devices (member_id, created_at);

-- Per kind on/off and channels, quiet hours. No row: the defaults.
create table notification_preferences (
    member_id   uuid        primary key,
    kinds       jsonb       not null,
    quiet_from  time,
    quiet_to    time,
    updated_at  timestamptz not null,
    check ((quiet_from is null) = (quiet_to is null))
);

-- One-time WeChat subscribe-message consents (wx.requestSubscribeMessage): each message uses one.
create table wechat_consents (
    member_id     uuid  not null,
    template_kind text  not null,
    remaining     int   not null check (remaining >= 0),
    primary key (member_id, template_kind)
);

-- One row per notification and channel target: the outbox the delivery workers drain. id is the messageId the
-- gateways see, stable across retries. Workers claim due rows with FOR UPDATE SKIP LOCKED and lease them by moving
-- next_attempt_at forward; a worker that dies leaves them due again when the lease ends.
create table deliveries (
    id               uuid        primary key,
    notification_id  uuid        not null references notifications (id) on delete cascade,
    member_id        uuid        not null,
    channel          text        not null check (channel in ('PUSH', 'WECHAT', 'SMS')),
    target           text,
    platform         text,
    fallback         text        check (fallback in ('SMS')),
    status           text        not null check (status in ('PENDING', 'HELD', 'SENT', 'FAILED', 'GIVEN_UP', 'SKIPPED')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    deadline         timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    finished_at      timestamptz
);
create index deliveries_due on deliveries (next_attempt_at) where status in ('PENDING', 'HELD');
create index deliveries_notification on deliveries (notification_id);
create index deliveries_target on deliveries (target) where channel = 'PUSH' and status in ('PENDING', 'HELD');

-- Exactly one political-birthday greeting per member and year: inserted with ON CONFLICT DO NOTHING in the
-- transaction that stores the greeting and its deliveries.
create table political_birthday_greetings (
    member_id        uuid        not null,
    year             int         not null,
    greeted_on       date        not null,
    created_at       timestamptz not null,
    primary key (member_id, year)
);

-- SMS is the expensive channel: messages per member (one number each) per local day.
create table sms_quota_uses (
    member_id    uuid  not null,
    day          date  not null,
    delivery_id  uuid  not null,
    primary key (member_id, day, delivery_id)
);
