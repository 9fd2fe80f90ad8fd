import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `createListing` and `updateListing` through the schema, over a real database, with
/// files really uploaded to moto.
final class ListingMutationTests: XCTestCase {
    func testEachKindIsCreatedAsADraftWithItsFields() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let image = try await h.upload(onePixelPNG, purpose: "LISTING_IMAGE", contentType: "image/png", token: seller.token)
            let service = try await h.createListing("SERVICE", ["imageKeys": [.string(image)]], token: seller.token)
            XCTAssertEqual(service.errorCodes("data.createListing.errors"), [])
            XCTAssertEqual(service.string("data.createListing.listing.status"), "DRAFT")
            XCTAssertEqual(service.string("data.createListing.listing.kind"), "SERVICE")
            XCTAssertEqual(service.string("data.createListing.listing.slug"), "guitar-lessons-for-beginners")
            XCTAssertEqual(service["data.createListing.listing.tags"] as? [String], ["guitar", "beginner"])
            XCTAssertEqual(service["data.createListing.listing.price.cents"] as? Int, 4500)
            XCTAssertEqual(service.string("data.createListing.listing.price.currency"), "USD")
            XCTAssertEqual(service.string("data.createListing.listing.priceType"), "FIXED")
            XCTAssertEqual(service.string("data.createListing.listing.provider.businessName"), "Ada's Music")
            XCTAssertNil(service["data.createListing.listing.publishedAt"])
            XCTAssertNil(service["data.createListing.listing.quantity"])
            XCTAssertEqual(service.string("data.createListing.listing.images.0.key"), image)
            let imageURL = try XCTUnwrap(service.string("data.createListing.listing.images.0.url"))
            XCTAssertEqual(service.string("data.createListing.listing.coverImageUrl"), imageURL)
            // The presigned GET really serves the uploaded picture.
            let (body, answer) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: imageURL)))
            XCTAssertEqual((answer as? HTTPURLResponse)?.statusCode, 200)
            XCTAssertEqual(body, onePixelPNG)
            XCTAssertNil(service["data.createListing.listing.downloadUrl"], "only DIGITAL listings have one")

            let ticket = try await h.createListing("TICKET", title: "Jazz night", token: seller.token)
            XCTAssertEqual(ticket.errorCodes("data.createListing.errors"), [])
            XCTAssertEqual(ticket["data.createListing.listing.quantity"] as? Int, 100)
            XCTAssertEqual(ticket["data.createListing.listing.quantityAvailable"] as? Int, 100)
            XCTAssertEqual(ticket.string("data.createListing.listing.venue"), "The Mohawk")
            XCTAssertNotNil(ticket["data.createListing.listing.eventStartsAt"])

            let file = try await h.upload(minimalPDF, purpose: "LISTING_FILE", contentType: "application/pdf", token: seller.token)
            let digital = try await h.createListing(
                "DIGITAL", title: "Chord chart e-book", ["fileKey": .string(file), "priceType": "CUSTOM", "currency": "eur"],
                token: seller.token)
            XCTAssertEqual(digital.errorCodes("data.createListing.errors"), [])
            XCTAssertEqual(digital.string("data.createListing.listing.price.currency"), "EUR")
            XCTAssertEqual(digital.string("data.createListing.listing.priceType"), "CUSTOM")
            let download = try XCTUnwrap(digital.string("data.createListing.listing.downloadUrl"))
            XCTAssertTrue(download.contains("response-content-disposition=attachment"), download)
            let (pdf, pdfAnswer) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: download)))
            XCTAssertEqual((pdfAnswer as? HTTPURLResponse)?.statusCode, 200)
            XCTAssertEqual(pdf, minimalPDF)
            XCTAssertEqual(
                (pdfAnswer as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Disposition"),
                "attachment; filename=\"chord-chart-e-book.pdf\"")

            let stored = try await h.sql("""
                SELECT file_content_type, file_size_bytes FROM marketplace.listings WHERE kind = 'digital'
                """)
            let (type, size) = try XCTUnwrap(stored.first).decode((String?, Int64?).self)
            XCTAssertEqual(type, "application/pdf")
            XCTAssertEqual(size, Int64(minimalPDF.count))
            let counts = try await h.providerCounts("Ada's Music")
            XCTAssertEqual(counts.stored, [3, 0])
            XCTAssertEqual(counts.stored, counts.actual)
            let events = try await h.sql("SELECT count(*)::int FROM marketplace.events WHERE type = 'LISTING_CREATED'")
            XCTAssertEqual(try events[0].decode(Int.self), 3)
        }
    }

    func testSlugsAreUniqueAndNeverChange() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            var slugs: [String] = []
            for _ in 0..<3 {
                let response = try await h.createListing("SERVICE", title: "Café Tour: São Paulo!", token: seller.token)
                slugs.append(try XCTUnwrap(response.string("data.createListing.listing.slug")))
            }
            XCTAssertEqual(slugs, ["cafe-tour-sao-paulo", "cafe-tour-sao-paulo-2", "cafe-tour-sao-paulo-3"])
            let first = try await h.run("{ listing(slug: \"cafe-tour-sao-paulo\") { id } }", token: seller.token)
            let id = try XCTUnwrap(first.string("data.listing.id"))
            let renamed = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(id), "input": ["title": "Something else entirely"],
            ], token: seller.token)
            XCTAssertEqual(renamed.string("data.updateListing.listing.title"), "Something else entirely")
            XCTAssertEqual(renamed.string("data.updateListing.listing.slug"), "cafe-tour-sao-paulo")
        }
    }

    /// Every rule of the input, one at a time: a payload error naming the field, and nothing written.
    func testBadInputIsReportedPerFieldAndWritesNothing() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let past = InputValue.string(Scalars.formatDateTime(Date().addingTimeInterval(-3600)))
            let future = InputValue.string(Scalars.formatDateTime(Date().addingTimeInterval(3600)))
            let cases: [(String, [String: InputValue], [String])] = [
                ("SERVICE", ["title": "ab"], ["input", "title"]),
                ("SERVICE", ["title": "two\nlines"], ["input", "title"]),
                ("SERVICE", ["title": .string(String(repeating: "x", count: 141))], ["input", "title"]),
                ("SERVICE", ["description": .string(String(repeating: "x", count: 10_001))], ["input", "description"]),
                ("SERVICE", ["category": "  "], ["input", "category"]),
                ("SERVICE", ["tags": .list((0..<21).map { .string("tag\($0)") })], ["input", "tags"]),
                ("SERVICE", ["tags": ["ok", " "]], ["input", "tags", "1"]),
                ("SERVICE", ["priceCents": -1], ["input", "priceCents"]),
                ("SERVICE", ["priceCents": 100_000_000], ["input", "priceCents"]),
                ("SERVICE", ["currency": "XYZ"], ["input", "currency"]),
                ("SERVICE", ["quantity": 0], ["input", "quantity"]),
                ("SERVICE", ["imageKeys": .list((0..<11).map { .string("k\($0)") })], ["input", "imageKeys"]),
                ("SERVICE", ["city": .string(String(repeating: "x", count: 101))], ["input", "city"]),
                ("SERVICE", ["eventStartsAt": future], ["input", "eventStartsAt"]),
                ("SERVICE", ["venue": "A hall"], ["input", "venue"]),
                ("SERVICE", ["fileKey": "listing-files/x/y"], ["input", "fileKey"]),
                ("TICKET", ["quantity": .null], ["input", "quantity"]),
                ("TICKET", ["quantity": 100_001], ["input", "quantity"]),
                ("TICKET", ["eventStartsAt": .null], ["input", "eventStartsAt"]),
                ("TICKET", ["eventStartsAt": past], ["input", "eventStartsAt"]),
                ("DIGITAL", [:], ["input", "fileKey"]),
            ]
            for (kind, changes, field) in cases {
                let response = try await h.createListing(kind, changes, token: seller.token)
                XCTAssertEqual(response.topLevelCodes, [], "\(changes)")
                XCTAssertEqual(response.errorCodes("data.createListing.errors"), ["INVALID_INPUT"], "\(kind) \(changes)")
                XCTAssertEqual(response["data.createListing.errors.0.field"] as? [String], field, "\(kind) \(changes)")
                XCTAssertNotNil(response.string("data.createListing.errors.0.message"))
                XCTAssertNil(response["data.createListing.listing"])
            }
            let rows = try await h.sql("SELECT count(*)::int FROM marketplace.listings")
            XCTAssertEqual(try rows[0].decode(Int.self), 0)
            let counts = try await h.providerCounts("Ada's Music")
            XCTAssertEqual(counts.stored, [0, 0])
        }
    }

    /// A listing takes only files its owner uploaded, for the right purpose, really there.
    func testFilesMustBeTheOwnersUploadsForTheirPurpose() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let other = try await h.account("other@example.com", provider: "Other Shop")
            let owner = try h.userID(seller).uuidString.lowercased()
            let othersImage = try await h.upload(onePixelPNG, purpose: "LISTING_IMAGE", contentType: "image/png", token: other.token)
            let ownImage = try await h.upload(onePixelPNG, purpose: "LISTING_IMAGE", contentType: "image/png", token: seller.token)
            let avatar = try await h.upload(onePixelPNG, purpose: "AVATAR", contentType: "image/png", token: seller.token)
            let cases: [(String, [String: InputValue], [String], String)] = [
                ("SERVICE", ["imageKeys": [.string(othersImage)]], ["input", "imageKeys", "0"], "not uploaded by you"),
                ("SERVICE", ["imageKeys": [.string(ownImage), .string(avatar)]], ["input", "imageKeys", "1"], "not uploaded by you"),
                ("SERVICE", ["imageKeys": [.string("listing-images/\(owner)/never-uploaded")]], ["input", "imageKeys", "0"],
                 "not been uploaded"),
                ("SERVICE", ["imageKeys": [.string("listing-images/\(owner)/../x")]], ["input", "imageKeys", "0"],
                 "not uploaded by you"),
                ("DIGITAL", ["fileKey": .string(ownImage)], ["input", "fileKey"], "not uploaded by you"),
            ]
            for (kind, changes, field, message) in cases {
                let response = try await h.createListing(kind, changes, token: seller.token)
                XCTAssertEqual(response.errorCodes("data.createListing.errors"), ["INVALID_FILE"], "\(changes)")
                XCTAssertEqual(response["data.createListing.errors.0.field"] as? [String], field, "\(changes)")
                XCTAssertTrue(
                    response.string("data.createListing.errors.0.message")?.contains(message) == true,
                    "\(response.string("data.createListing.errors.0.message") ?? "")")
            }
            // A file stored with a type its purpose refuses (moto does not enforce policies).
            let config = try await S3TestEnvironment.motoConfiguration()
            let sneaky = "listing-files/\(owner)/sneaky"
            let put = try S3TestEnvironment.runPython("""
                import boto3, json, sys
                args = json.load(sys.stdin)
                s3 = boto3.client("s3", endpoint_url=args["endpoint"], region_name=args["region"],
                                  aws_access_key_id=args["key"], aws_secret_access_key=args["secret"])
                s3.put_object(Bucket=args["bucket"], Key=args["object"], Body=b"<svg/>", ContentType="image/svg+xml")
                print(json.dumps({"ok": True}))
                """, input: [
                    "endpoint": config.endpoint?.absoluteString ?? "", "region": config.region, "key": config.accessKeyID,
                    "secret": config.secretAccessKey, "bucket": config.bucket, "object": sneaky,
                ])
            XCTAssertEqual(put["ok"] as? Bool, true)
            let refused = try await h.createListing("DIGITAL", ["fileKey": .string(sneaky)], token: seller.token)
            XCTAssertEqual(refused.errorCodes("data.createListing.errors"), ["INVALID_FILE"])
            XCTAssertTrue(refused.string("data.createListing.errors.0.message")?.contains("image/svg+xml") == true)
            let rows = try await h.sql("SELECT count(*)::int FROM marketplace.listings")
            XCTAssertEqual(try rows[0].decode(Int.self), 0)
        }
    }

    func testOnlyProvidersCreateListings() async throws {
        try await GraphQLHarness.with { h in
            let anonymous = try await h.createListing("SERVICE", token: nil)
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let buyer = try await h.account("buyer@example.com")
            let response = try await h.createListing("SERVICE", token: buyer.token)
            XCTAssertEqual(response.errorCodes("data.createListing.errors"), ["NOT_A_PROVIDER"])
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            try await h.sql("UPDATE marketplace.providers SET status = 'suspended'")
            let suspended = try await h.createListing("SERVICE", token: seller.token)
            XCTAssertEqual(suspended.topLevelCodes, ["FORBIDDEN"])
            XCTAssertNil(suspended["data.createListing"])
        }
    }

    func testUpdateChangesOnlyTheFieldsGiven() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let first = try await h.upload(onePixelPNG, purpose: "LISTING_IMAGE", contentType: "image/png", token: seller.token)
            let second = try await h.upload(onePixelPNG, purpose: "LISTING_IMAGE", contentType: "image/png", token: seller.token)
            let created = try await h.createListing("SERVICE", ["imageKeys": [.string(first)]], token: seller.token)
            let id = try XCTUnwrap(created.string("data.createListing.listing.id"))
            let updated = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(id),
                "input": ["priceCents": 5000, "city": "", "tags": ["Jazz"], "imageKeys": [.string(second), .string(first)]],
            ], token: seller.token)
            XCTAssertEqual(updated.errorCodes("data.updateListing.errors"), [])
            XCTAssertEqual(updated["data.updateListing.listing.price.cents"] as? Int, 5000)
            XCTAssertNil(updated["data.updateListing.listing.city"])
            XCTAssertEqual(updated.string("data.updateListing.listing.state"), "TX")
            XCTAssertEqual(updated.string("data.updateListing.listing.title"), "Guitar lessons for beginners")
            XCTAssertEqual(updated["data.updateListing.listing.tags"] as? [String], ["jazz"])
            XCTAssertEqual(
                (updated["data.updateListing.listing.images"] as? [[String: Any]])?.compactMap { $0["key"] as? String },
                [second, first])

            let bad = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(id), "input": ["title": "x", "eventStartsAt": .string(Scalars.formatDateTime(Date()))],
            ], token: seller.token)
            XCTAssertEqual(bad.errorCodes("data.updateListing.errors"), ["INVALID_INPUT", "INVALID_INPUT"])
            XCTAssertEqual(
                (bad["data.updateListing.errors"] as? [[String: Any]])?.compactMap { $0["field"] as? [String] },
                [["input", "title"], ["input", "eventStartsAt"]])
            let unchanged = try await h.run("{ listing(id: \"\(id)\") { title price { cents } } }", token: seller.token)
            XCTAssertEqual(unchanged["data.listing.price.cents"] as? Int, 5000)
            XCTAssertEqual(unchanged.string("data.listing.title"), "Guitar lessons for beginners")

            let malformed = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": "not-an-id", "input": ["title": "Fine title"],
            ], token: seller.token)
            XCTAssertEqual(malformed.topLevelCodes, ["BAD_USER_INPUT"])
            let missing = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(GlobalID("Listing", UUID()).description), "input": ["title": "Fine title"],
            ], token: seller.token)
            XCTAssertEqual(missing.topLevelCodes, ["NOT_FOUND"])
        }
    }
}
