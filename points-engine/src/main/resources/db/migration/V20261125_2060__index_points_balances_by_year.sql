-- Leaderboards join a subtree's roster with the balances of one year: read them from an index holding the total,
-- so the join stays as cheap when the table holds many years.
create index points_balances_year on points_balances (year, member_id) include (total);
