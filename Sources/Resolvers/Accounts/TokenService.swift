import Crypto
import Foundation
import JWTKit

/// The claims of an access token: `sub` is the user's id, `sid` the session's.
struct AccessTokenClaims: JWTPayload {
    var sub: SubjectClaim
    var sid: String
    var iat: IssuedAtClaim
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// Signs and verifies HS256 access tokens.
struct TokenService: Sendable {
    private let keys: JWTKeyCollection
    let accessTokenLifetime: TimeInterval

    /// An access token of `lifetime` seconds, signed with `secret`.
    static func make(secret: String, accessTokenLifetime: TimeInterval) async -> TokenService {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return TokenService(keys: keys, accessTokenLifetime: accessTokenLifetime)
    }

    /// A new access token for the session, and when it expires.
    func accessToken(userID: UUID, sessionID: UUID, now: Date = Date()) async throws -> (token: String, expiresAt: Date) {
        // Whole seconds: RFC 7519 allows fractional NumericDates, but many clients' JWT
        // decoders do not.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = now.addingTimeInterval(accessTokenLifetime)
        let claims = AccessTokenClaims(
            sub: SubjectClaim(value: userID.uuidString.lowercased()), sid: sessionID.uuidString.lowercased(),
            iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: expiresAt))
        return (try await keys.sign(claims), expiresAt)
    }

    /// The user and session of a valid, unexpired token; nil for anything else (a bad
    /// signature, another algorithm, expired, malformed).
    func verify(accessToken token: String) async -> (userID: UUID, sessionID: UUID)? {
        // Tokens we sign are about 300 bytes; refuse to parse anything huge.
        guard token.utf8.count <= 4096,
              let claims = try? await keys.verify(token, as: AccessTokenClaims.self),
              let userID = UUID(uuidString: claims.sub.value), let sessionID = UUID(uuidString: claims.sid)
        else { return nil }
        return (userID, sessionID)
    }
}

/// Opaque secrets handed to clients (refresh tokens, mailed tokens): 32 random bytes in
/// base64url. Only their SHA-256 is stored, so a leaked database does not leak live tokens;
/// a plain hash suffices because the tokens are random, not guessable like passwords.
enum OpaqueToken {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()  // the OS's CSPRNG
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}
