import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// Length limits count what the database's CHECKs count (Unicode scalars): text made of
/// many-scalar characters (emoji with skin tones, families) is refused with INVALID_INPUT,
/// never a CHECK violation (an internal error).
final class TextLengthTests: XCTestCase {
    /// One character, two scalars; one character, five scalars.
    static let thumb = "👍🏽", family = "👨‍👩‍👧"

    func testLimitsCountScalarsAsTheDatabaseDoes() async throws {
        try await GraphQLHarness.with { h in
            let name = String(repeating: Self.thumb, count: 60)  // 60 characters, 120 scalars: over 100
            let registered = try await h.run(GraphQLHarness.registerDocument, ["input": [
                "email": "emoji@example.com", "password": "correct horse 1", "firstName": .string(name), "lastName": "L",
            ]])
            XCTAssertEqual(registered.topLevelCodes, [])
            XCTAssertEqual(registered.errorCodes("data.register.errors"), ["INVALID_INPUT"])

            let ada = try await h.account("ada@example.com")
            let business = try await h.run("""
                mutation($name: String!) { becomeProvider(input: { businessName: $name }) { provider { id } errors { field code } } }
                """, ["name": .string(String(repeating: Self.family, count: 50))], token: ada.token)
            XCTAssertEqual(business.topLevelCodes, [])
            XCTAssertEqual(business.errorCodes("data.becomeProvider.errors"), ["INVALID_INPUT"])

            let seller = try await h.account("seller@example.com", provider: "Seller")
            let listing = try await h.createListing("SERVICE", title: String(repeating: Self.family, count: 100), token: seller.token)
            XCTAssertEqual(listing.topLevelCodes, [])
            XCTAssertEqual(listing.errorCodes("data.createListing.errors"), ["INVALID_INPUT"])

            let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 0], token: seller.token)
            let item = try await h.completedItem(of: lesson, buyer: ada, provider: seller)
            let review = try await h.createReview(item: item, rating: 5, title: String(repeating: Self.thumb, count: 61), token: ada.token)
            XCTAssertEqual(review.topLevelCodes, [])
            XCTAssertEqual(review.errorCodes("data.createReview.errors"), ["INVALID_INPUT"])
            // At the limit, it is taken.
            let fits = try await h.createReview(item: item, rating: 5, title: String(repeating: Self.thumb, count: 60), token: ada.token)
            XCTAssertEqual(fits.errorCodes("data.createReview.errors"), [])
        }
    }
}
