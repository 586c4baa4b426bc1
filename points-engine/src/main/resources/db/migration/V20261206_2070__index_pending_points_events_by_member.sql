-- Scoring asks, for each member of a batch, whether an older event of theirs is still pending (held by another worker):
-- a short range of this index per member, however long the queue. Without it the planner read the whole pending
-- queue for every batch, and it trusted statistics taken when the queue was empty (autovacuum analyzes a quiet table):
-- during a meeting rush, with 150,000 events waiting, that was 200 ms of the database's time for each batch.
create index points_events_pending_member on points_events (member_id, seq) where scored_at is null and failed_at is null;
