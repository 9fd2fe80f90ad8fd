-- The limits on messages (per minute and hour) and on review flags (per hour) count a
-- user's recent rows.
CREATE INDEX messages_sender_recent ON marketplace.messages (sender_id, created_at);
CREATE INDEX review_flags_user_recent ON marketplace.review_flags (user_id, created_at);
