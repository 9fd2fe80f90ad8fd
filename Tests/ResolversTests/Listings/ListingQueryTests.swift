import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// Reading single listings and a provider's listings through the schema: `listing(id|slug)`
/// and `node` visibility, `Provider.listings`, `Provider.dashboard`, `isSaved`/`savedCount`.
final class ListingQueryTests: XCTestCase {
    /// The same listing by id, by slug and through `node`, in one request.
    static let lookupDocument = """
        query($id: ID!, $slug: String!) {
          byID: listing(id: $id) { id slug status }
          bySlug: listing(slug: $slug) { id status }
          node(id: $id) { ... on Listing { slug } }
        }
        """

    func testListingByIDSlugAndNodeFollowsTheVisibilityRules() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let admin = try await h.account("admin@example.com", admin: true)
            let other = try await h.account("other@example.com")
            let created = try await h.createListing("SERVICE", title: "Draft lesson", token: seller.token)
            let draft = try XCTUnwrap(created.string("data.createListing.listing.id"))
            let active = try await h.publishedListing(title: "Active lesson", token: seller.token)
            let paused = try await h.publishedListing(title: "Paused lesson", token: seller.token)
            try await expectEqual(await h.statusChange("pauseListing", paused, token: seller.token)
                .string("data.pauseListing.listing.status"), "PAUSED")
            let archived = try await h.publishedListing(title: "Archived lesson", token: seller.token)
            try await expectEqual(await h.statusChange("archiveListing", archived, token: seller.token)
                .string("data.archiveListing.listing.status"), "ARCHIVED")
            let deleted = try await h.publishedListing(title: "Deleted lesson", token: seller.token)
            try await expectEqual(await h.deleteListing(deleted, token: seller.token)
                .errorCodes("data.deleteListing.errors"), [])

            let viewers: [(String, String?)] = [
                ("owner", seller.token), ("admin", admin.token), ("other", other.token), ("anonymous", nil),
            ]
            // The status each viewer sees (nil: the listing is null for them).
            let table: [(id: String, slug: String, seen: [String?])] = [
                (draft, "draft-lesson", ["DRAFT", "DRAFT", nil, nil]),
                (active, "active-lesson", ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE"]),
                (paused, "paused-lesson", ["PAUSED", "PAUSED", "PAUSED", "PAUSED"]),
                (archived, "archived-lesson", ["ARCHIVED", "ARCHIVED", "ARCHIVED", "ARCHIVED"]),
                (deleted, "deleted-lesson", [nil, nil, nil, nil]),
            ]
            for row in table {
                for ((viewer, token), status) in zip(viewers, row.seen) {
                    let label = "\(row.slug) for \(viewer)"
                    let response = try await h.run(Self.lookupDocument, ["id": .string(row.id), "slug": .string(row.slug)],
                                                   token: token)
                    XCTAssertEqual(response.topLevelCodes, [], label)
                    XCTAssertEqual(response.string("data.byID.status"), status, label)
                    XCTAssertEqual(response.string("data.bySlug.status"), status, label)
                    XCTAssertEqual(response.string("data.byID.id"), status == nil ? nil : row.id, label)
                    XCTAssertEqual(response.string("data.bySlug.id"), status == nil ? nil : row.id, label)
                    XCTAssertEqual(response.string("data.byID.slug"), status == nil ? nil : row.slug, label)
                    XCTAssertEqual(response.string("data.node.slug"), status == nil ? nil : row.slug, label)
                }
            }
        }
    }

    func testListingsOfASuspendedProviderAreHiddenFromOthers() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let admin = try await h.account("admin@example.com", admin: true)
            let other = try await h.account("other@example.com")
            let id = try await h.publishedListing(title: "Active lesson", token: seller.token)
            try await h.sql("UPDATE marketplace.providers SET status = 'suspended'")
            for token in [other.token, nil] {
                let response = try await h.run(Self.lookupDocument, ["id": .string(id), "slug": "active-lesson"], token: token)
                XCTAssertEqual(response.topLevelCodes, [])
                XCTAssertNil(response["data.byID"])
                XCTAssertNil(response["data.bySlug"])
                XCTAssertNil(response["data.node"])
            }
            // Reader: admins see every listing that is not deleted; the owner still sees theirs.
            for token in [admin.token, seller.token] {
                let response = try await h.run(Self.lookupDocument, ["id": .string(id), "slug": "active-lesson"], token: token)
                XCTAssertEqual(response.topLevelCodes, [])
                XCTAssertEqual(response.string("data.byID.status"), "ACTIVE")
                XCTAssertEqual(response.string("data.bySlug.id"), id)
                // ... with its seller, suspended or not.
                let seller = try await h.run(
                    "query($id: ID!) { listing(id: $id) { provider { businessName } } }", ["id": .string(id)], token: token)
                XCTAssertEqual(seller.topLevelCodes, [])
                XCTAssertEqual(seller.string("data.listing.provider.businessName"), "Ada's Music")
            }
            // Nor does it show in browse.
            let browse = try await h.run("{ listings { totalCount nodes { id } } }")
            XCTAssertEqual(browse["data.listings.totalCount"] as? Int, 0)
            XCTAssertEqual(browse.ids("data.listings.nodes"), [])
        }
    }

    func testListingArgumentsMustNameExactlyOneWellFormedListing() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let id = try await h.publishedListing(title: "Active lesson", token: seller.token)
            let providerID = try await h.providerID(seller)
            let cases: [(String, [String: InputValue])] = [
                ("{ listing { id } }", [:]),
                ("query($id: ID!) { listing(id: $id, slug: \"active-lesson\") { id } }", ["id": .string(id)]),
                ("query($id: ID!) { listing(id: $id) { id } }", ["id": "not-an-id"]),
                // Well-formed, but a provider's ID: not one handed out for a listing.
                ("query($id: ID!) { listing(id: $id) { id } }", ["id": .string(providerID)]),
                ("query($id: ID!) { node(id: $id) { id } }", ["id": "bm90LWEtdXVpZA=="]),
            ]
            for (document, variables) in cases {
                let response = try await h.run(document, variables)
                XCTAssertEqual(response.topLevelCodes, ["BAD_USER_INPUT"], "\(document) \(variables)")
            }
            // An unknown slug or a listing ID that names nothing is simply null.
            let missing = try await h.run("""
                query($id: ID!) { bySlug: listing(slug: "no-such-listing") { id } byID: listing(id: $id) { id } }
                """, ["id": .string(GlobalID("Listing", UUID()).description)])
            XCTAssertEqual(missing.topLevelCodes, [])
            XCTAssertNil(missing["data.bySlug"])
            XCTAssertNil(missing["data.byID"])
            // node resolves a listing's ID to the Listing, with its fields.
            let node = try await h.run("""
                query($id: ID!) { node(id: $id) { __typename id ... on Listing { slug title status } } }
                """, ["id": .string(id)])
            XCTAssertEqual(node.string("data.node.__typename"), "Listing")
            XCTAssertEqual(node.string("data.node.id"), id)
            XCTAssertEqual(node.string("data.node.slug"), "active-lesson")
            XCTAssertEqual(node.string("data.node.title"), "Active lesson")
            XCTAssertEqual(node.string("data.node.status"), "ACTIVE")
        }
    }

    // MARK: Provider.listings

    static let providerListingsDocument = """
        query($id: ID!, $first: Int, $after: String, $status: ListingStatus) {
          provider(id: $id) {
            listings(first: $first, after: $after, status: $status) {
              totalCount nodes { id status } pageInfo { hasNextPage hasPreviousPage endCursor }
            }
          }
        }
        """

    /// Every page of a provider's listings with `first`; the ids in order and each page's total.
    private func walkProviderListings(
        _ h: GraphQLHarness, _ providerID: String, first: Int, status: String? = nil, token: String?,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> (ids: [String], totals: Set<Int>) {
        var ids: [String] = [], totals: Set<Int> = [], after: String? = nil, pages = 0
        repeat {
            var variables: [String: InputValue] = ["id": .string(providerID), "first": .int(first)]
            if let after { variables["after"] = .string(after) }
            if let status { variables["status"] = .string(status) }
            let response = try await h.run(Self.providerListingsDocument, variables, token: token)
            XCTAssertEqual(response.topLevelCodes, [], file: file, line: line)
            let path = "data.provider.listings"
            XCTAssertEqual(response["\(path).pageInfo.hasPreviousPage"] as? Bool, after != nil, file: file, line: line)
            ids += response.ids("\(path).nodes")
            totals.insert(try XCTUnwrap(response["\(path).totalCount"] as? Int, file: file, line: line))
            after = (response["\(path).pageInfo.hasNextPage"] as? Bool) == true
                ? response.string("\(path).pageInfo.endCursor") : nil
            pages += 1
            if pages > 20 { XCTFail("paging does not end", file: file, line: line); break }
        } while after != nil
        return (ids, totals)
    }

    func testProviderListingsShowActiveToOthersAndEveryStatusToTheOwnerAndAdmins() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let admin = try await h.account("admin@example.com", admin: true)
            let other = try await h.account("other@example.com")
            let providerID = try await h.providerID(seller)
            // Created in this order, so "newest created first" is the reverse.
            let active1 = try await h.publishedListing(title: "First active", token: seller.token)
            let created = try await h.createListing("SERVICE", title: "A draft", token: seller.token)
            let draft = try XCTUnwrap(created.string("data.createListing.listing.id"))
            let paused = try await h.publishedListing(title: "Paused one", token: seller.token)
            _ = try await h.statusChange("pauseListing", paused, token: seller.token)
            let archived = try await h.publishedListing(title: "Archived one", token: seller.token)
            _ = try await h.statusChange("archiveListing", archived, token: seller.token)
            let deleted = try await h.publishedListing(title: "Deleted one", token: seller.token)
            _ = try await h.deleteListing(deleted, token: seller.token)
            let active2 = try await h.publishedListing(title: "Second active", token: seller.token)

            let everyStatus = [active2, archived, paused, draft, active1]
            for (name, token) in [("owner", seller.token), ("admin", admin.token)] {
                let all = try await h.run(Self.providerListingsDocument, ["id": .string(providerID)], token: token)
                XCTAssertEqual(all.ids("data.provider.listings.nodes"), everyStatus, name)
                XCTAssertEqual((all["data.provider.listings.nodes"] as? [[String: Any]])?.compactMap { $0["status"] as? String },
                               ["ACTIVE", "ARCHIVED", "PAUSED", "DRAFT", "ACTIVE"], name)
                XCTAssertEqual(all["data.provider.listings.totalCount"] as? Int, 5, name)
                let walked = try await walkProviderListings(h, providerID, first: 2, token: token)
                XCTAssertEqual(walked.ids, everyStatus, name)
                XCTAssertEqual(walked.totals, [5], name)
                let drafts = try await walkProviderListings(h, providerID, first: 2, status: "DRAFT", token: token)
                XCTAssertEqual(drafts.ids, [draft], name)
                XCTAssertEqual(drafts.totals, [1], name)
                let actives = try await walkProviderListings(h, providerID, first: 1, status: "ACTIVE", token: token)
                XCTAssertEqual(actives.ids, [active2, active1], name)
                XCTAssertEqual(actives.totals, [2], name)
            }
            let others: [(String, String?)] = [("other", other.token), ("anonymous", nil)]
            for (name, token) in others {
                let walked = try await walkProviderListings(h, providerID, first: 1, token: token)
                XCTAssertEqual(walked.ids, [active2, active1], name)
                XCTAssertEqual(walked.totals, [2], name)
                // `status` is the owner's tool: others always see ACTIVE.
                let asked = try await walkProviderListings(h, providerID, first: 20, status: "DRAFT", token: token)
                XCTAssertEqual(asked.ids, [active2, active1], name)
                XCTAssertEqual(asked.totals, [2], name)
            }
            for first in [0, 101, -1] {
                let response = try await h.run(Self.providerListingsDocument, ["id": .string(providerID), "first": .int(first)])
                XCTAssertEqual(response.topLevelCodes, ["BAD_USER_INPUT"], "first: \(first)")
            }
            let garbage = try await h.run(Self.providerListingsDocument, ["id": .string(providerID), "after": "garbage"],
                                          token: seller.token)
            XCTAssertEqual(garbage.topLevelCodes, ["BAD_USER_INPUT"])
        }
    }

    // MARK: Provider.dashboard

    func testDashboardCountsListingsForTheOwnerAndAdminsOnly() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let admin = try await h.account("admin@example.com", admin: true)
            let other = try await h.account("other@example.com")
            let providerID = try await h.providerID(seller)
            _ = try await h.publishedListing(title: "First active", token: seller.token)
            _ = try await h.publishedListing(title: "Second active", token: seller.token)
            _ = try await h.createListing("SERVICE", title: "A draft", token: seller.token)
            let paused = try await h.publishedListing(title: "Paused one", token: seller.token)
            _ = try await h.statusChange("pauseListing", paused, token: seller.token)
            let deleted = try await h.publishedListing(title: "Deleted one", token: seller.token)
            _ = try await h.deleteListing(deleted, token: seller.token)

            let document = """
                query($id: ID!) {
                  provider(id: $id) {
                    businessName
                    dashboard {
                      activeListings totalListings completedOrders
                      totalRevenue { cents currency } pendingPayout { cents currency }
                    }
                  }
                }
                """
            for (name, token) in [("owner", seller.token), ("admin", admin.token)] {
                let response = try await h.run(document, ["id": .string(providerID)], token: token)
                XCTAssertEqual(response.topLevelCodes, [], name)
                XCTAssertEqual(response["data.provider.dashboard.activeListings"] as? Int, 2, name)
                // Two active, a draft and a paused one: the deleted one is not counted.
                XCTAssertEqual(response["data.provider.dashboard.totalListings"] as? Int, 4, name)
                XCTAssertEqual(response["data.provider.dashboard.completedOrders"] as? Int, 0, name)
                XCTAssertEqual(response["data.provider.dashboard.totalRevenue.cents"] as? Int, 0, name)
                XCTAssertEqual(response.string("data.provider.dashboard.totalRevenue.currency"), "USD", name)
                XCTAssertEqual(response["data.provider.dashboard.pendingPayout.cents"] as? Int, 0, name)
                XCTAssertEqual(response.string("data.provider.dashboard.pendingPayout.currency"), "USD", name)
            }
            let refused: [(String, String?, String)] = [("anonymous", nil, "UNAUTHENTICATED"), ("other", other.token, "FORBIDDEN")]
            for (name, token, code) in refused {
                let response = try await h.run(document, ["id": .string(providerID)], token: token)
                XCTAssertEqual(response.topLevelCodes, [code], name)
                // Only the dashboard is null: the rest of the provider is still there.
                XCTAssertEqual(response.string("data.provider.businessName"), "Ada's Music", name)
                XCTAssertNotNil(response["data.provider"], name)
                XCTAssertNil(response["data.provider.dashboard"], name)
                let path = (response["errors.0.path"] as? [Any])?.map { "\($0)" }
                XCTAssertEqual(path, ["provider", "dashboard"], name)
            }
        }
    }

    // MARK: isSaved / savedCount

    func testIsSavedIsPerViewerAndSavedCountIsShared() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let first = try await h.publishedListing(title: "Saved twice", token: seller.token)
            let second = try await h.publishedListing(title: "Saved once", token: seller.token)
            let both = try await h.account("both@example.com")
            let one = try await h.account("one@example.com")
            let none = try await h.account("none@example.com")
            // `saveListing` is not in the schema yet: the bookmarks and counts it would write.
            for (account, listing) in [(both, first), (both, second), (one, first)] {
                let userID = try h.userID(account)
                let listingID = try GraphQLHarness.uuid(listing)
                try await h.sql("""
                    INSERT INTO marketplace.saved_listings (user_id, listing_id) VALUES (\(userID), \(listingID))
                    """)
                try await h.sql("UPDATE marketplace.listings SET saved_count = saved_count + 1 WHERE id = \(listingID)")
            }
            let document = """
                query($id: ID!) {
                  listing(id: $id) { id isSaved savedCount }
                  listings { nodes { id isSaved savedCount } }
                }
                """
            // Browse is newest first: `second` then `first`.
            let cases: [(String, String?, [Bool])] = [
                ("both", both.token, [true, true]), ("one", one.token, [false, true]),
                ("none", none.token, [false, false]), ("seller", seller.token, [false, false]), ("anonymous", nil, [false, false]),
            ]
            for (name, token, saved) in cases {
                let response = try await h.run(document, ["id": .string(first)], token: token)
                XCTAssertEqual(response.topLevelCodes, [], name)
                XCTAssertEqual(response.string("data.listing.id"), first, name)
                XCTAssertEqual(response["data.listing.isSaved"] as? Bool, saved[1], name)
                XCTAssertEqual(response["data.listing.savedCount"] as? Int, 2, name)
                let nodes = try XCTUnwrap(response["data.listings.nodes"] as? [[String: Any]], name)
                XCTAssertEqual(nodes.compactMap { $0["id"] as? String }, [second, first], name)
                XCTAssertEqual(nodes.compactMap { $0["isSaved"] as? Bool }, saved, name)
                XCTAssertEqual(nodes.compactMap { $0["savedCount"] as? Int }, [1, 2], name)
            }
        }
    }
}
