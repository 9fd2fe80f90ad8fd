import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// When a failed Stripe call is tried again and how long to wait first: the rules of
/// Stripe's own libraries. Every POST carries an `Idempotency-Key`, so a retry of a request
/// that did reach Stripe returns the first answer instead of doing the thing twice.
enum StripeRetryPolicy {
    /// Whether an HTTP error answer may succeed if sent again. `Stripe-Should-Retry`, when
    /// present, decides; otherwise 409 `lock_timeout` (another request held the object),
    /// 429 (rate limited) and 5xx, never any other 4xx (the request itself is wrong).
    static func shouldRetry(status: Int, headers: HTTPHeaders, errorCode: String?) -> Bool {
        if let advice = headers.first(name: "Stripe-Should-Retry")?.lowercased() {
            if advice == "true" { return true }
            if advice == "false" { return false }
        }
        switch status {
        case 409: return errorCode == "lock_timeout"
        case 429: return true
        case 500...599: return true
        default: return false
        }
    }

    /// Whether an error without an HTTP answer may be retried: connection and timeout
    /// failures, not a request the client refuses to send (bad URL, client shut down).
    static func shouldRetry(_ error: any Error) -> Bool {
        if error is CancellationError { return false }
        if let error = error as? HTTPClientError {
            let permanent: [HTTPClientError] = [
                .invalidURL, .emptyHost, .emptyScheme, .alreadyShutdown, .cancelled, .missingSocketPath,
                .invalidProxyResponse, .traceRequestWithBody, .bodyLengthMismatch,
                .invalidRedirectConfiguration, .invalidHTTPVersionConfiguration, .invalidProxyConfiguration,
            ]
            return !permanent.contains(error)
        }
        return true
    }

    /// Whether the error is a timeout of some kind (reported as `StripeError.timeout`).
    static func isTimeout(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        return [.deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout]
            .contains(error)
    }

    /// The wait before retry number `retry` (1, 2, …): `base · 2^(retry-1)`, at most `maximum`,
    /// times a random factor in [0.5, 1] so that many clients failing together do not
    /// come back together.
    static func delay(retry: Int, base: Duration, maximum: Duration) -> Duration {
        let exponent = min(max(retry - 1, 0), 16)
        let uncapped = base * (1 << exponent)
        let capped = min(uncapped, maximum)
        return capped * Double.random(in: 0.5...1.0)
    }
}

extension Duration {
    /// The same span as NIO's `TimeAmount`.
    var timeAmount: TimeAmount {
        let (seconds, attoseconds) = components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
