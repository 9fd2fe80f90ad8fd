-- Providers (the selling side of a user), their listings, and buyers' saved listings.
--
-- Conventions here: money is BIGINT cents; rows are soft-deleted through deleted_at;
-- enumerations are text with a CHECK (adding a value is one ALTER, unlike an enum type
-- inside a transaction); city, state and category are citext so that filters match
-- "austin" and "Austin" and still use plain btree indexes.

-- array_to_string is STABLE for anyarray (element output functions may read settings),
-- so a generated column may not call it. For text[] the result depends on nothing but
-- the argument, which makes declaring this wrapper IMMUTABLE truthful.
CREATE FUNCTION marketplace.tags_text(tags text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN array_to_string(tags, ' ');

CREATE TABLE marketplace.providers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- One provider per user. CASCADE: a provider is a facet of its user; the normal path
    -- is soft deletion, and a hard delete of the user (erasure) must take the profile along.
    user_id uuid NOT NULL UNIQUE REFERENCES marketplace.users (id) ON DELETE CASCADE,
    business_name text NOT NULL CHECK (length(btrim(business_name)) BETWEEN 1 AND 200),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text NOT NULL DEFAULT '',
    city citext,
    state citext,
    country text NOT NULL DEFAULT 'US' CHECK (country ~ '^[A-Z]{2}$'),
    logo_key text,
    website text,
    phone text,
    -- Stripe Connect (Express). UNIQUE: one connected account never serves two providers,
    -- or account.updated webhooks would update the wrong one.
    stripe_account_id text UNIQUE,
    stripe_details_submitted boolean NOT NULL DEFAULT false,
    stripe_charges_enabled boolean NOT NULL DEFAULT false,
    stripe_payouts_enabled boolean NOT NULL DEFAULT false,
    payment_mode text NOT NULL DEFAULT 'stripe_connect' CHECK (payment_mode IN ('stripe_connect', 'offline')),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    -- Stats, kept by the code that changes them in the same transaction. The CHECKs turn
    -- a bookkeeping bug into an error instead of a silently wrong dashboard.
    listing_count integer NOT NULL DEFAULT 0 CHECK (listing_count >= 0),
    active_listing_count integer NOT NULL DEFAULT 0 CHECK (active_listing_count BETWEEN 0 AND listing_count),
    order_count integer NOT NULL DEFAULT 0 CHECK (order_count >= 0),
    completed_order_count integer NOT NULL DEFAULT 0 CHECK (completed_order_count BETWEEN 0 AND order_count),
    revenue_cents bigint NOT NULL DEFAULT 0 CHECK (revenue_cents >= 0),
    pending_payout_cents bigint NOT NULL DEFAULT 0 CHECK (pending_payout_cents >= 0),
    rating_sum bigint NOT NULL DEFAULT 0,
    review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    -- Derived, never written: code updates rating_sum and review_count only, so the
    -- average cannot drift from them. Two decimals, exact (numeric), as shown to users.
    average_rating numeric(3, 2) GENERATED ALWAYS AS (
        CASE WHEN review_count > 0 THEN round(rating_sum::numeric / review_count, 2) ELSE 0 END) STORED,
    badges text[] NOT NULL DEFAULT '{}',
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Ratings are 1 to 5, so the sum lies between count and 5 * count.
    CONSTRAINT providers_rating_sum CHECK (rating_sum BETWEEN review_count AND 5 * review_count)
);

CREATE TRIGGER providers_touch BEFORE UPDATE ON marketplace.providers
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();

CREATE TABLE marketplace.listings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- CASCADE: listings belong to their provider, which is itself only hard-deleted with
    -- its user (erasure). Money history does not depend on this: order items keep the
    -- title and price as bought, and their own foreign key decides whether a listing
    -- with sales may disappear.
    provider_id uuid NOT NULL REFERENCES marketplace.providers (id) ON DELETE CASCADE,
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    kind text NOT NULL CHECK (kind IN ('service', 'digital', 'ticket')),
    title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '',
    category citext NOT NULL,
    -- Lowercase, trimmed, no NULL elements (the store normalizes): the tags filter is
    -- `tags @> $1`, and a NULL element would never match anything.
    tags text[] NOT NULL DEFAULT '{}' CHECK (array_position(tags, NULL) IS NULL AND cardinality(tags) <= 20),
    price_cents bigint NOT NULL CHECK (price_cents >= 0),
    currency char(3) NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    -- Seed 004's price types; "contact" shows a price of 0 as "ask the provider".
    price_type text NOT NULL DEFAULT 'fixed' CHECK (price_type IN ('fixed', 'hourly', 'daily', 'custom', 'contact')),
    image_keys text[] NOT NULL DEFAULT '{}',
    file_key text,
    -- NULL means unlimited (services, digital files); a ticket always has a quantity.
    quantity integer CHECK (quantity > 0),
    city citext,
    state citext,
    country text NOT NULL DEFAULT 'US' CHECK (country ~ '^[A-Z]{2}$'),
    event_starts_at timestamptz,
    venue text,
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'archived', 'sold_out')),
    published_at timestamptz,
    saved_count integer NOT NULL DEFAULT 0 CHECK (saved_count >= 0),
    order_count integer NOT NULL DEFAULT 0 CHECK (order_count >= 0),
    review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
    rating_sum bigint NOT NULL DEFAULT 0,
    -- Derived as on providers. Never NULL, so the RATING sort's keyset needs no NULL rules.
    average_rating numeric(3, 2) GENERATED ALWAYS AS (
        CASE WHEN review_count > 0 THEN round(rating_sum::numeric / review_count, 2) ELSE 0 END) STORED,
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(category::text, '')), 'B')
        || setweight(to_tsvector('english', marketplace.tags_text(tags)), 'B')
        || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT listings_ticket_quantity CHECK (kind <> 'ticket' OR quantity IS NOT NULL),
    -- A digital listing is its file: required at creation (API), meaningless for others.
    CONSTRAINT listings_digital_file CHECK ((kind = 'digital') = (file_key IS NOT NULL)),
    -- The NEWEST sort's keyset is (published_at, id): every browsable row must have one.
    CONSTRAINT listings_published_at CHECK (status NOT IN ('active', 'sold_out') OR published_at IS NOT NULL),
    CONSTRAINT listings_rating_sum CHECK (rating_sum BETWEEN review_count AND 5 * review_count)
);

CREATE TRIGGER listings_touch BEFORE UPDATE ON marketplace.listings
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();

-- Public browse. Every index is partial on what browse always asks for (active, not
-- deleted), so drafts, archives and deleted rows cost nothing here. The sort indexes
-- match ORDER BY (key, id) in both columns' direction, so a keyset page is one index
-- range scan of `first + 1` entries, however deep the page.
CREATE INDEX listings_browse_newest ON marketplace.listings (published_at DESC, id DESC)
    WHERE deleted_at IS NULL AND status = 'active';
-- Scanned forwards for PRICE_ASC, backwards for PRICE_DESC.
CREATE INDEX listings_browse_price ON marketplace.listings (price_cents, id)
    WHERE deleted_at IS NULL AND status = 'active';
CREATE INDEX listings_browse_rating ON marketplace.listings (average_rating DESC, id DESC)
    WHERE deleted_at IS NULL AND status = 'active';
-- Category pages are browsed newest first (seed 004: category, status, published_at).
CREATE INDEX listings_browse_category ON marketplace.listings (category, published_at DESC, id DESC)
    WHERE deleted_at IS NULL AND status = 'active';
-- (state, city) serves a state and a city within it; a city alone has its own.
CREATE INDEX listings_browse_state_city ON marketplace.listings (state, city)
    WHERE deleted_at IS NULL AND status = 'active';
CREATE INDEX listings_browse_city ON marketplace.listings (city)
    WHERE deleted_at IS NULL AND status = 'active';
-- A provider's public page, newest first.
CREATE INDEX listings_browse_provider ON marketplace.listings (provider_id, published_at DESC, id DESC)
    WHERE deleted_at IS NULL AND status = 'active';
CREATE INDEX listings_browse_tags ON marketplace.listings USING gin (tags)
    WHERE deleted_at IS NULL AND status = 'active';
CREATE INDEX listings_browse_search ON marketplace.listings USING gin (search_vector)
    WHERE deleted_at IS NULL AND status = 'active';
-- Typo-tolerant title lookups (similarity, ILIKE '%...%') for autocomplete.
CREATE INDEX listings_browse_title_trgm ON marketplace.listings USING gin (title gin_trgm_ops)
    WHERE deleted_at IS NULL AND status = 'active';

-- A provider's dashboard: its listings of every status but deleted.
CREATE INDEX listings_provider_status ON marketplace.listings (provider_id, status)
    WHERE deleted_at IS NULL;

CREATE TABLE marketplace.saved_listings (
    -- CASCADE both ways: a bookmark means nothing without either side, and holds no
    -- history worth keeping. (Soft-deleted listings keep their bookmarks; browse hides them.)
    user_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE CASCADE,
    listing_id uuid NOT NULL REFERENCES marketplace.listings (id) ON DELETE CASCADE,
    -- The row's creation time; a bookmark is never updated, so it needs no updated_at.
    saved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, listing_id)
);

-- savedCount and the listing side of the cascade.
CREATE INDEX saved_listings_listing ON marketplace.saved_listings (listing_id);
-- A user's saved listings, most recent first, keyset on (saved_at, listing_id).
CREATE INDEX saved_listings_user_recent ON marketplace.saved_listings (user_id, saved_at DESC, listing_id DESC);
