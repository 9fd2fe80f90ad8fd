import Foundation
import Resolvers
import XCTest

/// The signer against AWS's published examples: inputs and expected values copied from
/// the AWS documentation pages named on each test.
final class S3SigV4VectorTests: XCTestCase {
    /// The example credentials of the S3 pages.
    let s3Signer = SigV4Signer(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        region: "us-east-1", service: "s3")

    /// General reference, "Examples of how to derive a signing key for Signature Version 4"
    /// (signature-v4-examples): kSigning for 20120215/us-east-1/iam. Note the secret has a
    /// `+` where the S3 pages' has a `/`.
    func testSigningKeyDerivationExample() {
        let key = SigV4.signingKey(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", dateStamp: "20120215",
            region: "us-east-1", service: "iam")
        XCTAssertEqual(SigV4.hex(key), "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    /// General reference, "Task 3: Calculate the signature" (sigv4-calculate-signature):
    /// the signing key for 20150830/us-east-1/iam, c4afb1cc…, and the signature of that
    /// page's string to sign.
    func testCalculateSignatureExample() {
        let key = SigV4.signingKey(
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", dateStamp: "20150830",
            region: "us-east-1", service: "iam")
        XCTAssertEqual(SigV4.hex(key), "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
        let stringToSign = """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/iam/aws4_request
            f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59
            """
        XCTAssertEqual(
            SigV4.signature(signingKey: key, stringToSign: stringToSign),
            "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    /// The same IAM example end to end through header signing ("Task 1" canonical request
    /// hash f536975d…, then the Authorization header): GET /?Action=ListUsers&Version=2010-05-08.
    func testHeaderSigningIAMExample() {
        let signer = SigV4Signer(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            region: "us-east-1", service: "iam")
        let now = utcDate("20150830T123600Z")
        let query = [("Version", "2010-05-08"), ("Action", "ListUsers")]
        let headers = [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        let canonical = SigV4.canonicalRequest(
            method: "GET", canonicalURI: "/", query: query,
            headers: [("Host", "iam.amazonaws.com")] + headers + [("X-Amz-Date", SigV4.amzDate(now))],
            payloadHash: SigV4.emptyPayloadHash)
        XCTAssertEqual(
            SigV4.sha256Hex(Array(canonical.request.utf8)),
            "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        let signed = signer.signedHeaders(
            method: "GET", host: "iam.amazonaws.com", canonicalURI: "/", query: query, headers: headers,
            payloadHash: SigV4.emptyPayloadHash, at: now)
        XCTAssertEqual(signed.first { $0.0 == "x-amz-date" }?.1, "20150830T123600Z")
        XCTAssertEqual(
            signed.first { $0.0 == "Authorization" }?.1,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
    }

    /// S3 API reference, "Authenticating Requests: Using Query Parameters"
    /// (sigv4-query-string-auth): GET /test.txt on examplebucket, expires 86400.
    func testPresignedURLExample() {
        let query = s3Signer.presignedQuery(
            method: "GET", host: "examplebucket.s3.amazonaws.com", canonicalURI: "/test.txt",
            expiresIn: 86_400, at: utcDate("20130524T000000Z"))
        XCTAssertEqual(query.last?.0, "X-Amz-Signature")
        XCTAssertEqual(query.last?.1, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        XCTAssertEqual(
            SigV4.canonicalQueryString(Array(query.dropLast())),
            "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host")
    }

    /// S3 API reference, "Example: Browser-Based Upload using HTTP POST (Using AWS Signature
    /// Version 4)" (sigv4-post-example): the page's base64 policy (its JSON has CRLF line
    /// ends) is the string to sign; the date is 20151229.
    func testPostPolicyExample() {
        let policy =
            "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9"
        let now = utcDate("20151229T000000Z")
        XCTAssertEqual(s3Signer.credential(at: now), "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request")
        XCTAssertEqual(
            s3Signer.sign(policy, at: now), "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e")
    }

    func testTimestampsAndEncoding() {
        let date = utcDate("20240229T235959Z").addingTimeInterval(0.25)
        XCTAssertEqual(SigV4.amzDate(date), "20240229T235959Z")
        XCTAssertEqual(SigV4.dateStamp(date), "20240229")
        XCTAssertEqual(SigV4.iso8601Milliseconds(date), "2024-02-29T23:59:59.250Z")
        XCTAssertEqual(SigV4.iso8601Milliseconds(date.addingTimeInterval(0.75)), "2024-03-01T00:00:00.000Z")
        XCTAssertEqual(SigV4.amzDate(Date(timeIntervalSince1970: 0)), "19700101T000000Z")
        XCTAssertEqual(SigV4.uriEncode("a b/c+d~e_f.g-h*é", keepSlash: true), "a%20b/c%2Bd~e_f.g-h%2A%C3%A9")
        XCTAssertEqual(SigV4.uriEncode("a/b=c&d"), "a%2Fb%3Dc%26d")
    }
}
