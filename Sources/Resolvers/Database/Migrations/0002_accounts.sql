-- Accounts: users, their sessions and one-time tokens, sign-in attempts for rate limiting,
-- and the two outboxes every later part writes to (email_outbox, events).

CREATE TABLE marketplace.users (
    id uuid PRIMARY KEY,
    email citext NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    password_hash text NOT NULL,
    first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    phone text CHECK (phone IS NULL OR length(phone) BETWEEN 5 AND 32),
    role text NOT NULL DEFAULT 'buyer' CHECK (role IN ('buyer', 'provider', 'admin')),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
    suspended_reason text,
    email_verified_at timestamptz,
    last_login_at timestamptz,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- A deleted user is always in the deleted status, so checks on status alone suffice.
    CHECK (deleted_at IS NULL OR status = 'deleted')
);

-- One live account per address; a soft-deleted account frees its address.
CREATE UNIQUE INDEX users_email_live_key ON marketplace.users (email) WHERE deleted_at IS NULL;
-- Admin lists of new sign-ups.
CREATE INDEX users_created_at_idx ON marketplace.users (created_at, id);

CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON marketplace.users
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();

-- One row per sign-in. The refresh token is stored as its SHA-256 and rotated on every use;
-- the hashes it replaced move to refresh_tokens_retired, so a replayed old token is
-- recognised and revokes the session (it was stolen, or the legitimate client was).
CREATE TABLE marketplace.sessions (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE CASCADE,
    refresh_token_hash bytea NOT NULL UNIQUE CHECK (length(refresh_token_hash) = 32),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_reason text CHECK (revoked_reason IN ('logout', 'refresh_token_reuse', 'password_reset', 'suspended')),
    user_agent text,
    client_address text,
    last_used_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);

-- "Revoke every live session of this user" (password reset, suspension).
CREATE INDEX sessions_user_live_idx ON marketplace.sessions (user_id) WHERE revoked_at IS NULL;

CREATE TRIGGER sessions_touch_updated_at BEFORE UPDATE ON marketplace.sessions
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();

CREATE TABLE marketplace.refresh_tokens_retired (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    session_id uuid NOT NULL REFERENCES marketplace.sessions (id) ON DELETE CASCADE,
    retired_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refresh_tokens_retired_session_idx ON marketplace.refresh_tokens_retired (session_id);

-- Email verification and password reset tokens: SHA-256 of the mailed token, single use
-- (used_at), expiring.
CREATE TABLE marketplace.account_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES marketplace.users (id) ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    token_hash bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- "Spend every open token of this purpose" and "how many were issued lately" per user.
CREATE INDEX account_tokens_user_purpose_idx ON marketplace.account_tokens (user_id, purpose, created_at);

CREATE TRIGGER account_tokens_touch_updated_at BEFORE UPDATE ON marketplace.account_tokens
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();

-- Every sign-in attempt, for the per-email and per-address limits. The email is kept as
-- typed (citext) whether or not an account has it, so unknown addresses are limited too.
CREATE TABLE marketplace.login_attempts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email citext NOT NULL,
    client_address text,
    user_id uuid REFERENCES marketplace.users (id) ON DELETE SET NULL,
    succeeded boolean NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The limiter's windows: recent attempts by email, and recent failures by address.
CREATE INDEX login_attempts_email_idx ON marketplace.login_attempts (email, attempted_at);
CREATE INDEX login_attempts_address_failed_idx ON marketplace.login_attempts (client_address, attempted_at)
    WHERE NOT succeeded;

-- Mail to send. Development logs each row when it is written; a sender sets sent_at.
CREATE TABLE marketplace.email_outbox (
    id uuid PRIMARY KEY,
    to_address citext NOT NULL,
    template text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    sent_at timestamptz,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- A sender's queue: unsent mail, oldest first.
CREATE INDEX email_outbox_unsent_idx ON marketplace.email_outbox (created_at) WHERE sent_at IS NULL;
CREATE INDEX email_outbox_to_idx ON marketplace.email_outbox (to_address, created_at);

CREATE TRIGGER email_outbox_touch_updated_at BEFORE UPDATE ON marketplace.email_outbox
    FOR EACH ROW EXECUTE FUNCTION marketplace.touch_updated_at();

-- The transactional outbox of domain events (USER_CREATED, ...): written in the same
-- transaction as the change; subscriptions and the sweeper read it. Append only.
CREATE TABLE marketplace.events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type text NOT NULL CHECK (type ~ '^[A-Z][A-Z_]*$'),
    entity_id uuid NOT NULL,
    actor_id uuid,
    payload jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX events_entity_idx ON marketplace.events (entity_id, id);
CREATE INDEX events_type_idx ON marketplace.events (type, id);

-- Admin and money actions: who did what to which entity, before and after.
CREATE TABLE marketplace.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id uuid REFERENCES marketplace.users (id) ON DELETE SET NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid NOT NULL,
    before jsonb,
    after jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_log_entity_idx ON marketplace.audit_log (entity_type, entity_id, id);
CREATE INDEX audit_log_actor_idx ON marketplace.audit_log (actor_id, id);
