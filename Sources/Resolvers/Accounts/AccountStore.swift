import Foundation
import PostgresNIO

/// The SQL of accounts: users, sessions and sign-in attempts. Every value is bound
/// (PostgresQuery interpolation); `unescaped:` only ever splices the constant column list.
enum AccountStore {
    // MARK: Users

    /// Users by id, for the users DataLoader (deleted accounts are not found).
    static func users(_ sql: SQLExecutor, ids: [UUID]) async throws -> [UUID: User] {
        let rows = try await sql.query("""
            SELECT \(unescaped: User.columns) FROM marketplace.users u
            WHERE u.id = ANY(\(ids)) AND u.deleted_at IS NULL
            """)
        var users: [UUID: User] = [:]
        for row in rows {
            let user = try User(row: row)
            users[user.userID] = user
        }
        return users
    }

    /// The user of a live session of an active account: the one statement behind every
    /// authenticated request. Nil when the session is revoked or expired, or the account
    /// is suspended or deleted (so such access tokens stop working at once).
    static func viewer(_ sql: SQLExecutor, userID: UUID, sessionID: UUID) async throws -> User? {
        let rows = try await sql.query("""
            SELECT \(unescaped: User.columns)
            FROM marketplace.sessions s JOIN marketplace.users u ON u.id = s.user_id
            WHERE s.id = \(sessionID) AND s.user_id = \(userID)
              AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'
            """)
        return try rows.first.map(User.init(row:))
    }

    /// Creates an account; nil when a live account has the email already.
    static func insertUser(
        _ tx: SQLTransaction, id: UUID, email: String, passwordHash: String, firstName: String, lastName: String
    ) async throws -> User? {
        let rows = try await tx.query("""
            INSERT INTO marketplace.users AS u (id, email, password_hash, first_name, last_name)
            VALUES (\(id), \(email), \(passwordHash), \(firstName), \(lastName))
            ON CONFLICT (email) WHERE deleted_at IS NULL DO NOTHING
            RETURNING \(unescaped: User.columns)
            """)
        return try rows.first.map(User.init(row:))
    }

    /// Sets the fields given (nil: unchanged; an empty phone clears it) and returns the user.
    static func updateProfile(
        _ tx: SQLTransaction, userID: UUID, firstName: String?, lastName: String?, phone: String?
    ) async throws -> User? {
        let rows = try await tx.query("""
            UPDATE marketplace.users AS u SET
                first_name = coalesce(\(firstName), u.first_name),
                last_name = coalesce(\(lastName), u.last_name),
                phone = CASE WHEN \(phone)::text IS NULL THEN u.phone ELSE nullif(\(phone), '') END
            WHERE u.id = \(userID) AND u.deleted_at IS NULL
            RETURNING \(unescaped: User.columns)
            """)
        return try rows.first.map(User.init(row:))
    }

    // MARK: Sign-in

    /// What a sign-in needs, in one statement: the live account of `email` (if any) with its
    /// password hash, and the failures that count against the limits: the email's since
    /// its last success within the window, and the client address's within the window.
    struct SignInLookup {
        var user: User?
        var passwordHash: String?
        var emailFailures: Int
        var addressFailures: Int
    }

    static func signInLookup(
        _ sql: SQLExecutor, email: String, clientAddress: String?, window: TimeInterval
    ) async throws -> SignInLookup {
        let rows = try await sql.query("""
            SELECT \(unescaped: User.columns), u.password_hash,
                (SELECT count(*) FROM marketplace.login_attempts a
                 WHERE a.email = \(email)::citext AND NOT a.succeeded
                   AND a.attempted_at > greatest(now() - make_interval(secs => \(window)), coalesce(
                       (SELECT max(b.attempted_at) FROM marketplace.login_attempts b
                        WHERE b.email = \(email)::citext AND b.succeeded
                          AND b.attempted_at > now() - make_interval(secs => \(window))),
                       '-infinity'))),
                (SELECT count(*) FROM marketplace.login_attempts a
                 WHERE a.client_address = \(clientAddress) AND NOT a.succeeded
                   AND a.attempted_at > now() - make_interval(secs => \(window)))
            FROM (SELECT 1) AS one
            LEFT JOIN marketplace.users u ON u.email = \(email)::citext AND u.deleted_at IS NULL
            """)
        guard let row = rows.first else { return SignInLookup(emailFailures: 0, addressFailures: 0) }
        let columns = row.makeRandomAccess()
        let emailFailures = try columns[10].decode(Int.self)
        let addressFailures = try columns[11].decode(Int.self)
        guard try columns[0].decode(UUID?.self) != nil else {
            return SignInLookup(emailFailures: emailFailures, addressFailures: addressFailures)
        }
        return SignInLookup(
            user: try User(row: row), passwordHash: try columns[9].decode(String.self),
            emailFailures: emailFailures, addressFailures: addressFailures)
    }

    static func recordFailedSignIn(_ sql: SQLExecutor, email: String, clientAddress: String?, userID: UUID?) async throws {
        try await sql.query("""
            INSERT INTO marketplace.login_attempts (email, client_address, user_id, succeeded)
            VALUES (\(email), \(clientAddress), \(userID), false)
            """)
    }

    /// A successful sign-in, as one statement (so one implicit transaction): the new
    /// session, the attempt that resets the email's failures, and `last_login_at`.
    static func recordSignIn(_ sql: SQLExecutor, email: String, session: NewSession) async throws {
        try await sql.query("""
            WITH new_session AS (
                INSERT INTO marketplace.sessions (id, user_id, refresh_token_hash, expires_at, user_agent, client_address)
                VALUES (\(session.id), \(session.userID), \(session.refreshTokenHash),
                        now() + make_interval(secs => \(session.lifetime)), \(session.userAgent), \(session.clientAddress))
            ), attempt AS (
                INSERT INTO marketplace.login_attempts (email, client_address, user_id, succeeded)
                VALUES (\(email), \(session.clientAddress), \(session.userID), true)
            )
            UPDATE marketplace.users SET last_login_at = now() WHERE id = \(session.userID)
            """)
    }

    // MARK: Sessions

    /// A session about to be created: its refresh token is only known to the client.
    struct NewSession {
        let id: UUID
        let userID: UUID
        let refreshTokenHash: Data
        let lifetime: TimeInterval
        let userAgent: String?
        let clientAddress: String?
    }

    static func insertSession(_ tx: SQLTransaction, _ session: NewSession) async throws {
        try await tx.query("""
            INSERT INTO marketplace.sessions (id, user_id, refresh_token_hash, expires_at, user_agent, client_address)
            VALUES (\(session.id), \(session.userID), \(session.refreshTokenHash),
                    now() + make_interval(secs => \(session.lifetime)), \(session.userAgent), \(session.clientAddress))
            """)
    }

    /// The session a refresh token belongs to, locked: either as its current token, or as
    /// one it has already replaced (`isCurrent` false: a replay).
    struct RefreshLookup {
        let sessionID: UUID
        let isCurrent: Bool
        /// Not revoked and not expired.
        let isLive: Bool
        let user: User
    }

    static func lockSession(_ tx: SQLTransaction, refreshTokenHash hash: Data) async throws -> RefreshLookup? {
        let rows = try await tx.query("""
            SELECT \(unescaped: User.columns), s.id, s.refresh_token_hash = \(hash),
                   s.revoked_at IS NULL AND s.expires_at > now()
            FROM marketplace.sessions s JOIN marketplace.users u ON u.id = s.user_id
            WHERE s.refresh_token_hash = \(hash)
               OR s.id = (SELECT r.session_id FROM marketplace.refresh_tokens_retired r WHERE r.token_hash = \(hash))
            FOR UPDATE OF s
            """)
        guard let row = rows.first else { return nil }
        let columns = row.makeRandomAccess()
        return RefreshLookup(
            sessionID: try columns[9].decode(UUID.self), isCurrent: try columns[10].decode(Bool.self),
            isLive: try columns[11].decode(Bool.self), user: try User(row: row))
    }

    /// Replaces the session's refresh token (the old one is kept to recognise a replay) and
    /// extends the session.
    static func rotate(
        _ tx: SQLTransaction, sessionID: UUID, oldHash: Data, newHash: Data, lifetime: TimeInterval,
        clientAddress: String?
    ) async throws {
        try await tx.query("""
            WITH retired AS (
                INSERT INTO marketplace.refresh_tokens_retired (token_hash, session_id) VALUES (\(oldHash), \(sessionID))
            )
            UPDATE marketplace.sessions
            SET refresh_token_hash = \(newHash), expires_at = now() + make_interval(secs => \(lifetime)),
                last_used_at = now(), client_address = coalesce(\(clientAddress), client_address)
            WHERE id = \(sessionID)
            """)
    }

    /// Revokes one session (a no-op if it is revoked already); true if it was live.
    @discardableResult
    static func revokeSession(_ sql: SQLExecutor, id: UUID, reason: String) async throws -> Bool {
        try await !sql.query("""
            UPDATE marketplace.sessions SET revoked_at = now(), revoked_reason = \(reason)
            WHERE id = \(id) AND revoked_at IS NULL RETURNING id
            """).isEmpty
    }

    static func revokeSession(_ tx: SQLTransaction, id: UUID, reason: String) async throws {
        try await tx.query("""
            UPDATE marketplace.sessions SET revoked_at = now(), revoked_reason = \(reason)
            WHERE id = \(id) AND revoked_at IS NULL
            """)
    }

    /// Revokes every live session of a user.
    static func revokeSessions(_ tx: SQLTransaction, userID: UUID, reason: String) async throws {
        try await tx.query("""
            UPDATE marketplace.sessions SET revoked_at = now(), revoked_reason = \(reason)
            WHERE user_id = \(userID) AND revoked_at IS NULL
            """)
    }
}
