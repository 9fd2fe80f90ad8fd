import Foundation

/// The settings of sign-in, sessions and account mail, from environment variables.
public struct AccountsConfiguration: Sendable {
    /// The HS256 key of access tokens (`JWT_SECRET`, at least 32 bytes).
    public var jwtSecret: String
    /// Whether `jwtSecret` is the development default (`JWT_SECRET` unset): the server
    /// warns at start-up, since anyone who reads this file can sign tokens with it.
    public var usesDevelopmentSecret: Bool
    /// Where links in mail point (`PUBLIC_URL`, default `http://localhost:8080`).
    public var publicURL: String
    /// bcrypt's cost (`BCRYPT_COST`, 4...16, default 10). Tests lower it to stay fast.
    public var bcryptCost: UInt8 = 10

    public var accessTokenLifetime: TimeInterval = 15 * 60
    /// A session ends this long after its last refresh.
    public var refreshTokenLifetime: TimeInterval = 30 * 24 * 3600
    public var emailVerificationLifetime: TimeInterval = 24 * 3600
    public var passwordResetLifetime: TimeInterval = 3600

    /// The window of the sign-in limits.
    public var loginWindow: TimeInterval = 15 * 60
    /// Failed sign-ins per email within the window (since its last success) before `RATE_LIMITED`.
    public var maxFailuresPerEmail = 5
    /// Failed sign-ins per client address within the window before `RATE_LIMITED`.
    public var maxFailuresPerAddress = 30
    /// Password reset mails per account per hour; more requests get the same answer, no mail.
    public var maxResetMailsPerHour = 3

    static let developmentSecret = "development-only-jwt-secret-do-not-use-in-production"

    public enum ConfigurationError: Error, CustomStringConvertible {
        case invalid(String, String)
        public var description: String {
            switch self {
            case let .invalid(name, reason): "\(name) is invalid: \(reason)"
            }
        }
    }

    /// A configuration with the given secret and defaults elsewhere (tests).
    public init(jwtSecret: String, publicURL: String = "http://localhost:8080", bcryptCost: UInt8 = 10) {
        self.jwtSecret = jwtSecret
        self.usesDevelopmentSecret = false
        self.publicURL = publicURL
        self.bcryptCost = bcryptCost
    }

    /// Reads `JWT_SECRET`, `PUBLIC_URL` and `BCRYPT_COST`.
    public init(variables: [String: String]) throws {
        if let secret = variables["JWT_SECRET"], !secret.isEmpty {
            guard secret.utf8.count >= 32 else {
                throw ConfigurationError.invalid("JWT_SECRET", "use at least 32 bytes (HS256 keys shorter than the hash are guessable)")
            }
            self.init(jwtSecret: secret)
        } else {
            self.init(jwtSecret: Self.developmentSecret)
            usesDevelopmentSecret = true
        }
        if let url = variables["PUBLIC_URL"], !url.isEmpty {
            guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme),
                  parsed.host != nil
            else { throw ConfigurationError.invalid("PUBLIC_URL", "\(url) is not an http(s) URL") }
            // Links are made by appending "/path?token=...".
            publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let text = variables["BCRYPT_COST"], !text.isEmpty {
            guard let cost = UInt8(text), (4...16).contains(cost) else {
                throw ConfigurationError.invalid("BCRYPT_COST", "\(text) is not a whole number from 4 to 16")
            }
            bcryptCost = cost
        }
    }
}
