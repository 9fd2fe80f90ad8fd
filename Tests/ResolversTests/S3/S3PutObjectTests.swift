import Foundation
@testable import Resolvers
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `S3Client.putObject` against the local moto_server (what is put is what HEAD and GET
/// see) and its signature against botocore's (moto, with its auth off, checks none).
final class S3PutObjectTests: XCTestCase {
    func testPutThenHeadThenGet() async throws {
        let config = try await S3TestEnvironment.motoConfiguration()
        let client = S3Client(configuration: config)
        let key = "tests/put-object/\(UUID().uuidString.lowercased()).bin"
        let body = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

        let eTag = try await client.putObject(key: key, body: body, contentType: "application/octet-stream")
        XCTAssertNotNil(eTag)
        let head = try await client.headObject(key: key)
        XCTAssertEqual(head?.contentLength, body.count)
        XCTAssertEqual(head?.contentType, "application/octet-stream")
        XCTAssertEqual(head?.eTag, eTag)
        let (data, _) = try await URLSession.shared.data(for: client.signedRequest(method: "GET", key: key, now: Date()))
        XCTAssertEqual(Array(data), body)

        _ = try await URLSession.shared.data(for: client.signedRequest(method: "DELETE", key: key, now: Date()))
    }

    func testSignatureMatchesBotocore() throws {
        let now = utcDate("20260115T103000Z")
        let configuration = S3Configuration(
            bucket: "marketplace-local", region: "us-east-1", endpoint: URL(string: "http://127.0.0.1:9310"),
            accessKeyID: "test", secretAccessKey: "test-secret")
        let key = "listing-images/seed/3.png"
        let body = Array("not really a png".utf8)
        let request = S3Client(configuration: configuration)
            .signedRequest(method: "PUT", key: key, now: now, payloadHash: SigV4.sha256Hex(body))
        let boto = try S3TestEnvironment.runPython(Self.oracle, input: [
            "timestamp": now.timeIntervalSince1970, "url": request.url!.absoluteString,
            "body": Data(body).base64EncodedString(),
        ])
        XCTAssertEqual(request.value(forHTTPHeaderField: "x-amz-content-sha256"), boto["x-amz-content-sha256"] as? String)
        XCTAssertNotNil(boto["authorization"], "botocore signed the request")
        XCTAssertEqual(request.value(forHTTPHeaderField: "Authorization"), boto["authorization"] as? String)
    }

    /// botocore's header signature of a PUT with the body, at `timestamp`.
    static let oracle = #"""
        import sys, json, base64, datetime
        from unittest import mock
        import botocore.auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        inp = json.load(sys.stdin)
        now = datetime.datetime.fromtimestamp(inp["timestamp"], datetime.timezone.utc).replace(tzinfo=None)
        with mock.patch.object(botocore.auth, "get_current_datetime", lambda remove_tzinfo=True: now):
            req = AWSRequest(method="PUT", url=inp["url"], data=base64.b64decode(inp["body"]))
            botocore.auth.S3SigV4Auth(Credentials("test", "test-secret"), "s3", "us-east-1").add_auth(req)
        json.dump({k.lower(): v for k, v in req.headers.items()}, sys.stdout)
        """#
}
