import Foundation
import Resolvers
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Real uploads and downloads through the local moto_server (`scripts/services.sh start`).
///
/// moto 5.2.5 checks no POST policy condition (content type, content-length-range, key,
/// expiration), nor any signature when its auth is off (the default, as here): its POST
/// handler stores whatever form it gets. So these tests show that the forms and URLs
/// work against a real S3 protocol implementation (multipart layout, key and path
/// encoding, stored content type), and that what moto lets through is caught by the
/// server's own check of the stored object (`headObject` + `UploadPolicy.validateStored`);
/// that the policy itself is right is shown by the botocore comparison.
final class S3MotoTests: XCTestCase {
    func download(_ url: URL) async throws -> (status: Int, data: Data, response: HTTPURLResponse?) {
        let (data, response) = try await URLSession.shared.data(for: URLRequest(url: url, timeoutInterval: 30))
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, data, http)
    }

    func testUploadThenDownloadThenHead() async throws {
        let config = try await S3TestEnvironment.motoConfiguration()
        let presigner = S3Presigner(configuration: config)
        let client = S3Client(configuration: config)
        let purpose = UploadPurpose.listingImage
        let key = try UploadPolicy.key(purpose: purpose, ownerID: "moto-\(UUID().uuidString.lowercased())")
        try UploadPolicy.validate(purpose: purpose, contentType: "image/png", byteSize: onePixelPNG.count)

        let missing = try await client.headObject(key: key)
        XCTAssertNil(missing, "not uploaded yet")
        XCTAssertThrowsError(try UploadPolicy.validateStored(missing, purpose: purpose)) {
            XCTAssertEqual($0 as? UploadValidationError, .notUploaded)
        }

        let post = presigner.presignedPost(key: key, contentType: "image/png", maxBytes: purpose.maxBytes)
        let upload = try await MultipartForm().upload(post, contentType: "image/png", file: onePixelPNG)
        XCTAssertTrue([200, 201, 204].contains(upload.status), "POST answered \(upload.status): \(upload.body)")

        let got = try await download(
            presigner.presignedGet(key: key, responseContentDisposition: "attachment; filename=\"pixel.png\""))
        XCTAssertEqual(got.status, 200)
        XCTAssertEqual(got.data, onePixelPNG, "the same bytes back")
        XCTAssertEqual(got.response?.value(forHTTPHeaderField: "Content-Type"), "image/png")
        XCTAssertEqual(got.response?.value(forHTTPHeaderField: "Content-Disposition"), "attachment; filename=\"pixel.png\"")

        let head = try await client.headObject(key: key)
        XCTAssertEqual(head?.key, key)
        XCTAssertEqual(head?.contentLength, onePixelPNG.count)
        XCTAssertEqual(head?.contentType, "image/png", "the form's Content-Type is the object's")
        XCTAssertNotNil(head?.eTag)
        XCTAssertNoThrow(try UploadPolicy.validateStored(head, purpose: purpose))
        try await delete(key, config)
    }

    /// Keys with spaces, `+`, non-ASCII and reserved characters survive the form (raw key)
    /// and the URL (encoded once) alike.
    func testKeyEncodingRoundTrip() async throws {
        let config = try await S3TestEnvironment.motoConfiguration()
        let presigner = S3Presigner(configuration: config)
        let key = "listing-files/moto-\(UUID().uuidString.lowercased())/a b+c=d&e;é (1)~*.pdf"
        let bytes = Data("%PDF-1.4 not really\n".utf8)
        let post = presigner.presignedPost(key: key, contentType: "application/pdf", maxBytes: 1024)
        let upload = try await MultipartForm().upload(post, contentType: "application/pdf", file: bytes)
        XCTAssertTrue((200..<300).contains(upload.status), "POST answered \(upload.status): \(upload.body)")
        let got = try await download(presigner.presignedGet(key: key))
        XCTAssertEqual(got.status, 200)
        XCTAssertEqual(got.data, bytes)
        let head = try await S3Client(configuration: config).headObject(key: key)
        XCTAssertEqual(head?.contentLength, bytes.count)
        try await delete(key, config)
    }

    /// A form whose Content-Type field was changed from the one the policy pins. Real S3
    /// refuses it (403, policy condition failed); moto stores it. Either way the listing's
    /// check of the stored object refuses it.
    func testWrongContentTypeIsRefused() async throws {
        let config = try await S3TestEnvironment.motoConfiguration()
        let purpose = UploadPurpose.avatar
        let key = try UploadPolicy.key(purpose: purpose, ownerID: "moto-\(UUID().uuidString.lowercased())")
        let post = S3Presigner(configuration: config).presignedPost(key: key, contentType: "image/png", maxBytes: 1024)
        let tampered = post.fields.map { $0.name == "Content-Type" ? .init("Content-Type", "text/html") : $0 }
        let html = Data("<script>alert(1)</script>".utf8)
        let upload = try await MultipartForm().upload(post, fields: tampered, contentType: "text/html", file: html)
        try await assertRefused(
            upload, key: key, purpose: purpose, config: config,
            expected: .unsupportedContentType(purpose: purpose, contentType: "text/html"))
    }

    /// A body over the policy's content-length-range (and the purpose's limit).
    func testOversizedUploadIsRefused() async throws {
        let config = try await S3TestEnvironment.motoConfiguration()
        let purpose = UploadPurpose.avatar
        let key = try UploadPolicy.key(purpose: purpose, ownerID: "moto-\(UUID().uuidString.lowercased())")
        let post = S3Presigner(configuration: config)
            .presignedPost(key: key, contentType: "image/png", maxBytes: purpose.maxBytes)
        let oversized = onePixelPNG + Data(count: purpose.maxBytes + 1 - onePixelPNG.count)
        let upload = try await MultipartForm().upload(post, contentType: "image/png", file: oversized)
        try await assertRefused(
            upload, key: key, purpose: purpose, config: config,
            expected: .tooLarge(purpose: purpose, byteSize: purpose.maxBytes + 1))
    }

    func assertRefused(
        _ upload: (status: Int, body: String), key: String, purpose: UploadPurpose, config: S3Configuration,
        expected: UploadValidationError, file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        if (400..<500).contains(upload.status) {
            print("S3MotoTests: the store refused the upload itself (HTTP \(upload.status))")
            return
        }
        XCTAssertTrue((200..<300).contains(upload.status), "POST answered \(upload.status)", file: file, line: line)
        print("S3MotoTests: moto stored a form that breaks its policy (it does not enforce policies); checking the stored object")
        let head = try await S3Client(configuration: config).headObject(key: key)
        XCTAssertNotNil(head, file: file, line: line)
        XCTAssertThrowsError(try UploadPolicy.validateStored(head, purpose: purpose), file: file, line: line) {
            XCTAssertEqual($0 as? UploadValidationError, expected, file: file, line: line)
        }
        try await delete(key, config)
    }

    /// Removes a test object (moto keeps everything in memory), through a signed DELETE.
    func delete(_ key: String, _ config: S3Configuration) async throws {
        let request = S3Client(configuration: config).signedRequest(method: "DELETE", key: key, now: Date())
        let (_, response) = try await URLSession.shared.data(for: request)
        XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 204, "DELETE \(key)")
        let gone = try await S3Client(configuration: config).headObject(key: key)
        XCTAssertNil(gone)
    }
}
