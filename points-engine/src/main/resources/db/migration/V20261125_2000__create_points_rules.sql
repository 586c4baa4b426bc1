-- Points rules (党员积分制管理), kept as versions: a version scores events of its event type whose details contain
-- every entry of match, from effective_from to effective_to (inclusive; open-ended when null). Versions of one code
-- never overlap and keep one category; the application checks that under a lock before it writes (see PointsRules).
create table points_rules (
    id              text          primary key,
    code            text          not null check (code ~ '^[A-Z][A-Z0-9_]*$'),
    name            text          not null check (length(name) between 1 and 100),
    category        text          not null check (category in ('BASIC', 'BONUS', 'DEDUCTION')),
    event_type      text          not null,
    points          numeric(10,1) not null check (points >= 0),
    basis           text          not null check (basis in ('PER_EVENT', 'PER_UNIT', 'FROM_EVENT')),
    match           jsonb         not null default '{}',
    cap_per_day     numeric(10,1) check (cap_per_day > 0),
    cap_per_month   numeric(10,1) check (cap_per_month > 0),
    cap_per_year    numeric(10,1) check (cap_per_year > 0),
    effective_from  date          not null,
    effective_to    date          check (effective_to >= effective_from),
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
create index points_rules_code on points_rules (code, effective_from);

-- Bumped by every rule change: each instance compares it with the rule book it holds and reloads when it moved.
create table points_rule_revision (
    singleton   boolean primary key default true check (singleton),
    revision    bigint  not null
);
insert into points_rule_revision (singleton, revision) values (true, 1);

-- The default rule book (DefaultRuleBook.versions(2020-01-01) in the pure core; a test keeps the two equal),
-- modelled on published schemes: 三会一课 3 points a session up to 12 a year, 主题党日 and 组织生活 2 up to 8,
-- absence without leave -2 (up to -20 a year), volunteer service 1 per approved hour up to 20 a year, base visits
-- 2 up to 8, study 1 per item up to 2 a day and 30 a year, manual adjustments, bonus claims.
insert into points_rules (id, code, name, category, event_type, points, basis, match, cap_per_day, cap_per_year,
                          effective_from) values
    ('ATTEND_BRANCH_ASSEMBLY@2020-01-01', 'ATTEND_BRANCH_ASSEMBLY', '参加支部党员大会', 'BASIC', 'ACTIVITY_ATTENDED', 3,
     'PER_EVENT', '{"activityType": "BRANCH_ASSEMBLY"}', null, 12, '2020-01-01'),
    ('ATTEND_COMMITTEE_MEETING@2020-01-01', 'ATTEND_COMMITTEE_MEETING', '参加支委会', 'BASIC', 'ACTIVITY_ATTENDED', 3,
     'PER_EVENT', '{"activityType": "COMMITTEE_MEETING"}', null, 12, '2020-01-01'),
    ('ATTEND_GROUP_MEETING@2020-01-01', 'ATTEND_GROUP_MEETING', '参加党小组会', 'BASIC', 'ACTIVITY_ATTENDED', 3,
     'PER_EVENT', '{"activityType": "GROUP_MEETING"}', null, 12, '2020-01-01'),
    ('ATTEND_PARTY_LECTURE@2020-01-01', 'ATTEND_PARTY_LECTURE', '参加党课', 'BASIC', 'ACTIVITY_ATTENDED', 3,
     'PER_EVENT', '{"activityType": "PARTY_LECTURE"}', null, 12, '2020-01-01'),
    ('ATTEND_THEME_DAY@2020-01-01', 'ATTEND_THEME_DAY', '参加主题党日', 'BASIC', 'ACTIVITY_ATTENDED', 2,
     'PER_EVENT', '{"activityType": "THEME_DAY"}', null, 8, '2020-01-01'),
    ('ATTEND_ORG_LIFE@2020-01-01', 'ATTEND_ORG_LIFE', '参加组织生活', 'BASIC', 'ACTIVITY_ATTENDED', 2,
     'PER_EVENT', '{"activityType": "ORG_LIFE"}', null, 8, '2020-01-01'),
    ('ABSENT_WITHOUT_LEAVE@2020-01-01', 'ABSENT_WITHOUT_LEAVE', '无故缺席组织活动', 'DEDUCTION',
     'ACTIVITY_ABSENT_WITHOUT_LEAVE', 2, 'PER_EVENT', '{}', null, 20, '2020-01-01'),
    ('VOLUNTEER_SERVICE@2020-01-01', 'VOLUNTEER_SERVICE', '志愿服务（每小时）', 'BASIC', 'VOLUNTEER_HOURS_APPROVED', 1,
     'PER_UNIT', '{}', null, 20, '2020-01-01'),
    ('BASE_VISIT@2020-01-01', 'BASE_VISIT', '参加开放式组织生活基地活动', 'BASIC', 'BASE_VISIT_COMPLETED', 2,
     'PER_EVENT', '{}', null, 8, '2020-01-01'),
    ('STUDY@2020-01-01', 'STUDY', '学习（每项）', 'BASIC', 'STUDY_COMPLETED', 1, 'PER_UNIT', '{}', 2, 30,
     '2020-01-01'),
    ('MANUAL_BONUS@2020-01-01', 'MANUAL_BONUS', '手动加分', 'BONUS', 'MANUAL_ADJUSTMENT', 0, 'FROM_EVENT', '{}',
     null, null, '2020-01-01'),
    ('MANUAL_DEDUCTION@2020-01-01', 'MANUAL_DEDUCTION', '手动扣分', 'DEDUCTION', 'MANUAL_ADJUSTMENT', 0, 'FROM_EVENT',
     '{}', null, null, '2020-01-01'),
    ('COMMENDATION@2020-01-01', 'COMMENDATION', '受到表彰', 'BONUS', 'BONUS_CLAIM_APPROVED', 5, 'PER_EVENT', '{}',
     null, 10, '2020-01-01'),
    ('ADVANCED_MODEL@2020-01-01', 'ADVANCED_MODEL', '评为先进典型', 'BONUS', 'BONUS_CLAIM_APPROVED', 10, 'PER_EVENT',
     '{}', null, 10, '2020-01-01');
