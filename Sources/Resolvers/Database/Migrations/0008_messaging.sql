-- Messaging: a thread between a buyer and a provider, optionally about a listing or an
-- order; one thread per pair and subject, reused when the buyer starts it again.

CREATE TABLE marketplace.message_threads (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    buyer_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE RESTRICT,
    provider_id uuid NOT NULL REFERENCES marketplace.providers (id) ON DELETE RESTRICT,
    listing_id uuid REFERENCES marketplace.listings (id) ON DELETE RESTRICT,
    order_id uuid REFERENCES marketplace.orders (id) ON DELETE RESTRICT,
    subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
    last_message_at timestamptz NOT NULL DEFAULT now(),
    -- Read marks: the last message each side has read (messages.seq), 0 for none.
    buyer_read_seq bigint NOT NULL DEFAULT 0,
    provider_read_seq bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT message_threads_one_subject CHECK (listing_id IS NULL OR order_id IS NULL)
);

CREATE TRIGGER message_threads_touch BEFORE UPDATE ON marketplace.message_threads
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
-- The same pair and subject is one thread (NULLS NOT DISTINCT: a general thread is a subject too).
CREATE UNIQUE INDEX message_threads_pair_subject
    ON marketplace.message_threads (buyer_id, provider_id, listing_id, order_id) NULLS NOT DISTINCT;
-- threads: newest activity first, for each side.
CREATE INDEX message_threads_buyer_recent ON marketplace.message_threads (buyer_id, last_message_at DESC, id DESC);
CREATE INDEX message_threads_provider_recent
    ON marketplace.message_threads (provider_id, last_message_at DESC, id DESC);

CREATE TABLE marketplace.messages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- The order of messages (and what read marks point at): assigned at insert.
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    thread_id uuid NOT NULL REFERENCES marketplace.message_threads (id) ON DELETE CASCADE,
    sender_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE RESTRICT,
    body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX messages_thread_recent ON marketplace.messages (thread_id, seq DESC);
