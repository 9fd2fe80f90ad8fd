import Foundation
import PostgresNIO

/// The SQL of mailed one-time tokens (`marketplace.account_tokens`): email verification and
/// password reset. Stored as SHA-256; spent atomically by the statement that finds them.
enum AccountTokenStore {
    enum Purpose: String {
        case verifyEmail = "verify_email"
        case resetPassword = "reset_password"
    }

    static func insert(
        _ tx: SQLTransaction, userID: UUID, purpose: Purpose, tokenHash: Data, lifetime: TimeInterval
    ) async throws {
        try await tx.query("""
            INSERT INTO marketplace.account_tokens (id, user_id, purpose, token_hash, expires_at)
            VALUES (\(UUID()), \(userID), \(purpose.rawValue), \(tokenHash), now() + make_interval(secs => \(lifetime)))
            """)
    }

    /// Marks the token used and returns its user, if it is of `purpose`, unused and
    /// unexpired; nil otherwise. One statement, so two concurrent uses cannot both succeed.
    static func spend(_ tx: SQLTransaction, purpose: Purpose, tokenHash: Data) async throws -> UUID? {
        try await tx.query("""
            UPDATE marketplace.account_tokens SET used_at = now()
            WHERE token_hash = \(tokenHash) AND purpose = \(purpose.rawValue)
              AND used_at IS NULL AND expires_at > now()
            RETURNING user_id
            """).first?.decode(UUID.self)
    }

    /// Spends every open token of `purpose` of the user (after a reset, older reset links die).
    static func spendAll(_ tx: SQLTransaction, userID: UUID, purpose: Purpose) async throws {
        try await tx.query("""
            UPDATE marketplace.account_tokens SET used_at = now()
            WHERE user_id = \(userID) AND purpose = \(purpose.rawValue) AND used_at IS NULL
            """)
    }

    /// The live account of `email` and how many reset tokens it was sent in the last hour.
    static func resetCandidate(_ tx: SQLTransaction, email: String) async throws -> (user: User, recentResets: Int)? {
        let rows = try await tx.query("""
            SELECT \(unescaped: User.columns),
                (SELECT count(*) FROM marketplace.account_tokens t
                 WHERE t.user_id = u.id AND t.purpose = 'reset_password' AND t.created_at > now() - interval '1 hour')
            FROM marketplace.users u
            WHERE u.email = \(email)::citext AND u.deleted_at IS NULL
            FOR UPDATE OF u
            """)
        guard let row = rows.first else { return nil }
        return (try User(row: row), try row.makeRandomAccess()[9].decode(Int.self))
    }

    /// Sets `email_verified_at` (kept if already set); nil when the account is deleted.
    static func markEmailVerified(_ tx: SQLTransaction, userID: UUID) async throws -> User? {
        let rows = try await tx.query("""
            UPDATE marketplace.users AS u SET email_verified_at = coalesce(u.email_verified_at, now())
            WHERE u.id = \(userID) AND u.deleted_at IS NULL
            RETURNING \(unescaped: User.columns)
            """)
        return try rows.first.map(User.init(row:))
    }

    /// Sets a new password hash for an active account; receiving the reset mail also proves
    /// the address, so it counts as verified. Nil when the account is not active.
    static func setPassword(_ tx: SQLTransaction, userID: UUID, passwordHash: String) async throws -> User? {
        let rows = try await tx.query("""
            UPDATE marketplace.users AS u
            SET password_hash = \(passwordHash), email_verified_at = coalesce(u.email_verified_at, now())
            WHERE u.id = \(userID) AND u.status = 'active'
            RETURNING \(unescaped: User.columns)
            """)
        return try rows.first.map(User.init(row:))
    }
}
