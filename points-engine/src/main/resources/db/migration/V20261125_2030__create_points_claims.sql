-- Bonus claims: a member claims a bonus item (a commendation, ...) with a description and evidence; a secretary
-- covering the member's branch approves (an event BONUS_CLAIM_APPROVED is recorded and scored under the claimed
-- rule, caps applied) or rejects it. org_path is the member's branch path at the time of the claim, for scope.
create table points_claims (
    id             uuid        primary key,
    member_id      uuid        not null,
    branch_id      uuid        not null,
    org_path       uuid[]      not null,
    rule_code      text        not null,
    occurred_on    date        not null,
    description    text        not null check (length(description) between 1 and 1000),
    evidence_urls  text[]      not null default '{}',
    status         text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by     uuid,
    decided_at     timestamptz,
    reject_reason  text,
    created_at     timestamptz not null,
    check ((status = 'PENDING') = (decided_at is null))
);
create index points_claims_member on points_claims (member_id, id desc);
create index points_claims_path on points_claims using gin (org_path);
