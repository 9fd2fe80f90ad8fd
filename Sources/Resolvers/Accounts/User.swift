import Foundation
import PostgresNIO

/// A marketplace account as resolvers see it (never its password hash). GraphQL `User`:
/// `firstName`, `lastName`, `role` and `createdAt` are read from the stored properties;
/// `id`, `email`, `emailVerified` and `phone` have resolvers (AccountResolvers.swift).
public struct User: Sendable {
    public let userID: UUID
    /// Shown only to the user and to admins (`User.email`).
    public let email: String
    public let firstName: String
    public let lastName: String
    /// Shown only to the user and to admins (`User.phone`).
    public let phone: String?
    public let role: Role
    public let status: AccountStatus
    public let emailVerifiedAt: Date?
    public let createdAt: Date
    /// Set on the user of a payload whose caller has just proved to own the account (signed
    /// in with its password, or used a token mailed to it) although the request carried no
    /// token: they see their private fields.
    var ownerProven = false

    /// The columns `init(row:)` reads, in its order, for `SELECT \(unescaped: User.columns) FROM marketplace.users u`.
    static let columns =
        "u.id, u.email::text, u.first_name, u.last_name, u.phone, u.role, u.status, u.email_verified_at, u.created_at"

    /// Reads the first nine columns of `row` (`User.columns`).
    init(row: PostgresRow) throws {
        let (id, email, firstName, lastName, phone, role, status, verifiedAt, createdAt) = try row.decode(
            (UUID, String, String, String, String?, String, String, Date?, Date).self)
        self.userID = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.role = Role(databaseValue: role) ?? .buyer
        self.status = AccountStatus(rawValue: status) ?? .suspended
        self.emailVerifiedAt = verifiedAt
        self.createdAt = createdAt
    }

    /// Whether `viewer` may see this user's private fields (email, phone).
    func isVisibleInFull(to viewer: Viewer?) -> Bool {
        if ownerProven { return true }
        guard let viewer else { return false }
        return viewer.userID == userID || viewer.role == .admin
    }
}

/// The schema's `Role` (raw values are the GraphQL names; the database stores them in lower case).
public enum Role: String, Sendable {
    case buyer = "BUYER"
    case provider = "PROVIDER"
    case admin = "ADMIN"

    init?(databaseValue: String) {
        self.init(rawValue: databaseValue.uppercased())
    }
}

/// `users.status`: only active accounts can sign in or use their tokens.
public enum AccountStatus: String, Sendable {
    case active, suspended, deleted
}

/// The signed-in caller of a request, resolved once per request from the bearer token.
public struct Viewer: Sendable {
    public let userID: UUID
    public let role: Role
    public let sessionID: UUID
}
