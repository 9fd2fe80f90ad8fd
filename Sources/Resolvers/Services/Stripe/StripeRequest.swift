import NIOHTTP1

/// One Stripe call as it goes on the wire: method, URL, headers and form body. Built once
/// per logical call, so every retry sends the same bytes and the same `Idempotency-Key`.
public struct StripeRequest: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public var method: HTTPMethod
    /// The API path (`/v1/customers`), for logs and errors.
    public var path: String
    public var url: String
    public var headers: HTTPHeaders
    /// The encoded form (POST); empty for GET, whose parameters are in `url`.
    public var body: String

    /// The `Idempotency-Key` header (every POST has one).
    public var idempotencyKey: String? { headers.first(name: "Idempotency-Key") }

    /// For logs: method, path and idempotency key; never the Authorization header or the body
    /// (which may hold e-mail addresses).
    public var description: String {
        "StripeRequest(\(method.rawValue) \(path)" + (idempotencyKey.map { ", Idempotency-Key: \($0)" } ?? "") + ")"
    }

    public var debugDescription: String { description }
}
