import Foundation
import Logging

/// Makes admins, from the command line only (`marketplace admin create`): never through the
/// API, so no request, however authorized, can mint one.
public enum AdminAccounts {
    public enum Outcome: Sendable, Equatable {
        /// A new admin account.
        case created(UUID)
        /// An existing account made an admin (its password unchanged).
        case promoted(UUID)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self {
            case .invalid(let why): why
            }
        }
    }

    /// Creates an admin, or makes the live account with `email` one; audited either way.
    public static func create(
        database: Database, email rawEmail: String, password: String, firstName: String, lastName: String,
        bcryptCost: UInt8, logger: Logger
    ) async throws -> Outcome {
        let (email, emailError) = AccountValidation.email(rawEmail, field: ["email"])
        if let emailError { throw Failure.invalid(emailError.message) }
        let sql = SQLExecutor(database: database, logger: logger)
        let existing = try await sql.query("""
            SELECT id FROM marketplace.users WHERE email = \(email)::citext AND deleted_at IS NULL
            """).first?.decode(UUID.self)
        if let existing {
            try await sql.transaction { tx in
                try await tx.query("UPDATE marketplace.users SET role = 'admin' WHERE id = \(existing)")
                try await AuditLog.append(
                    tx, actorID: nil, action: "ADMIN_GRANTED", entityType: "user", entityID: existing,
                    after: ["role": "ADMIN", "by": "marketplace admin create"])
            }
            return .promoted(existing)
        }
        if let weak = AccountValidation.password(password, field: ["password"]) { throw Failure.invalid(weak.message) }
        let first = firstName.trimmingWhitespace(), last = lastName.trimmingWhitespace()
        guard (1...100).contains(first.count), (1...100).contains(last.count) else {
            throw Failure.invalid("First and last names must be 1 to 100 characters.")
        }
        let hash = await PasswordHasher(cost: bcryptCost).hash(password)
        let id = UUID()
        try await sql.transaction { tx in
            try await tx.query("""
                INSERT INTO marketplace.users (id, email, password_hash, first_name, last_name, role, email_verified_at)
                VALUES (\(id), \(email), \(hash), \(first), \(last), 'admin', now())
                """)
            try await AuditLog.append(
                tx, actorID: nil, action: "ADMIN_CREATED", entityType: "user", entityID: id,
                after: ["email": email, "by": "marketplace admin create"])
        }
        return .created(id)
    }
}
