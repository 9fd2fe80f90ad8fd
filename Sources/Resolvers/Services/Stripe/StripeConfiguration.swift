import Foundation

/// How the marketplace talks to Stripe: the secret key, where the API is (Stripe itself, or
/// localstripe in development and tests), the webhook endpoint's secret, and how patient
/// the client is.
public struct StripeConfiguration: Sendable, Equatable {
    public static let defaultAPIBase = URL(string: "https://api.stripe.com")!

    public var secretKey: String
    /// Scheme, host, port and optionally a path prefix; paths such as `/v1/customers` follow it.
    public var apiBase: URL
    /// The `whsec_…` secret of the webhook endpoint; nil where no webhooks are received.
    public var webhookSecret: String?
    /// The longest one attempt may take, from sending the request to the last byte of the answer.
    public var requestTimeout: Duration
    /// The longest a new connection may take to open. AsyncHTTPClient keeps retrying a refused
    /// connection until then, so keep it below `requestTimeout` for a refusal to show as
    /// `.network` rather than `.timeout`.
    public var connectTimeout: Duration
    /// Attempts after the first one, for failures that are safe to retry.
    public var maxRetries: Int
    /// The first retry waits about this long; each further retry twice as long (with jitter).
    public var retryBaseDelay: Duration
    /// No wait between attempts is longer than this.
    public var retryMaxDelay: Duration

    public init(
        secretKey: String, apiBase: URL = StripeConfiguration.defaultAPIBase, webhookSecret: String? = nil,
        requestTimeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(5), maxRetries: Int = 3,
        retryBaseDelay: Duration = .milliseconds(250), retryMaxDelay: Duration = .seconds(4)
    ) {
        self.secretKey = secretKey
        self.apiBase = apiBase
        self.webhookSecret = webhookSecret
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.maxRetries = max(0, maxRetries)
        self.retryBaseDelay = retryBaseDelay
        self.retryMaxDelay = retryMaxDelay
    }

    /// Reads `STRIPE_SECRET_KEY` (required), `STRIPE_API_BASE` (default https://api.stripe.com)
    /// and `STRIPE_WEBHOOK_SECRET` (optional). Empty values count as unset, as for S3.
    public init(environment: [String: String]) throws(StripeConfigurationError) {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        guard let secretKey = value("STRIPE_SECRET_KEY") else { throw .missing(["STRIPE_SECRET_KEY"]) }
        var apiBase = Self.defaultAPIBase
        if let raw = value("STRIPE_API_BASE") {
            var trimmed = raw
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
                url.query == nil
            else { throw .invalidAPIBase(raw) }
            apiBase = url
        }
        self.init(secretKey: secretKey, apiBase: apiBase, webhookSecret: value("STRIPE_WEBHOOK_SECRET"))
    }

    /// The full URL of an API path such as `/v1/checkout/sessions`, with an encoded query.
    func url(path: String, query: String = "") -> String {
        var base = apiBase.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let slash = path.hasPrefix("/") ? "" : "/"
        return base + slash + path + (query.isEmpty ? "" : "?" + query)
    }
}

extension StripeConfiguration: CustomStringConvertible {
    /// For logs: the secrets are never printed.
    public var description: String {
        "StripeConfiguration(apiBase: \(apiBase.absoluteString), secretKey: <redacted>, webhookSecret: "
            + (webhookSecret == nil ? "none" : "<redacted>")
            + ", requestTimeout: \(requestTimeout), maxRetries: \(maxRetries))"
    }
}

extension StripeConfiguration: CustomDebugStringConvertible {
    public var debugDescription: String { description }
}

public enum StripeConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The required variables that are unset or empty.
    case missing([String])
    /// `STRIPE_API_BASE` is not an http(s) URL with a host.
    case invalidAPIBase(String)

    public var description: String {
        switch self {
        case .missing(let names):
            "Stripe is not configured: set \(names.joined(separator: ", ")) (for local development "
                + "scripts/services.sh start writes them to .data/services.env)."
        case .invalidAPIBase(let value):
            "STRIPE_API_BASE must be an http:// or https:// URL with a host and no query, e.g. "
                + "http://127.0.0.1:8420; got \"\(value)\"."
        }
    }
}
