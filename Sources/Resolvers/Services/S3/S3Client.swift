import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What S3 says about a stored object.
public struct S3ObjectInfo: Sendable, Equatable {
    public var key: String
    public var contentLength: Int
    public var contentType: String?
    public var eTag: String?

    public init(key: String, contentLength: Int, contentType: String?, eTag: String?) {
        self.key = key
        self.contentLength = contentLength
        self.contentType = contentType
        self.eTag = eTag
    }
}

public enum S3ClientError: Error, Equatable, CustomStringConvertible {
    /// S3 answered with a status other than 200 or 404 (403: the credentials or the
    /// signature are wrong, or the clock is off by more than 15 minutes).
    case unexpectedStatus(Int, key: String)
    case notHTTP

    public var description: String {
        switch self {
        case .unexpectedStatus(let status, let key): "S3 answered HTTP \(status) for \(key)"
        case .notHTTP: "S3 did not answer with an HTTP response"
        }
    }
}

/// The few calls the server itself makes to S3 (the files go between clients and S3
/// directly). Uses Foundation's URLSession, so no HTTP client dependency is added.
public struct S3Client: Sendable {
    public let configuration: S3Configuration
    private let session: URLSession
    private let timeout: TimeInterval

    public init(configuration: S3Configuration, session: URLSession = .shared, timeout: TimeInterval = 10) {
        self.configuration = configuration
        self.session = session
        self.timeout = timeout
    }

    /// The object's size and content type, or nil when there is no such key: a listing
    /// calls this before it accepts a key, to know the upload really happened and what it was.
    public func headObject(key: String, now: Date = Date()) async throws -> S3ObjectInfo? {
        let request = signedRequest(method: "HEAD", key: key, now: now)
        let (_, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw S3ClientError.notHTTP }
        switch http.statusCode {
        case 200:
            let length = http.value(forHTTPHeaderField: "Content-Length").flatMap { Int($0) } ?? 0
            return S3ObjectInfo(
                key: key, contentLength: length,
                contentType: http.value(forHTTPHeaderField: "Content-Type"),
                eTag: http.value(forHTTPHeaderField: "ETag"))
        case 404:
            return nil
        default:
            throw S3ClientError.unexpectedStatus(http.statusCode, key: key)
        }
    }

    /// Stores `body` under `key` (a header-signed PUT; S3 checks the body against the
    /// signed SHA-256). For the server's own files, such as seed data; users' files go to
    /// S3 directly through presigned POSTs. Returns the object's ETag.
    @discardableResult
    public func putObject(key: String, body: [UInt8], contentType: String, now: Date = Date()) async throws -> String? {
        var request = signedRequest(method: "PUT", key: key, now: now, payloadHash: SigV4.sha256Hex(body))
        // Not signed: URLSession may normalise what it sends, and the key and body are what matter.
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        let (_, response) = try await session.upload(for: request, from: Data(body))
        guard let http = response as? HTTPURLResponse else { throw S3ClientError.notHTTP }
        guard http.statusCode == 200 else { throw S3ClientError.unexpectedStatus(http.statusCode, key: key) }
        return http.value(forHTTPHeaderField: "ETag")
    }

    /// A header-signed request for `key` with no body (HEAD, GET, DELETE). The Host header
    /// is the one URLSession derives from the URL, which is what `target.host` holds.
    public func signedRequest(method: String, key: String, now: Date) -> URLRequest {
        signedRequest(method: method, key: key, now: now, payloadHash: SigV4.emptyPayloadHash)
    }

    /// A header-signed request whose body has the SHA-256 hex `payloadHash` (S3 requires
    /// it as the `x-amz-content-sha256` header, and it is part of the signature).
    func signedRequest(method: String, key: String, now: Date, payloadHash: String) -> URLRequest {
        let target = configuration.target(key: key)
        var request = URLRequest(url: target.url(), cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        let headers = [("x-amz-content-sha256", payloadHash)]
        let auth = configuration.signer.signedHeaders(
            method: method, host: target.host, canonicalURI: target.path, headers: headers,
            payloadHash: payloadHash, at: now)
        for (name, value) in headers + auth {
            request.setValue(value, forHTTPHeaderField: name)
        }
        return request
    }
}
