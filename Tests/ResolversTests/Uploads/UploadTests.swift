import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `Mutation.createUploadUrl` through the schema, over a real database; the upload itself
/// goes to the local moto_server (`scripts/services.sh start`).
final class UploadTests: XCTestCase {
    static let document = """
        mutation($input: UploadInput!) {
          createUploadUrl(input: $input) {
            upload { url fields { name value } key expiresAt }
            errors { field code message }
          }
        }
        """

    static func input(_ purpose: String, _ contentType: String, _ size: Int) -> [String: InputValue] {
        ["input": ["purpose": .string(purpose), "contentType": .string(contentType), "sizeBytes": .int(size)]]
    }

    /// The S3 settings the harness gives the services; `make test` provides them, so their
    /// absence fails the test with what to run.
    func requireStorage() throws -> S3Configuration {
        do {
            return try S3Configuration(environment: S3TestEnvironment.variables())
        } catch {
            throw S3TestSetupError("S3 is not configured (\(error)); run scripts/services.sh start")
        }
    }

    /// The viewer's database id (the key's owner segment), for the registered email.
    func userID(_ h: GraphQLHarness, _ email: String = "ada@example.com") async throws -> String {
        let id = try await h.sql("SELECT id FROM marketplace.users WHERE email = \(email)::citext").first?
            .decode(UUID.self)
        return try XCTUnwrap(id).uuidString.lowercased()
    }

    func testAnonymousCallersAreUnauthenticated() async throws {
        try await GraphQLHarness.with { h in
            let response = try await h.run(Self.document, Self.input("AVATAR", "image/png", 100))
            XCTAssertEqual(response.topLevelCodes, ["UNAUTHENTICATED"])
            XCTAssertNil(response["data.createUploadUrl"])
        }
    }

    func testEachPurposeSignsAFormUnderTheViewersPrefix() async throws {
        let storage = try requireStorage()
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let owner = try await userID(h)
            let cases: [(UploadPurpose, String)] = [
                (.listingImage, "image/webp"), (.listingFile, "application/pdf"), (.providerLogo, "image/png"),
                (.avatar, "image/jpeg"),
            ]
            for (purpose, contentType) in cases {
                let before = Date()
                let response = try await h.run(
                    Self.document, Self.input(purpose.rawValue, contentType, purpose.maxBytes), token: account.access)
                XCTAssertEqual(response.topLevelCodes, [], "\(purpose)")
                XCTAssertEqual(response.errorCodes("data.createUploadUrl.errors"), [], "\(purpose)")
                let key = try XCTUnwrap(response.string("data.createUploadUrl.upload.key"), "\(purpose)")
                XCTAssertTrue(key.hasPrefix(purpose.keyPrefix + owner + "/"), key)
                XCTAssertTrue(UploadPolicy.ownsKey(key, purpose: purpose, ownerID: owner), key)
                XCTAssertEqual(
                    response.string("data.createUploadUrl.upload.url"), storage.target(key: nil).url().absoluteString)
                let fields = try XCTUnwrap(response["data.createUploadUrl.upload.fields"] as? [[String: String]])
                XCTAssertEqual(
                    fields.map { $0["name"] ?? "" },
                    ["key", "Content-Type", "x-amz-algorithm", "x-amz-credential", "x-amz-date"]
                        + (storage.sessionToken == nil ? [] : ["x-amz-security-token"])
                        + ["policy", "x-amz-signature"], "\(purpose)")
                XCTAssertEqual(fields.first?["value"], key)
                XCTAssertEqual(fields[1]["value"], contentType)
                // The policy pins this key, type and the purpose's limit.
                let policyText = try XCTUnwrap(fields.first { $0["name"] == "policy" }?["value"])
                let policy = String(decoding: try XCTUnwrap(Data(base64Encoded: policyText)), as: UTF8.self)
                XCTAssertTrue(policy.contains("[\"eq\",\"$key\",\"\(key)\"]"), policy)
                XCTAssertTrue(policy.contains("[\"content-length-range\",1,\(purpose.maxBytes)]"), policy)
                let expiresAt = try XCTUnwrap(
                    response.string("data.createUploadUrl.upload.expiresAt").flatMap(Scalars.parseDateTime))
                XCTAssertEqual(
                    expiresAt.timeIntervalSince(before), S3Presigner.defaultUploadExpiry, accuracy: 5, "\(purpose)")
            }
        }
    }

    func testRefusedFilesAreReportedInThePayload() async throws {
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let svg = try await h.run(Self.document, Self.input("AVATAR", "image/svg+xml", 100), token: account.access)
            XCTAssertEqual(svg.topLevelCodes, [])
            XCTAssertEqual(svg.errorCodes("data.createUploadUrl.errors"), ["UNSUPPORTED_FILE_TYPE"])
            XCTAssertEqual(svg["data.createUploadUrl.errors.0.field"] as? [String], ["input", "contentType"])
            XCTAssertTrue(svg.string("data.createUploadUrl.errors.0.message")?.contains("image/png") == true)
            XCTAssertNil(svg["data.createUploadUrl.upload"])

            let pdfImage = try await h.run(
                Self.document, Self.input("LISTING_IMAGE", "application/pdf", 100), token: account.access)
            XCTAssertEqual(pdfImage.errorCodes("data.createUploadUrl.errors"), ["UNSUPPORTED_FILE_TYPE"])

            let tooLarge = try await h.run(
                Self.document, Self.input("PROVIDER_LOGO", "image/png", UploadPurpose.providerLogo.maxBytes + 1),
                token: account.access)
            XCTAssertEqual(tooLarge.errorCodes("data.createUploadUrl.errors"), ["FILE_TOO_LARGE"])
            XCTAssertEqual(tooLarge["data.createUploadUrl.errors.0.field"] as? [String], ["input", "sizeBytes"])
            XCTAssertTrue(tooLarge.string("data.createUploadUrl.errors.0.message")?.contains("5 MB") == true)
            XCTAssertNil(tooLarge["data.createUploadUrl.upload"])

            let empty = try await h.run(Self.document, Self.input("AVATAR", "image/png", 0), token: account.access)
            XCTAssertEqual(empty.errorCodes("data.createUploadUrl.errors"), ["INVALID_INPUT"])
            XCTAssertEqual(empty["data.createUploadUrl.errors.0.field"] as? [String], ["input", "sizeBytes"])
            XCTAssertNil(empty["data.createUploadUrl.upload"])
        }
    }

    /// The form the API hands out works against a real S3 protocol implementation: the
    /// fields in order, the file last; the object is then there with its type and size.
    func testTheReturnedFormUploadsToMoto() async throws {
        let config = try await S3TestEnvironment.motoConfiguration()
        try await GraphQLHarness.with { h in
            let account = try await h.register()
            let owner = try await userID(h)
            let response = try await h.run(
                Self.document, Self.input("LISTING_IMAGE", "image/png", onePixelPNG.count), token: account.access)
            XCTAssertEqual(response.errorCodes("data.createUploadUrl.errors"), [])
            let key = try XCTUnwrap(response.string("data.createUploadUrl.upload.key"))
            XCTAssertTrue(key.hasPrefix("listing-images/\(owner)/"), key)
            let url = try XCTUnwrap(response.string("data.createUploadUrl.upload.url").flatMap(URL.init(string:)))
            let fields = try XCTUnwrap(response["data.createUploadUrl.upload.fields"] as? [[String: String]])
                .map { PresignedPost.Field($0["name"] ?? "", $0["value"] ?? "") }
            let post = PresignedPost(url: url, fields: fields, expiresAt: Date().addingTimeInterval(60))

            let client = S3Client(configuration: config)
            let before = try await client.headObject(key: key)
            XCTAssertNil(before, "not uploaded yet")

            let upload = try await MultipartForm().upload(post, contentType: "image/png", file: onePixelPNG)
            XCTAssertTrue((200..<300).contains(upload.status), "POST answered \(upload.status): \(upload.body)")

            let head = try await client.headObject(key: key)
            XCTAssertEqual(head?.key, key)
            XCTAssertEqual(head?.contentLength, onePixelPNG.count)
            XCTAssertEqual(head?.contentType, "image/png")
            XCTAssertNoThrow(try UploadPolicy.validateStored(head, purpose: .listingImage))

            // Clean up the bucket.
            let (_, deleted) = try await URLSession.shared.data(
                for: client.signedRequest(method: "DELETE", key: key, now: Date()))
            XCTAssertEqual((deleted as? HTTPURLResponse)?.statusCode, 204)
        }
    }
}
