-- 民主评议: the grades of every member of an org subtree for a year, computed from their points with the scheme
-- stored beside them. Evaluating again replaces the grades of that org and year.
create table points_evaluations (
    id                   uuid          primary key,
    org_id               uuid          not null,
    year                 int           not null,
    excellent_from       numeric(10,1) not null,
    qualified_from       numeric(10,1) not null,
    basic_from           numeric(10,1) not null,
    max_excellent_share  numeric(4,3)  not null,
    evaluated_by         uuid          not null,
    evaluated_at         timestamptz   not null,
    unique (org_id, year)
);

create table points_evaluation_grades (
    evaluation_id  uuid          not null references points_evaluations (id) on delete cascade,
    member_id      uuid          not null,
    points         numeric(12,1) not null,
    grade          text          not null check (grade in ('EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED')),
    primary key (evaluation_id, member_id)
);
create index points_evaluation_grades_order on points_evaluation_grades (evaluation_id, points desc, member_id);
