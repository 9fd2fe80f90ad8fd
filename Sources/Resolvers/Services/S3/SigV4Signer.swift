import Foundation

/// One set of credentials, region and service: signs POST policies, presigns URLs (query
/// authentication) and signs requests (the Authorization header). The clock is always a
/// parameter, so tests and the botocore comparison pin it.
public struct SigV4Signer: Sendable {
    public let accessKeyID: String
    public let secretAccessKey: String
    /// Temporary credentials' token (STS): sent as `X-Amz-Security-Token` and signed.
    public let sessionToken: String?
    public let region: String
    public let service: String

    public init(
        accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
        region: String, service: String = "s3"
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
    }

    /// `AKID/20130524/us-east-1/s3/aws4_request`
    public func credential(at now: Date) -> String {
        "\(accessKeyID)/\(scope(at: now))"
    }

    public func scope(at now: Date) -> String {
        SigV4.scope(dateStamp: SigV4.dateStamp(now), region: region, service: service)
    }

    /// Signs a string to sign with the key of `now`'s date. A POST policy's string to
    /// sign is the base64 policy itself.
    public func sign(_ stringToSign: String, at now: Date) -> String {
        let key = SigV4.signingKey(
            secretAccessKey: secretAccessKey, dateStamp: SigV4.dateStamp(now), region: region, service: service)
        return SigV4.signature(signingKey: key, stringToSign: stringToSign)
    }

    /// Query-string authentication: `query` plus the X-Amz-* parameters and the signature,
    /// ready to be joined with `SigV4.canonicalQueryString`. Only `host` is signed, so the
    /// URL works from a browser, whatever other headers it adds.
    /// - Parameters:
    ///   - host: the Host header the client will send (with `:port` when not the default).
    ///   - canonicalURI: the encoded path, exactly as it will appear in the URL.
    public func presignedQuery(
        method: String, host: String, canonicalURI: String, query: [(String, String)] = [],
        expiresIn: Int, at now: Date
    ) -> [(String, String)] {
        var params = query
        params.append(("X-Amz-Algorithm", SigV4.algorithm))
        params.append(("X-Amz-Credential", credential(at: now)))
        params.append(("X-Amz-Date", SigV4.amzDate(now)))
        params.append(("X-Amz-Expires", String(expiresIn)))
        if let sessionToken { params.append(("X-Amz-Security-Token", sessionToken)) }
        params.append(("X-Amz-SignedHeaders", "host"))
        let canonical = SigV4.canonicalRequest(
            method: method, canonicalURI: canonicalURI, query: params, headers: [("host", host)],
            payloadHash: SigV4.unsignedPayload)
        let stringToSign = SigV4.stringToSign(
            amzDate: SigV4.amzDate(now), scope: scope(at: now), canonicalRequest: canonical.request)
        params.append(("X-Amz-Signature", sign(stringToSign, at: now)))
        return params
    }

    /// Header authentication: the headers to add to the request (`x-amz-date`, the token
    /// when there is one, `Authorization`). Every header in `headers` is signed, plus host.
    /// S3 also wants `x-amz-content-sha256`: the caller passes it in `headers`.
    public func signedHeaders(
        method: String, host: String, canonicalURI: String, query: [(String, String)] = [],
        headers: [(String, String)] = [], payloadHash: String, at now: Date
    ) -> [(String, String)] {
        var added: [(String, String)] = [("x-amz-date", SigV4.amzDate(now))]
        if let sessionToken { added.append(("x-amz-security-token", sessionToken)) }
        let canonical = SigV4.canonicalRequest(
            method: method, canonicalURI: canonicalURI, query: query,
            headers: [("host", host)] + headers + added, payloadHash: payloadHash)
        let stringToSign = SigV4.stringToSign(
            amzDate: SigV4.amzDate(now), scope: scope(at: now), canonicalRequest: canonical.request)
        let authorization = "\(SigV4.algorithm) Credential=\(credential(at: now)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(sign(stringToSign, at: now))"
        return added + [("Authorization", authorization)]
    }
}
