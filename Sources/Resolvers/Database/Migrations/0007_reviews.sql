-- Reviews: one per completed order item, by its buyer. The aggregates on listings and
-- providers (review_count, rating_sum; average_rating is generated from them) count the
-- reviews that are shown (published or flagged) and move in the transaction of the change.

CREATE TABLE marketplace.reviews (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- UNIQUE: once per order item.
    order_item_id uuid NOT NULL UNIQUE REFERENCES marketplace.order_items (id) ON DELETE RESTRICT,
    listing_id uuid NOT NULL REFERENCES marketplace.listings (id) ON DELETE RESTRICT,
    provider_id uuid NOT NULL REFERENCES marketplace.providers (id) ON DELETE RESTRICT,
    author_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE RESTRICT,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title text CHECK (char_length(title) BETWEEN 1 AND 120),
    body text CHECK (char_length(body) BETWEEN 1 AND 5000),
    provider_response text CHECK (char_length(provider_response) BETWEEN 1 AND 2000),
    responded_at timestamptz,
    status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'flagged', 'removed')),
    flag_count integer NOT NULL DEFAULT 0 CHECK (flag_count >= 0),
    moderated_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reviews_response CHECK ((provider_response IS NULL) = (responded_at IS NULL))
);

CREATE TRIGGER reviews_touch BEFORE UPDATE ON marketplace.reviews
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
-- Listing.reviews and Provider.reviews: shown reviews, newest first, keyset on (created_at, id).
CREATE INDEX reviews_listing_recent ON marketplace.reviews (listing_id, created_at DESC, id DESC)
    WHERE status <> 'removed';
CREATE INDEX reviews_provider_recent ON marketplace.reviews (provider_id, created_at DESC, id DESC)
    WHERE status <> 'removed';
-- The moderation queue.
CREATE INDEX reviews_flagged ON marketplace.reviews (updated_at) WHERE status = 'flagged';

-- Who flagged a review and why: one flag per user and review, so flag_count counts people.
CREATE TABLE marketplace.review_flags (
    review_id uuid NOT NULL REFERENCES marketplace.reviews (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE CASCADE,
    reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (review_id, user_id)
);
