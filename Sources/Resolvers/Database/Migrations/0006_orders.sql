-- Orders: one per checkout of a whole cart, an item per listing, an invoice per provider,
-- ticket holds, payments, and the Stripe events already processed. Money is BIGINT cents;
-- every CHECK below turns a bookkeeping slip into an error instead of a wrong amount.

-- Human-readable order numbers (MP-100001), unique and never reused.
CREATE SEQUENCE marketplace.order_number_seq START 100001;

CREATE TABLE marketplace.orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number text NOT NULL UNIQUE,
    -- RESTRICT: orders are financial records; a user with orders is soft-deleted, never erased.
    buyer_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE RESTRICT,
    status text NOT NULL DEFAULT 'awaiting_payment' CHECK (status IN (
        'awaiting_payment', 'paid', 'in_progress', 'completed', 'cancelled', 'expired', 'refunded',
        'partially_refunded')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal_cents bigint NOT NULL CHECK (subtotal_cents >= 0),
    platform_fee_cents bigint NOT NULL CHECK (platform_fee_cents BETWEEN 0 AND subtotal_cents),
    tax_cents bigint NOT NULL DEFAULT 0 CHECK (tax_cents >= 0),
    total_cents bigint NOT NULL,
    refunded_cents bigint NOT NULL DEFAULT 0,
    stripe_checkout_session_id text UNIQUE,
    stripe_checkout_url text,
    stripe_payment_intent_id text,
    stripe_charge_id text,
    -- The hold's end: unpaid orders expire then, and their reservations with them.
    expires_at timestamptz NOT NULL,
    paid_at timestamptz,
    cancelled_at timestamptz,
    cancel_reason text,
    expired_at timestamptz,
    refunded_at timestamptz,
    refund_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_total CHECK (total_cents = subtotal_cents + tax_cents),
    CONSTRAINT orders_refunded CHECK (refunded_cents BETWEEN 0 AND total_cents),
    CONSTRAINT orders_paid_at CHECK (status IN ('awaiting_payment', 'cancelled', 'expired') OR paid_at IS NOT NULL)
);

CREATE TRIGGER orders_touch BEFORE UPDATE ON marketplace.orders
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
-- myOrders, newest first, keyset on (created_at, id).
CREATE INDEX orders_buyer_recent ON marketplace.orders (buyer_id, created_at DESC, id DESC);
-- The sweeper's scan: only unpaid orders, by when their hold ends.
CREATE INDEX orders_awaiting_expiry ON marketplace.orders (expires_at) WHERE status = 'awaiting_payment';
CREATE INDEX orders_payment_intent ON marketplace.orders (stripe_payment_intent_id)
    WHERE stripe_payment_intent_id IS NOT NULL;

CREATE TABLE marketplace.order_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES marketplace.orders (id) ON DELETE CASCADE,
    -- RESTRICT: listings are only soft-deleted; an item keeps what was bought either way.
    listing_id uuid NOT NULL REFERENCES marketplace.listings (id) ON DELETE RESTRICT,
    provider_id uuid NOT NULL REFERENCES marketplace.providers (id) ON DELETE RESTRICT,
    kind text NOT NULL CHECK (kind IN ('service', 'digital', 'ticket')),
    title text NOT NULL,
    unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
    quantity integer NOT NULL CHECK (quantity > 0),
    line_total_cents bigint NOT NULL,
    platform_fee_cents bigint NOT NULL CHECK (platform_fee_cents >= 0),
    provider_payout_cents bigint NOT NULL CHECK (provider_payout_cents >= 0),
    refunded_cents bigint NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'awaiting_payment' CHECK (status IN (
        'awaiting_payment', 'paid', 'in_progress', 'completed', 'cancelled', 'expired', 'refunded')),
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (order_id, listing_id),
    CONSTRAINT order_items_line_total CHECK (line_total_cents = unit_price_cents * quantity),
    CONSTRAINT order_items_split CHECK (platform_fee_cents + provider_payout_cents = line_total_cents),
    CONSTRAINT order_items_refunded CHECK (refunded_cents BETWEEN 0 AND line_total_cents)
);

CREATE TRIGGER order_items_touch BEFORE UPDATE ON marketplace.order_items
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
CREATE INDEX order_items_order ON marketplace.order_items (order_id);
-- providerOrders: a provider's sales, newest first.
CREATE INDEX order_items_provider_recent ON marketplace.order_items (provider_id, created_at DESC, order_id);
-- Has the viewer bought this listing (downloads)?
CREATE INDEX order_items_listing ON marketplace.order_items (listing_id);

-- A ticket's hold while its buyer checks out; kept once paid (paid_at), released when the
-- order is cancelled, expires or is refunded. Available = quantity - every unreleased hold
-- that is paid or not yet expired.
CREATE TABLE marketplace.reservations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_item_id uuid NOT NULL UNIQUE REFERENCES marketplace.order_items (id) ON DELETE CASCADE,
    listing_id uuid NOT NULL REFERENCES marketplace.listings (id) ON DELETE RESTRICT,
    quantity integer NOT NULL CHECK (quantity > 0),
    expires_at timestamptz NOT NULL,
    paid_at timestamptz,
    released_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER reservations_touch BEFORE UPDATE ON marketplace.reservations
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
-- The availability sum reads only live holds of one listing.
CREATE INDEX reservations_live ON marketplace.reservations (listing_id) WHERE released_at IS NULL;

-- Invoice numbers (INV-100001).
CREATE SEQUENCE marketplace.invoice_number_seq START 100001;

CREATE TABLE marketplace.invoices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number text NOT NULL UNIQUE,
    order_id uuid NOT NULL REFERENCES marketplace.orders (id) ON DELETE CASCADE,
    provider_id uuid NOT NULL REFERENCES marketplace.providers (id) ON DELETE RESTRICT,
    status text NOT NULL DEFAULT 'sent' CHECK (status IN ('draft', 'sent', 'paid', 'refunded', 'void')),
    currency char(3) NOT NULL,
    subtotal_cents bigint NOT NULL CHECK (subtotal_cents >= 0),
    tax_cents bigint NOT NULL DEFAULT 0 CHECK (tax_cents >= 0),
    total_cents bigint NOT NULL,
    paid_cents bigint NOT NULL DEFAULT 0,
    refunded_cents bigint NOT NULL DEFAULT 0,
    -- The provider's share after the platform fee: what a transfer sends.
    payout_cents bigint NOT NULL CHECK (payout_cents BETWEEN 0 AND total_cents),
    payment_method text CHECK (payment_method IN ('stripe', 'cash', 'bank_transfer', 'check', 'other')),
    stripe_transfer_id text UNIQUE,
    manual_reference text,
    paid_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (order_id, provider_id),
    CONSTRAINT invoices_total CHECK (total_cents = subtotal_cents + tax_cents),
    CONSTRAINT invoices_paid CHECK (paid_cents BETWEEN 0 AND total_cents),
    CONSTRAINT invoices_refunded CHECK (refunded_cents BETWEEN 0 AND paid_cents)
);

CREATE TRIGGER invoices_touch BEFORE UPDATE ON marketplace.invoices
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
CREATE INDEX invoices_provider ON marketplace.invoices (provider_id, created_at DESC);

CREATE TABLE marketplace.payments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES marketplace.orders (id) ON DELETE RESTRICT,
    status text NOT NULL CHECK (status IN ('created', 'failed', 'completed', 'refunded')),
    -- Positive for a charge, the refunded amount for a refund row.
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    currency char(3) NOT NULL,
    stripe_payment_intent_id text,
    stripe_charge_id text,
    -- UNIQUE: a refund recorded twice (our call and its webhook) is one row.
    stripe_refund_id text UNIQUE,
    failure_message text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER payments_touch BEFORE UPDATE ON marketplace.payments
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
CREATE INDEX payments_order ON marketplace.payments (order_id, created_at);

-- Webhook idempotency: an event id is stored first, in the transaction that handles it.
CREATE TABLE marketplace.stripe_events (
    id text PRIMARY KEY,
    type text NOT NULL,
    payload jsonb NOT NULL,
    processed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
