-- Carts: what each buyer means to check out, one line per listing.

CREATE TABLE marketplace.cart_lines (
    -- CASCADE both ways: a cart line is a wish, not a record.
    user_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE CASCADE,
    listing_id uuid NOT NULL REFERENCES marketplace.listings (id) ON DELETE CASCADE,
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, listing_id)
);

CREATE INDEX cart_lines_listing ON marketplace.cart_lines (listing_id);
CREATE TRIGGER cart_lines_touch BEFORE UPDATE ON marketplace.cart_lines
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();
