import Foundation
import Resolvers
import XCTest

final class S3UploadPolicyTests: XCTestCase {
    let owner = "7f1c2d3e-0000-4000-8000-000000000001"

    func testKeysAreUnderThePurposeAndOwnerPrefix() throws {
        let key = try UploadPolicy.key(purpose: .listingImage, ownerID: owner)
        XCTAssertTrue(key.hasPrefix("listing-images/\(owner)/"))
        XCTAssertEqual(key.split(separator: "/").last?.count, 36, "a UUID name")
        XCTAssertNotEqual(key, try UploadPolicy.key(purpose: .listingImage, ownerID: owner), "a new name each time")
        XCTAssertEqual(try UploadPolicy.key(purpose: .avatar, ownerID: "u1", objectName: "x.png"), "avatars/u1/x.png")
        XCTAssertEqual(try UploadPolicy.key(purpose: .listingFile, ownerID: "u1", objectName: "n"), "listing-files/u1/n")
        XCTAssertEqual(try UploadPolicy.key(purpose: .providerLogo, ownerID: "p", objectName: "n"), "provider-logos/p/n")
        for (ownerID, name) in [("", "n"), ("a/b", "n"), ("..", "n"), ("u", "../x"), ("u", ""), ("u", "a b")] {
            XCTAssertThrowsError(try UploadPolicy.key(purpose: .avatar, ownerID: ownerID, objectName: name)) {
                XCTAssertEqual($0 as? UploadValidationError, .invalidKey)
            }
        }
    }

    func testOwnsKeyAcceptsOnlyTheOwnersKeysForThePurpose() throws {
        let key = try UploadPolicy.key(purpose: .listingImage, ownerID: owner)
        XCTAssertTrue(UploadPolicy.ownsKey(key, purpose: .listingImage, ownerID: owner))
        XCTAssertFalse(UploadPolicy.ownsKey(key, purpose: .listingFile, ownerID: owner), "another purpose")
        XCTAssertFalse(UploadPolicy.ownsKey(key, purpose: .listingImage, ownerID: "someone-else"))
        let refused = [
            "listing-images/\(owner)/",  // no name
            "listing-images/\(owner)/../other/x",  // climbing out
            "listing-images/\(owner)/a/b",  // nested
            "listing-images/\(owner)/..",
            "listing-images/\(owner)x/abc",  // a prefix of another owner's id
            "/listing-images/\(owner)/abc",
            "listing-images//\(owner)/abc",
            "avatars/\(owner)/abc",
            "listing-images/\(owner)/abc%2F..",
            "listing-images/\(owner)/abc\n",
        ]
        for key in refused {
            XCTAssertFalse(UploadPolicy.ownsKey(key, purpose: .listingImage, ownerID: owner), key)
        }
        // An owner id that is a prefix of ours must not own our keys either.
        XCTAssertFalse(UploadPolicy.ownsKey(key, purpose: .listingImage, ownerID: String(owner.dropLast())))
    }

    func testValidateContentTypeAndSize() throws {
        XCTAssertNoThrow(try UploadPolicy.validate(purpose: .listingImage, contentType: "image/webp", byteSize: 1))
        XCTAssertNoThrow(
            try UploadPolicy.validate(purpose: .listingFile, contentType: "application/epub+zip", byteSize: 500 << 20))
        XCTAssertNoThrow(try UploadPolicy.validate(purpose: .avatar, contentType: "image/png", byteSize: 5 << 20))

        let cases: [(UploadPurpose, String, Int, UploadValidationError)] = [
            (.listingImage, "image/svg+xml", 10, .unsupportedContentType(purpose: .listingImage, contentType: "image/svg+xml")),
            (.listingImage, "application/pdf", 10, .unsupportedContentType(purpose: .listingImage, contentType: "application/pdf")),
            (.avatar, "IMAGE/PNG", 10, .unsupportedContentType(purpose: .avatar, contentType: "IMAGE/PNG")),
            (.listingFile, "application/pdf", 0, .emptyFile),
            (.listingImage, "image/png", (10 << 20) + 1, .tooLarge(purpose: .listingImage, byteSize: (10 << 20) + 1)),
            (.providerLogo, "image/jpeg", (5 << 20) + 1, .tooLarge(purpose: .providerLogo, byteSize: (5 << 20) + 1)),
            (.listingFile, "video/mp4", (500 << 20) + 1, .tooLarge(purpose: .listingFile, byteSize: (500 << 20) + 1)),
        ]
        for (purpose, type, size, expected) in cases {
            XCTAssertThrowsError(try UploadPolicy.validate(purpose: purpose, contentType: type, byteSize: size)) {
                XCTAssertEqual($0 as? UploadValidationError, expected)
            }
        }
    }

    func testMessagesAreForUsers() {
        XCTAssertEqual(
            UploadValidationError.unsupportedContentType(purpose: .avatar, contentType: "image/gif").message,
            "Files of type \"image/gif\" can't be used as an avatar. Allowed types: image/jpeg, image/png, image/webp.")
        XCTAssertEqual(
            UploadValidationError.tooLarge(purpose: .listingImage, byteSize: 12 << 20).message,
            "The file is 12 MB; the limit for a listing image is 10 MB.")
        XCTAssertEqual(
            UploadValidationError.tooLarge(purpose: .avatar, byteSize: 5_500_000).message,
            "The file is 5.2 MB; the limit for an avatar is 5 MB.")
        XCTAssertEqual(UploadValidationError.emptyFile.message, "The file is empty.")
    }

    func testValidateStoredObject() {
        let stored = S3ObjectInfo(key: "k", contentLength: 70, contentType: "image/png", eTag: nil)
        XCTAssertNoThrow(try UploadPolicy.validateStored(stored, purpose: .listingImage))
        XCTAssertThrowsError(try UploadPolicy.validateStored(nil, purpose: .listingImage)) {
            XCTAssertEqual($0 as? UploadValidationError, .notUploaded)
        }
        var html = stored
        html.contentType = "text/html"
        XCTAssertThrowsError(try UploadPolicy.validateStored(html, purpose: .listingImage)) {
            XCTAssertEqual($0 as? UploadValidationError, .unsupportedContentType(purpose: .listingImage, contentType: "text/html"))
        }
        var big = stored
        big.contentLength = (5 << 20) + 1
        XCTAssertThrowsError(try UploadPolicy.validateStored(big, purpose: .avatar)) {
            XCTAssertEqual($0 as? UploadValidationError, .tooLarge(purpose: .avatar, byteSize: (5 << 20) + 1))
        }
    }
}
