import Foundation

/// `AuthPayload`: a signed-in session's tokens and user, or the errors.
public struct AuthPayload: Sendable {
    public var accessToken: String?
    public var accessTokenExpiresAt: Date?
    public var refreshToken: String?
    public var user: User?
    public var errors: [UserError]

    static func failure(_ errors: UserError...) -> AuthPayload {
        AuthPayload(accessToken: nil, accessTokenExpiresAt: nil, refreshToken: nil, user: nil, errors: errors)
    }

    static func failure(_ errors: [UserError]) -> AuthPayload {
        AuthPayload(accessToken: nil, accessTokenExpiresAt: nil, refreshToken: nil, user: nil, errors: errors)
    }
}

/// `UserPayload`: the changed user, or the errors.
public struct UserPayload: Sendable {
    public var user: User?
    public var errors: [UserError]
}

/// `LogoutPayload`.
public struct LogoutPayload: Sendable {
    public var success: Bool
    public var errors: [UserError]
}

/// `RequestPasswordResetPayload`: the same answer whether or not the email has an account.
public struct RequestPasswordResetPayload: Sendable {
    public var success: Bool
    public var errors: [UserError]
}

/// Input of `register`.
struct RegisterInput: Decodable, Sendable {
    var email: String
    var password: String
    var firstName: String
    var lastName: String
}

/// Input of `updateProfile`: absent fields are unchanged; an empty `phone` clears it.
struct ProfileInput: Decodable, Sendable {
    var firstName: String?
    var lastName: String?
    var phone: String?
}
