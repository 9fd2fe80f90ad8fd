import Foundation
import Resolvers
import XCTest

/// The presigner's own output (fields, policy, URLs) and the configuration, with a fixed clock.
final class S3PresignerTests: XCTestCase {
    let now = utcDate("20260115T103000Z")

    func configuration(endpoint: String? = "http://127.0.0.1:9310", token: String? = nil) -> S3Configuration {
        S3Configuration(
            bucket: "marketplace-local", region: "us-east-1", endpoint: endpoint.flatMap(URL.init(string:)),
            accessKeyID: "AKIDTEST", secretAccessKey: "secret/key+1", sessionToken: token)
    }

    func decodedPolicy(_ post: PresignedPost) throws -> [String: Any] {
        let data = try XCTUnwrap(Data(base64Encoded: try XCTUnwrap(post["policy"])))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testPostFieldsAreOrderedAndPolicyPinsEverything() throws {
        let presigner = S3Presigner(configuration: configuration())
        let post = presigner.presignedPost(
            key: "listing-images/u1/abc", contentType: "image/png", maxBytes: 10_485_760, now: now)
        XCTAssertEqual(post.url.absoluteString, "http://127.0.0.1:9310/marketplace-local")
        XCTAssertEqual(
            post.fields.map(\.name),
            ["key", "Content-Type", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "policy", "x-amz-signature"])
        XCTAssertEqual(post["x-amz-credential"], "AKIDTEST/20260115/us-east-1/s3/aws4_request")
        XCTAssertEqual(post["x-amz-date"], "20260115T103000Z")
        XCTAssertEqual(post.expiresAt, now.addingTimeInterval(900))

        let policy = try decodedPolicy(post)
        XCTAssertEqual(policy["expiration"] as? String, "2026-01-15T10:45:00.000Z")
        let conditions = try XCTUnwrap(policy["conditions"] as? [Any])
        let expected: [Any] = [
            ["bucket": "marketplace-local"], ["eq", "$key", "listing-images/u1/abc"], ["Content-Type": "image/png"],
            ["content-length-range", 1, 10_485_760], ["x-amz-algorithm": "AWS4-HMAC-SHA256"],
            ["x-amz-credential": "AKIDTEST/20260115/us-east-1/s3/aws4_request"], ["x-amz-date": "20260115T103000Z"],
        ]
        XCTAssertEqual(conditions as NSArray, expected as NSArray)
        // The signature is over the base64 policy, with the key of the request's date.
        XCTAssertEqual(post["x-amz-signature"], presigner.configuration.signer.sign(post["policy"]!, at: now))
    }

    func testSessionTokenIsAFieldAndACondition() throws {
        let post = S3Presigner(configuration: configuration(token: "tok/en+="))
            .presignedPost(key: "avatars/u/x", contentType: "image/webp", maxBytes: 5, expiresIn: 60, now: now)
        XCTAssertEqual(
            post.fields.map(\.name),
            ["key", "Content-Type", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-security-token",
             "policy", "x-amz-signature"])
        XCTAssertEqual(post["x-amz-security-token"], "tok/en+=")
        let conditions = try XCTUnwrap(try decodedPolicy(post)["conditions"] as? [Any])
        XCTAssertTrue(conditions.contains { ($0 as? [String: String]) == ["x-amz-security-token": "tok/en+="] })
        XCTAssertEqual(try decodedPolicy(post)["expiration"] as? String, "2026-01-15T10:31:00.000Z")
    }

    func testPolicyEscapesJSON() throws {
        // A quote in a key must stay inside its string, not add a condition.
        let post = S3Presigner(configuration: configuration())
            .presignedPost(key: "k\"},{\"x\":\"y\\", contentType: "image/png", maxBytes: 1, now: now)
        let conditions = try XCTUnwrap(try decodedPolicy(post)["conditions"] as? [Any])
        XCTAssertEqual(conditions.count, 7)
        XCTAssertEqual(conditions[1] as? [String], ["eq", "$key", "k\"},{\"x\":\"y\\"])
    }

    func testPresignedGetPathStyle() throws {
        let url = S3Presigner(configuration: configuration())
            .presignedGet(key: "listing-files/u1/a b+c/é.pdf", now: now,
                          responseContentDisposition: "attachment; filename=\"a b.pdf\"")
        let components = try XCTUnwrap(URLComponents(url: url, resolvingAgainstBaseURL: false))
        XCTAssertEqual(components.host, "127.0.0.1")
        XCTAssertEqual(components.port, 9310)
        // One encoding, `/` kept between segments.
        XCTAssertEqual(components.percentEncodedPath, "/marketplace-local/listing-files/u1/a%20b%2Bc/%C3%A9.pdf")
        let query = try XCTUnwrap(components.percentEncodedQuery)
        XCTAssertTrue(query.hasPrefix("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDTEST%2F20260115%2F"))
        XCTAssertTrue(query.contains("&X-Amz-Expires=300&"))
        XCTAssertTrue(query.contains("&X-Amz-SignedHeaders=host&"))
        XCTAssertTrue(query.contains("response-content-disposition=attachment%3B%20filename%3D%22a%20b.pdf%22"))
        let signature = try XCTUnwrap(components.queryItems?.first { $0.name == "X-Amz-Signature" }?.value)
        XCTAssertEqual(signature.count, 64)
        XCTAssertTrue(query.hasSuffix("&X-Amz-Signature=" + signature), "the signature comes last")
    }

    func testPresignedGetVirtualHostedWithoutEndpoint() throws {
        var config = configuration(endpoint: nil, token: "t")
        config.region = "eu-west-1"
        let url = S3Presigner(configuration: config).presignedGet(key: "a/b.png", expiresIn: 60, now: now)
        XCTAssertTrue(
            url.absoluteString.hasPrefix("https://marketplace-local.s3.eu-west-1.amazonaws.com/a/b.png?"),
            url.absoluteString)
        XCTAssertTrue(url.absoluteString.contains("X-Amz-Security-Token=t&"))
        let post = S3Presigner(configuration: config)
            .presignedPost(key: "a/b.png", contentType: "image/png", maxBytes: 1, now: now)
        XCTAssertEqual(post.url.absoluteString, "https://marketplace-local.s3.eu-west-1.amazonaws.com/")
    }

    func testSignaturesDependOnTheClock() {
        let presigner = S3Presigner(configuration: configuration())
        let a = presigner.presignedGet(key: "k", now: now)
        XCTAssertEqual(a, presigner.presignedGet(key: "k", now: now), "same inputs, same URL")
        XCTAssertNotEqual(a, presigner.presignedGet(key: "k", now: now.addingTimeInterval(1)))
    }

    // MARK: Configuration

    func testConfigurationFromEnvironment() throws {
        let config = try S3Configuration(environment: [
            "S3_BUCKET": "b", "S3_REGION": "us-east-1", "S3_ENDPOINT": "http://127.0.0.1:9310/",
            "AWS_ACCESS_KEY_ID": "id", "AWS_SECRET_ACCESS_KEY": "s3cr3t-value", "AWS_SESSION_TOKEN": "",
        ])
        XCTAssertEqual(config.endpoint?.absoluteString, "http://127.0.0.1:9310")
        XCTAssertNil(config.sessionToken, "an empty token is no token")
        XCTAssertEqual(config.target(key: "x y").url().absoluteString, "http://127.0.0.1:9310/b/x%20y")
        XCTAssertFalse(config.description.contains("s3cr3t-value"), "the secret is not logged")

        let aws = try S3Configuration(environment: [
            "S3_BUCKET": "b", "S3_REGION": "eu-central-1", "AWS_ACCESS_KEY_ID": "id",
            "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "tok",
        ])
        XCTAssertNil(aws.endpoint)
        XCTAssertEqual(aws.sessionToken, "tok")
        XCTAssertEqual(aws.target(key: "k").url().absoluteString, "https://b.s3.eu-central-1.amazonaws.com/k")
    }

    func testConfigurationErrorsNameWhatIsMissing() {
        XCTAssertThrowsError(try S3Configuration(environment: ["S3_BUCKET": "b", "AWS_ACCESS_KEY_ID": " "])) {
            let error = $0 as? S3ConfigurationError
            XCTAssertEqual(error, .missing(["S3_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]))
            XCTAssertTrue("\(error!)".contains("set S3_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY"))
        }
        let base = ["S3_BUCKET": "b", "S3_REGION": "r", "AWS_ACCESS_KEY_ID": "i", "AWS_SECRET_ACCESS_KEY": "s"]
        for bad in ["127.0.0.1:9310", "ftp://host", "http://", "http://h/?q=1"] {
            XCTAssertThrowsError(try S3Configuration(environment: base.merging(["S3_ENDPOINT": bad]) { $1 }), bad) {
                XCTAssertEqual($0 as? S3ConfigurationError, .invalidEndpoint(bad))
            }
        }
    }

    func testEndpointWithPathPrefixAndDefaultPort() throws {
        let config = S3Configuration(
            bucket: "b", region: "r", endpoint: URL(string: "https://files.example.com:443/s3/"),
            accessKeyID: "i", secretAccessKey: "s")
        let target = config.target(key: "k/l")
        XCTAssertEqual(target.host, "files.example.com", "the default port is not part of the signed host")
        XCTAssertEqual(target.path, "/s3/b/k/l")
    }
}
