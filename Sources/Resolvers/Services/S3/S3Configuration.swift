import Foundation

/// Where the marketplace's files live and the credentials that sign for them.
///
/// With `endpoint` set (moto, MinIO, local): path-style URLs, `http://127.0.0.1:9310/bucket/key`,
/// since a local server has no per-bucket host names. Without it: AWS's virtual-hosted
/// style, `https://bucket.s3.region.amazonaws.com/key`.
public struct S3Configuration: Sendable, Equatable {
    public var bucket: String
    public var region: String
    /// Scheme, host, port and optionally a path prefix; nil for AWS itself.
    public var endpoint: URL?
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(
        bucket: String, region: String, endpoint: URL? = nil, accessKeyID: String,
        secretAccessKey: String, sessionToken: String? = nil
    ) {
        self.bucket = bucket
        self.region = region
        self.endpoint = endpoint
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Reads `S3_BUCKET`, `S3_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` (required)
    /// and `S3_ENDPOINT`, `AWS_SESSION_TOKEN` (optional). Empty values count as unset, so
    /// an `export S3_ENDPOINT=` in a shell does not produce a URL with no host.
    public init(environment: [String: String]) throws(S3ConfigurationError) {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let required = ["S3_BUCKET", "S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]
        let missing = required.filter { value($0) == nil }
        guard missing.isEmpty else { throw .missing(missing) }
        var endpoint: URL?
        if let raw = value("S3_ENDPOINT") {
            let trimmed = raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
                url.query == nil
            else { throw .invalidEndpoint(raw) }
            endpoint = url
        }
        self.init(
            bucket: value("S3_BUCKET")!, region: value("S3_REGION")!, endpoint: endpoint,
            accessKeyID: value("AWS_ACCESS_KEY_ID")!, secretAccessKey: value("AWS_SECRET_ACCESS_KEY")!,
            sessionToken: value("AWS_SESSION_TOKEN"))
    }

    /// The signer for these credentials and this region (service `s3`).
    public var signer: SigV4Signer {
        SigV4Signer(
            accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken,
            region: region, service: "s3")
    }

    // MARK: Addressing

    /// A request target: what the URL is made of and what SigV4 signs (`host` with its
    /// port when not the scheme's default; `path` encoded once, as sent).
    public struct Target: Sendable, Equatable {
        public var scheme: String
        public var host: String
        public var path: String

        /// `scheme://host/path` plus an already-encoded query, if any.
        public func url(query: String = "") -> URL {
            // The parts are percent-encoded by SigV4.uriEncode, so URL(string:) keeps them as they are.
            URL(string: "\(scheme)://\(host)\(path)" + (query.isEmpty ? "" : "?" + query))!
        }
    }

    /// The object `key` (`nil`: the bucket itself, the target of a POST upload).
    public func target(key: String?) -> Target {
        let encodedKey = key.map { SigV4.uriEncode($0, keepSlash: true) }
        guard let endpoint else {
            return Target(
                scheme: "https", host: "\(bucket).s3.\(region).amazonaws.com", path: "/" + (encodedKey ?? ""))
        }
        let scheme = endpoint.scheme!.lowercased()
        var host = endpoint.host!
        if let port = endpoint.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            host += ":\(port)"
        }
        var prefix = endpoint.path
        while prefix.hasSuffix("/") { prefix.removeLast() }
        var path = prefix + "/" + SigV4.uriEncode(bucket)
        if let encodedKey { path += "/" + encodedKey }
        return Target(scheme: scheme, host: host, path: path)
    }
}

extension S3Configuration: CustomStringConvertible {
    /// For logs: the secret and the token are never printed.
    public var description: String {
        "S3Configuration(bucket: \(bucket), region: \(region), endpoint: \(endpoint?.absoluteString ?? "AWS"), "
            + "accessKeyID: \(accessKeyID), secretAccessKey: <redacted>"
            + (sessionToken == nil ? ")" : ", sessionToken: <redacted>)")
    }
}

public enum S3ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The required variables that are unset or empty.
    case missing([String])
    /// `S3_ENDPOINT` is not an http(s) URL with a host.
    case invalidEndpoint(String)

    public var description: String {
        switch self {
        case .missing(let names):
            "S3 is not configured: set \(names.joined(separator: ", ")) (for local development "
                + "scripts/services.sh start writes them to .data/services.env)."
        case .invalidEndpoint(let value):
            "S3_ENDPOINT must be an http:// or https:// URL with a host and no query, e.g. "
                + "http://127.0.0.1:9310; got \"\(value)\"."
        }
    }
}
