import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// The number of SQL statements a browse runs depends on the query's shape, never on how
/// many listings it returns: every relationship goes through a DataLoader, one statement
/// per level.
final class BrowseStatementCountTests: XCTestCase {
    static let browse = """
        query($first: Int) {
          listings(first: $first) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges {
              cursor
              node {
                id title price { cents currency } images { url } coverImageUrl isSaved savedCount
                provider {
                  id businessName
                  user { id firstName }
                  listings(first: 3) { totalCount nodes { id slug } }
                }
              }
            }
          }
        }
        """

    /// 40 providers with 3 published listings each (120), 2 images each; the viewer saved a third.
    func insertCatalogue(_ h: GraphQLHarness, viewer: UUID) async throws {
        try await h.sql("""
            INSERT INTO marketplace.users (id, email, password_hash, first_name, last_name, role)
            SELECT gen_random_uuid(), 'seller' || n || '@example.com', 'x', 'Seller', 'No. ' || n, 'provider'
            FROM generate_series(1, 40) AS n
            """)
        try await h.sql("""
            INSERT INTO marketplace.providers (user_id, business_name, slug, listing_count, active_listing_count)
            SELECT u.id, 'Shop ' || u.last_name, 'shop-' || substr(u.email, 7, position('@' IN u.email) - 7), 3, 3
            FROM marketplace.users u WHERE u.email LIKE 'seller%'
            """)
        try await h.sql("""
            INSERT INTO marketplace.listings (provider_id, slug, kind, title, category, price_cents, image_keys,
                                              status, published_at)
            SELECT p.id, p.slug || '-' || n, 'service', 'Lesson ' || n || ' of ' || p.business_name, 'Music',
                   1000 * n, ARRAY['listing-images/x/' || p.slug || n || 'a', 'listing-images/x/' || p.slug || n || 'b'],
                   'active', now() - make_interval(mins => n * 40 + (row_number() OVER ())::int)
            FROM marketplace.providers p CROSS JOIN generate_series(1, 3) AS n
            """)
        try await h.sql("""
            WITH saved AS (
                INSERT INTO marketplace.saved_listings (user_id, listing_id)
                SELECT \(viewer), id FROM marketplace.listings WHERE price_cents = 2000
                RETURNING listing_id
            )
            UPDATE marketplace.listings SET saved_count = 1 WHERE id IN (SELECT listing_id FROM saved)
            """)
    }

    func testBrowsingRunsTheSameStatementsFor20And100Listings() async throws {
        try await GraphQLHarness.with { h in
            let viewer = try await h.account("viewer@example.com")
            try await insertCatalogue(h, viewer: try h.userID(viewer))

            var counts: [Int: Int] = [:]
            for first in [20, 100, 1] {
                let response = try await h.run(Self.browse, ["first": .int(first)], token: viewer.token)
                XCTAssertEqual(response.topLevelCodes, [], "\(response.json)")
                let edges = try XCTUnwrap(response["data.listings.edges"] as? [[String: Any]])
                XCTAssertEqual(edges.count, first)
                XCTAssertEqual(response["data.listings.totalCount"] as? Int, 120)
                // What each level returned is right, not only how it was fetched.
                for edge in edges {
                    let node = try XCTUnwrap(edge["node"] as? [String: Any])
                    let provider = try XCTUnwrap(node["provider"] as? [String: Any])
                    XCTAssertEqual((provider["user"] as? [String: Any])?["firstName"] as? String, "Seller")
                    let listings = try XCTUnwrap(provider["listings"] as? [String: Any])
                    XCTAssertEqual(listings["totalCount"] as? Int, 3)
                    XCTAssertEqual((listings["nodes"] as? [Any])?.count, 3)
                    XCTAssertEqual((node["images"] as? [Any])?.count, 2)
                    let cents = (node["price"] as? [String: Any])?["cents"] as? Int
                    XCTAssertEqual(node["isSaved"] as? Bool, cents == 2000)
                    XCTAssertEqual(node["savedCount"] as? Int, cents == 2000 ? 1 : 0)
                }
                counts[first] = response.statements
            }
            // The viewer's session (1), the page (1), its count (1), then one per level: saved
            // flags, providers, their users, their first pages, their counts.
            XCTAssertEqual(counts[20], 8)
            XCTAssertEqual(counts[100], counts[20])
            XCTAssertEqual(counts[1], counts[20])
        }
    }

    /// Anonymous viewers have no saved flags to load, and no session to check.
    func testAnonymousBrowseSkipsTheViewersStatements() async throws {
        try await GraphQLHarness.with { h in
            let viewer = try await h.account("viewer@example.com")
            try await insertCatalogue(h, viewer: try h.userID(viewer))
            let small = try await h.run(Self.browse, ["first": 20])
            let large = try await h.run(Self.browse, ["first": 100])
            XCTAssertEqual(small.topLevelCodes, [])
            XCTAssertEqual((large["data.listings.edges"] as? [Any])?.count, 100)
            XCTAssertEqual(
                (large["data.listings.edges"] as? [[String: Any]])?.filter {
                    ($0["node"] as? [String: Any])?["isSaved"] as? Bool == true
                }.count, 0)
            XCTAssertEqual(small.statements, 6)
            XCTAssertEqual(large.statements, 6)
        }
    }

    /// Following listing → provider → listings → provider again: each level one statement
    /// per loader, and loaders cache what an earlier level loaded.
    func testDeeperQueriesAddAStatementPerLevelNotPerItem() async throws {
        try await GraphQLHarness.with { h in
            let viewer = try await h.account("viewer@example.com")
            try await insertCatalogue(h, viewer: try h.userID(viewer))
            let deep = """
                query($first: Int) {
                  listings(first: $first) { nodes { provider { listings(first: 2) { nodes { provider { user { id } } } } } } }
                }
                """
            let small = try await h.run(deep, ["first": 10])
            let large = try await h.run(deep, ["first": 90])
            XCTAssertEqual(small.topLevelCodes, [])
            XCTAssertEqual(large.topLevelCodes, [])
            // Page, providers, their first pages, users (the inner providers come from the cache).
            XCTAssertEqual(small.statements, 4)
            XCTAssertEqual(large.statements, small.statements)
        }
    }
}
