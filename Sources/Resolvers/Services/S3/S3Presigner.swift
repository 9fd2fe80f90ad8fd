import Foundation

/// Presigned uploads (browser POST form) and downloads (GET URL) for the bucket of an
/// `S3Configuration`. The server never proxies file bytes: clients talk to S3 directly,
/// within what the signature allows.
public struct S3Presigner: Sendable {
    public let configuration: S3Configuration

    /// Uploads: long enough to pick a file and send it on a slow link, short enough that a
    /// leaked form is soon useless.
    public static let defaultUploadExpiry: TimeInterval = 15 * 60
    /// Downloads and images: links are made per request, so they need only outlive the page load.
    public static let defaultDownloadExpiry: TimeInterval = 5 * 60

    public init(configuration: S3Configuration) {
        self.configuration = configuration
    }

    // MARK: POST

    /// A browser-based upload (S3 POST Object with a SigV4 policy). The policy pins the
    /// bucket, the exact key, the exact content type and a size range of 1...maxBytes; S3
    /// refuses anything else and anything after `expiresAt`.
    ///
    /// The caller makes the key (`UploadPolicy.key`) and checks the content type and
    /// declared size (`UploadPolicy.validate`) first.
    public func presignedPost(
        key: String, contentType: String, maxBytes: Int,
        expiresIn: TimeInterval = S3Presigner.defaultUploadExpiry, now: Date = Date()
    ) -> PresignedPost {
        precondition(maxBytes >= 1, "maxBytes must be at least 1")
        let signer = configuration.signer
        let expiresAt = now.addingTimeInterval(expiresIn)
        let credential = signer.credential(at: now)
        let amzDate = SigV4.amzDate(now)
        var conditions: [PostPolicy.Condition] = [
            .exact("bucket", configuration.bucket),
            .equals("$key", key),
            .exact("Content-Type", contentType),
            .contentLengthRange(1, maxBytes),
            .exact("x-amz-algorithm", SigV4.algorithm),
            .exact("x-amz-credential", credential),
            .exact("x-amz-date", amzDate),
        ]
        if let token = configuration.sessionToken {
            conditions.append(.exact("x-amz-security-token", token))
        }
        let policy = PostPolicy(expiration: expiresAt, conditions: conditions).base64
        var fields: [PresignedPost.Field] = [
            .init("key", key),
            .init("Content-Type", contentType),
            .init("x-amz-algorithm", SigV4.algorithm),
            .init("x-amz-credential", credential),
            .init("x-amz-date", amzDate),
        ]
        if let token = configuration.sessionToken {
            fields.append(.init("x-amz-security-token", token))
        }
        fields.append(.init("policy", policy))
        fields.append(.init("x-amz-signature", signer.sign(policy, at: now)))
        return PresignedPost(url: configuration.target(key: nil).url(), fields: fields, expiresAt: expiresAt)
    }

    // MARK: GET

    /// A presigned GET of `key`, valid for `expiresIn` seconds (1 s to 7 days, S3's limit).
    /// `responseContentDisposition` (e.g. `attachment; filename="book.pdf"`) makes S3 send
    /// that header, so a download gets a readable file name instead of the key's UUID.
    public func presignedGet(
        key: String, expiresIn: TimeInterval = S3Presigner.defaultDownloadExpiry, now: Date = Date(),
        responseContentDisposition: String? = nil
    ) -> URL {
        presignedURL(method: "GET", key: key, expiresIn: expiresIn, now: now,
                     responseContentDisposition: responseContentDisposition)
    }

    /// Presigned URL for any object method (GET, HEAD, DELETE); GET is the one the API hands out.
    public func presignedURL(
        method: String, key: String, expiresIn: TimeInterval, now: Date,
        responseContentDisposition: String? = nil
    ) -> URL {
        let seconds = Int(expiresIn.rounded(.down))
        precondition((1...604_800).contains(seconds), "S3 presigned URLs last 1 second to 7 days")
        let target = configuration.target(key: key)
        var query: [(String, String)] = []
        if let responseContentDisposition {
            query.append(("response-content-disposition", responseContentDisposition))
        }
        let signed = configuration.signer.presignedQuery(
            method: method, host: target.host, canonicalURI: target.path, query: query,
            expiresIn: seconds, at: now)
        // The signed parameters in canonical order, then the signature last, as AWS's examples write it.
        let signature = signed.last!
        return target.url(
            query: SigV4.canonicalQueryString(Array(signed.dropLast())) + "&\(signature.0)=\(signature.1)")
    }
}

/// What a client needs to upload: POST `url` as multipart/form-data with `fields` in this
/// order, then the file as the last part (`file`; S3 ignores fields after it).
public struct PresignedPost: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var url: URL
    public var fields: [Field]
    public var expiresAt: Date

    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }
}

/// A POST policy document, written by hand rather than through JSONSerialization so that
/// its bytes (and so the signature) are the same on every platform and run.
struct PostPolicy {
    enum Condition {
        /// `{"name": "value"}`: the form field must be exactly `value`.
        case exact(String, String)
        /// `["eq", "$name", "value"]`
        case equals(String, String)
        /// `["content-length-range", min, max]`
        case contentLengthRange(Int, Int)

        var json: String {
            switch self {
            case .exact(let name, let value): "{\(jsonString(name)):\(jsonString(value))}"
            case .equals(let field, let value): "[\"eq\",\(jsonString(field)),\(jsonString(value))]"
            case .contentLengthRange(let min, let max): "[\"content-length-range\",\(min),\(max)]"
            }
        }
    }

    var expiration: Date
    var conditions: [Condition]

    var json: String {
        "{\"expiration\":\(jsonString(SigV4.iso8601Milliseconds(expiration))),\"conditions\":["
            + conditions.map(\.json).joined(separator: ",") + "]}"
    }

    /// The policy form field and, as it is, the string to sign.
    var base64: String { Data(json.utf8).base64EncodedString() }
}

/// A JSON string literal: quotes, backslashes and control characters escaped (keys and
/// content types come from our code, but escaping keeps a stray quote from forging a condition).
func jsonString(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
