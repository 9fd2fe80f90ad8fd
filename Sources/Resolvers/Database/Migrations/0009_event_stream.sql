-- Subscriptions catch up from `events` when the notification connection drops. They read
-- the rows of transactions that are settled (older than every transaction still running:
-- `pg_snapshot_xmin`), so each row is read exactly once even though ids are assigned
-- before commit and transactions commit out of id order.
ALTER TABLE marketplace.events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX events_txid ON marketplace.events (txid);
