import Foundation
import Resolvers
import XCTest

/// The presigner against botocore (boto3 from PyPI, in .venv) for the same inputs and
/// clock: botocore's `get_current_datetime` is patched to the test's instant.
///
/// botocore writes its policy differently (`", "` separators, `{"key": k}` instead of
/// `["eq", "$key", k]`, its conditions in another order, expiration without
/// milliseconds), so the policies are compared semantically, and each side signs the
/// other's exact policy bytes to compare signatures.
final class S3BotocoreTests: XCTestCase {
    let now = utcDate("20260115T103000Z")

    struct Case {
        var configuration: S3Configuration
        var key: String
        var contentType: String
        var maxBytes: Int
        var disposition: String?
    }

    func testLocalEndpointPathStyle() throws {
        try compare(Case(
            configuration: S3Configuration(
                bucket: "marketplace-local", region: "us-east-1", endpoint: URL(string: "http://127.0.0.1:9310"),
                accessKeyID: "test", secretAccessKey: "test"),
            key: "listing-files/u1/a b+c/ünïcode (1)~*.pdf", contentType: "application/pdf", maxBytes: 500 << 20,
            disposition: "attachment; filename=\"a b.pdf\"; filename*=UTF-8''%C3%A9.pdf"))
    }

    func testAWSVirtualHostedWithSessionToken() throws {
        try compare(Case(
            configuration: S3Configuration(
                bucket: "marketplace-prod", region: "eu-west-1", accessKeyID: "ASIAEXAMPLE",
                secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                sessionToken: "FwoGZXIvYXdzE+token/with=chars"),
            key: "listing-images/7f1c/0b9e7c1a-1111-4222-8333-944455556666", contentType: "image/webp",
            maxBytes: 10 << 20, disposition: nil))
    }

    func compare(_ c: Case, file: StaticString = #filePath, line: UInt = #line) throws {
        let presigner = S3Presigner(configuration: c.configuration)
        let post = presigner.presignedPost(key: c.key, contentType: c.contentType, maxBytes: c.maxBytes, now: now)
        let get = presigner.presignedGet(key: c.key, now: now, responseContentDisposition: c.disposition)
        let head = S3Client(configuration: c.configuration).signedRequest(method: "HEAD", key: c.key, now: now)

        var input: [String: Any] = [
            "timestamp": now.timeIntervalSince1970, "region": c.configuration.region,
            "access_key_id": c.configuration.accessKeyID, "secret_access_key": c.configuration.secretAccessKey,
            "bucket": c.configuration.bucket, "key": c.key, "content_type": c.contentType,
            "max_bytes": c.maxBytes, "post_expires": 900, "get_expires": 300,
            "policy_to_sign": post["policy"]!, "head_url": head.url!.absoluteString,
        ]
        input["endpoint"] = c.configuration.endpoint?.absoluteString
        input["session_token"] = c.configuration.sessionToken
        input["content_disposition"] = c.disposition
        let boto = try S3TestEnvironment.runPython(Self.oracle, input: input)
        let botoPost = try XCTUnwrap(boto["post"] as? [String: Any])
        let botoFields = try XCTUnwrap(botoPost["fields"] as? [String: String])

        // POST: the URL, every field but the policy and signature, the policy's meaning,
        // and the signatures both ways.
        XCTAssertEqual(post.url.absoluteString, botoPost["url"] as? String, "POST url", file: file, line: line)
        let ours = Dictionary(uniqueKeysWithValues: post.fields.map { ($0.name, $0.value) })
        XCTAssertEqual(
            ours.filter { !["policy", "x-amz-signature"].contains($0.key) },
            botoFields.filter { !["policy", "x-amz-signature"].contains($0.key) }, "POST fields", file: file, line: line)
        let (ourExpiry, ourConditions) = try Self.normalizedPolicy(post["policy"]!)
        let (botoExpiry, botoConditions) = try Self.normalizedPolicy(try XCTUnwrap(botoFields["policy"]))
        XCTAssertEqual(ourExpiry, botoExpiry, "policy expiration", file: file, line: line)
        XCTAssertEqual(ourConditions, botoConditions, "policy conditions", file: file, line: line)
        XCTAssertEqual(post["x-amz-signature"], boto["policy_signature"] as? String,
                       "botocore's signature over our policy", file: file, line: line)
        XCTAssertEqual(c.configuration.signer.sign(botoFields["policy"]!, at: now), botoFields["x-amz-signature"],
                       "our signature over botocore's policy", file: file, line: line)

        // GET: the same host and path, and the same query parameters, signature included.
        let botoGet = try XCTUnwrap(URLComponents(string: try XCTUnwrap(boto["get_url"] as? String)))
        let ourGet = try XCTUnwrap(URLComponents(url: get, resolvingAgainstBaseURL: false))
        XCTAssertEqual(ourGet.host, botoGet.host, file: file, line: line)
        XCTAssertEqual(ourGet.port, botoGet.port, file: file, line: line)
        XCTAssertEqual(ourGet.percentEncodedPath, botoGet.percentEncodedPath, "GET path encoding", file: file, line: line)
        XCTAssertEqual(Self.queryDictionary(ourGet), Self.queryDictionary(botoGet), "GET query", file: file, line: line)
        XCTAssertNotNil(Self.queryDictionary(ourGet)["X-Amz-Signature"])

        // HEAD (S3Client): the same Authorization header.
        let botoHead = try XCTUnwrap(boto["head_headers"] as? [String: String])
        XCTAssertEqual(head.value(forHTTPHeaderField: "Authorization"), botoHead["authorization"], file: file, line: line)
        XCTAssertEqual(head.value(forHTTPHeaderField: "x-amz-content-sha256"), botoHead["x-amz-content-sha256"])
        XCTAssertEqual(head.value(forHTTPHeaderField: "x-amz-security-token"), botoHead["x-amz-security-token"])
    }

    static func queryDictionary(_ components: URLComponents) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
    }

    /// The expiration instant and the conditions as a set of canonical JSON texts, with
    /// `{"key": k}` written as its equivalent `["eq", "$key", k]`.
    static func normalizedPolicy(_ base64: String) throws -> (Date, Set<String>) {
        let data = try XCTUnwrap(Data(base64Encoded: base64))
        let policy = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expiration = try XCTUnwrap(policy["expiration"] as? String)
        // "2026-01-15T10:45:00.000Z" and "2026-01-15T10:45:00Z" are the same instant.
        let whole = try XCTUnwrap(expiration.split(separator: ".").first.map(String.init))
        let expiry = utcDate(whole.hasSuffix("Z") ? whole : whole + "Z")
        var conditions = Set<String>()
        for condition in try XCTUnwrap(policy["conditions"] as? [Any]) {
            var value = condition
            if let object = condition as? [String: Any], object.count == 1, let key = object["key"] {
                value = ["eq", "$key", key]
            }
            let json = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
            conditions.insert(String(decoding: json, as: UTF8.self))
        }
        return (expiry, conditions)
    }

    /// Reads the case as JSON on stdin, prints botocore's POST fields, GET URL, its
    /// signature over `policy_to_sign` and its signed HEAD headers, all at `timestamp`.
    static let oracle = #"""
        import sys, json, datetime
        from unittest import mock
        import boto3, botocore, botocore.auth, botocore.signers
        from botocore.awsrequest import AWSRequest
        from botocore.config import Config
        from botocore.credentials import Credentials

        inp = json.load(sys.stdin)
        now = datetime.datetime.fromtimestamp(inp["timestamp"], datetime.timezone.utc).replace(tzinfo=None)

        def frozen(remove_tzinfo=True):
            return now if remove_tzinfo else now.replace(tzinfo=datetime.timezone.utc)

        endpoint = inp.get("endpoint")
        token = inp.get("session_token")
        region = inp["region"]
        out = {"botocore_version": botocore.__version__}
        # botocore.auth and botocore.signers both import get_current_datetime by name.
        with mock.patch.object(botocore.auth, "get_current_datetime", frozen), \
             mock.patch.object(botocore.signers, "get_current_datetime", frozen):
            client = boto3.client(
                "s3", region_name=region, endpoint_url=endpoint,
                aws_access_key_id=inp["access_key_id"], aws_secret_access_key=inp["secret_access_key"],
                aws_session_token=token,
                config=Config(signature_version="s3v4",
                              s3={"addressing_style": "path" if endpoint else "virtual"}))
            ct = inp["content_type"]
            out["post"] = client.generate_presigned_post(
                Bucket=inp["bucket"], Key=inp["key"], Fields={"Content-Type": ct},
                Conditions=[{"Content-Type": ct}, ["content-length-range", 1, inp["max_bytes"]]],
                ExpiresIn=inp["post_expires"])
            params = {"Bucket": inp["bucket"], "Key": inp["key"]}
            if inp.get("content_disposition"):
                params["ResponseContentDisposition"] = inp["content_disposition"]
            out["get_url"] = client.generate_presigned_url("get_object", Params=params, ExpiresIn=inp["get_expires"])
            creds = Credentials(inp["access_key_id"], inp["secret_access_key"], token)
            req = AWSRequest(method="POST", url=out["post"]["url"])
            req.context["timestamp"] = now.strftime(botocore.auth.SIGV4_TIMESTAMP)
            out["policy_signature"] = botocore.auth.S3SigV4PostAuth(creds, "s3", region).signature(inp["policy_to_sign"], req)
            head = AWSRequest(method="HEAD", url=inp["head_url"])
            botocore.auth.S3SigV4Auth(creds, "s3", region).add_auth(head)
            out["head_headers"] = {k.lower(): v for k, v in head.headers.items()}
        json.dump(out, sys.stdout)
        """#
}
