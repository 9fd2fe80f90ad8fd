import Foundation

/// Why a Stripe call failed. Descriptions are safe to log: they never contain the secret
/// key (the client removes it from anything it copies into an error).
public enum StripeError: Error, CustomStringConvertible, CustomDebugStringConvertible {
    /// Stripe answered with an error object (`{"error": {"type", "code", "decline_code",
    /// "message", "param"}}`), or with a non-2xx status and no readable one (type `api_error`).
    case api(type: String, code: String?, declineCode: String?, message: String?, param: String?, status: Int)
    /// The request did not get an HTTP answer (connection refused or reset, DNS, TLS…).
    case network(underlying: any Error)
    /// An attempt took longer than the configured request timeout (after any retries).
    case timeout
    /// A 2xx answer that is not the expected object; the text says what did not fit.
    case decoding(String)

    /// The HTTP status of an `.api` error; nil for the others.
    public var status: Int? {
        if case .api(_, _, _, _, _, let status) = self { return status }
        return nil
    }

    /// Stripe's `error.code` (`resource_missing`, `lock_timeout`, `card_declined`…) of an `.api` error.
    public var code: String? {
        if case .api(_, let code, _, _, _, _) = self { return code }
        return nil
    }

    public var description: String {
        switch self {
        case .api(let type, let code, let declineCode, let message, let param, let status):
            var text = "Stripe answered HTTP \(status): \(type)"
            if let code { text += " (\(code)" + (declineCode.map { ", \($0)" } ?? "") + ")" }
            if let param { text += " for parameter \(param)" }
            if let message { text += ": \(message)" }
            return text
        case .network(let underlying): return "Stripe could not be reached: \(underlying)"
        case .timeout: return "Stripe did not answer in time"
        case .decoding(let detail): return "Stripe's answer could not be read: \(detail)"
        }
    }

    public var debugDescription: String { description }

    /// The error object in a Stripe error body; nil when the body is not one.
    static func decodeAPIError(status: Int, body: [UInt8], redacting secret: String) -> StripeError? {
        struct Envelope: Decodable {
            struct Body: Decodable {
                var type: String?
                var code: String?
                var decline_code: String?
                var message: String?
                var param: String?
            }
            var error: Body
        }
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(body)) else { return nil }
        let error = envelope.error
        func clean(_ text: String?) -> String? { text.map { redact($0, secret: secret) } }
        return .api(
            type: clean(error.type) ?? "api_error", code: clean(error.code), declineCode: clean(error.decline_code),
            message: clean(error.message), param: clean(error.param), status: status)
    }

    /// `text` without `secret` in it (a test server, a proxy or a misconfigured base URL may
    /// echo the Authorization header back).
    static func redact(_ text: String, secret: String) -> String {
        guard !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: "<redacted>")
    }
}
