-- The marketplace schema and the extensions later migrations build on.
CREATE SCHEMA IF NOT EXISTS marketplace;

-- Case-insensitive text (emails) and trigram search helpers.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Keeps updated_at current on every table that has one.
CREATE OR REPLACE FUNCTION marketplace.touch_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
