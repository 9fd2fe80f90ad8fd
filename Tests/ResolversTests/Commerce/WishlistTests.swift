import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// `saveListing`, `unsaveListing`, `savedListings`, `isSaved` and `savedCount`.
final class WishlistTests: XCTestCase {
    static let save = """
        mutation($id: ID!) { saveListing(listingId: $id) { listing { id isSaved savedCount } errors { field code message } } }
        """
    static let unsave = """
        mutation($id: ID!) { unsaveListing(listingId: $id) { listing { id isSaved savedCount } errors { code } } }
        """
    static let saved = """
        query($first: Int, $after: String) {
          savedListings(first: $first, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } nodes { id title isSaved }
          }
        }
        """

    func testSavingIsIdempotentAndCounted() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let id = try await h.publishedListing(token: seller.token)
            let ann = try await h.account("ann@example.com")
            let bob = try await h.account("bob@example.com")
            for _ in 0..<2 {
                let response = try await h.run(Self.save, ["id": .string(id)], token: ann.token)
                XCTAssertEqual(response.errorCodes("data.saveListing.errors"), [])
                XCTAssertEqual(response["data.saveListing.listing.isSaved"] as? Bool, true)
                XCTAssertEqual(response["data.saveListing.listing.savedCount"] as? Int, 1)
            }
            let byBob = try await h.run(Self.save, ["id": .string(id)], token: bob.token)
            XCTAssertEqual(byBob["data.saveListing.listing.savedCount"] as? Int, 2)
            let seen = try await h.run("query($id: ID!) { listing(id: $id) { isSaved savedCount } }", ["id": .string(id)])
            XCTAssertEqual(seen["data.listing.isSaved"] as? Bool, false, "anonymous viewers have saved nothing")
            XCTAssertEqual(seen["data.listing.savedCount"] as? Int, 2)
            for _ in 0..<2 {
                let response = try await h.run(Self.unsave, ["id": .string(id)], token: ann.token)
                XCTAssertEqual(response["data.unsaveListing.listing.isSaved"] as? Bool, false)
                XCTAssertEqual(response["data.unsaveListing.listing.savedCount"] as? Int, 1)
            }
            let rows = try await h.sql("""
                SELECT l.saved_count, (SELECT count(*)::int FROM marketplace.saved_listings s WHERE s.listing_id = l.id)
                FROM marketplace.listings l
                """)
            let (stored, actual) = try rows[0].decode((Int, Int).self)
            XCTAssertEqual(stored, actual)
        }
    }

    func testConcurrentSavesKeepTheCountExact() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let id = try await h.publishedListing(token: seller.token)
            var tokens: [String] = []
            for n in 0..<12 { tokens.append(try await h.account("buyer\(n)@example.com").token) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for token in tokens {
                    group.addTask {
                        _ = try await h.run(Self.save, ["id": .string(id)], token: token)
                        _ = try await h.run(Self.save, ["id": .string(id)], token: token)
                    }
                }
                try await group.waitForAll()
            }
            let seen = try await h.run("query($id: ID!) { listing(id: $id) { savedCount } }", ["id": .string(id)])
            XCTAssertEqual(seen["data.listing.savedCount"] as? Int, 12)
        }
    }

    func testSavedListingsPageNewestFirstAndHideDeletedAndDrafts() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let ann = try await h.account("ann@example.com")
            var ids: [String] = []
            for n in 0..<5 {
                let id = try await h.publishedListing(title: "Lesson number \(n)", token: seller.token)
                ids.append(id)
                _ = try await h.run(Self.save, ["id": .string(id)], token: ann.token)
            }
            // Saved in order 0...4: the newest first is 4.
            var seen: [String] = []
            var after: InputValue = .null
            repeat {
                let page = try await h.run(Self.saved, ["first": 2, "after": after], token: ann.token)
                XCTAssertEqual(page.topLevelCodes, [])
                XCTAssertEqual(page["data.savedListings.totalCount"] as? Int, 5)
                let nodes = try XCTUnwrap(page["data.savedListings.nodes"] as? [[String: Any]])
                XCTAssertTrue(nodes.allSatisfy { $0["isSaved"] as? Bool == true })
                seen += nodes.compactMap { $0["id"] as? String }
                after = (page["data.savedListings.pageInfo.hasNextPage"] as? Bool == true)
                    ? .string(page.string("data.savedListings.pageInfo.endCursor") ?? "") : .null
            } while after != .null
            XCTAssertEqual(seen, ids.reversed())

            _ = try await h.deleteListing(ids[4], token: seller.token)
            let afterDelete = try await h.run(Self.saved, ["first": 10], token: ann.token)
            XCTAssertEqual(afterDelete["data.savedListings.totalCount"] as? Int, 4)
            XCTAssertEqual((afterDelete["data.savedListings.nodes"] as? [Any])?.count, 4)
            // A deleted listing can still be unsaved; it is null in the payload.
            let unsaved = try await h.run(Self.unsave, ["id": .string(ids[4])], token: ann.token)
            XCTAssertEqual(unsaved.errorCodes("data.unsaveListing.errors"), [])
            XCTAssertNil(unsaved["data.unsaveListing.listing"])

            let garbage = try await h.run(Self.saved, ["first": 2, "after": "nope"], token: ann.token)
            XCTAssertEqual(garbage.topLevelCodes, ["BAD_USER_INPUT"])
            let tooMany = try await h.run(Self.saved, ["first": 101], token: ann.token)
            XCTAssertEqual(tooMany.topLevelCodes, ["BAD_USER_INPUT"])
        }
    }

    func testWhoMaySaveAndSeeSavedListings() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let created = try await h.createListing("SERVICE", token: seller.token)
            let draft = try XCTUnwrap(created.string("data.createListing.listing.id"))
            let ann = try await h.account("ann@example.com")
            let admin = try await h.account("admin@example.com", admin: true)

            let anonymous = try await h.run(Self.save, ["id": .string(draft)])
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let hidden = try await h.run(Self.save, ["id": .string(draft)], token: ann.token)
            XCTAssertEqual(hidden.topLevelCodes, ["NOT_FOUND"])
            let own = try await h.run(Self.save, ["id": .string(draft)], token: seller.token)
            XCTAssertEqual(own.errorCodes("data.saveListing.errors"), ["LISTING_UNAVAILABLE"])
            let bad = try await h.run(Self.save, ["id": "nope"], token: ann.token)
            XCTAssertEqual(bad.topLevelCodes, ["BAD_USER_INPUT"])
            let noViewer = try await h.run(Self.saved, ["first": 1])
            XCTAssertEqual(noViewer.topLevelCodes, ["UNAUTHENTICATED"])

            let ofAnn = "query($id: ID!) { node(id: $id) { ... on User { savedListings { totalCount } } } }"
            let byOther = try await h.run(ofAnn, ["id": .string(ann.id)], token: seller.token)
            XCTAssertEqual(byOther.topLevelCodes, ["FORBIDDEN"])
            let byAdmin = try await h.run(ofAnn, ["id": .string(ann.id)], token: admin.token)
            XCTAssertEqual(byAdmin["data.node.savedListings.totalCount"] as? Int, 0)
            let bySelf = try await h.run(ofAnn, ["id": .string(ann.id)], token: ann.token)
            XCTAssertEqual(bySelf["data.node.savedListings.totalCount"] as? Int, 0)
        }
    }
}
