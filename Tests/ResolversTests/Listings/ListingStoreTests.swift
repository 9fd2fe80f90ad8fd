import Foundation
import PostgresNIO
import XCTest
@testable import Resolvers

/// The batch reads DataLoaders use (one statement per batch) and slug generation.
final class ListingStoreTests: XCTestCase {
    func testByIDsReturnsEveryFoundRowInOneStatement() async throws {
        try await ListingFixtures.with { database, fixtures in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            let deleted = try XCTUnwrap(fixtures.listings.first { $0.deletedAt != nil })
            let draft = try XCTUnwrap(fixtures.listings.first { $0.status == .draft })
            // Not the deleted or draft rows: they are added below (and a dictionary literal
            // of slugs must not repeat a key). `listings` comes in hash order.
            let some = Array(fixtures.listings.filter { $0.id != deleted.id && $0.id != draft.id }.prefix(40))
            let missing = UUID()
            let ids = some.map(\.id) + [deleted.id, draft.id, missing, some[0].id]
            let found = try await ListingStore.byIDs(sql, ids: ids)
            let statements = sql.counter.value
            XCTAssertEqual(statements, 1)
            XCTAssertNil(found[missing])
            XCTAssertEqual(found[deleted.id], deleted, "deleted rows too: orders still show them")
            XCTAssertEqual(found[draft.id], draft)
            for row in some { XCTAssertEqual(found[row.id], row) }
            XCTAssertEqual(Set(found.keys), Set(ids).subtracting([missing]))

            let empty = try await ListingStore.byIDs(sql, ids: [])
            XCTAssertEqual(empty, [:])
            let stillOne = sql.counter.value
            XCTAssertEqual(stillOne, 1, "an empty batch asks nothing")

            // By slug, as an admin sees them: every listing but the deleted ones.
            let bySlug = try await ListingStore.visible(
                sql, slugs: [some[1].slug, "no-such-slug", deleted.slug], reader: .init(viewerID: nil, isAdmin: true))
            XCTAssertEqual(bySlug, [some[1].slug: some[1]])
        }
    }

    func testRowsDecodeEveryColumn() async throws {
        try await ListingFixtures.with { database, fixtures in
            let ticket = try XCTUnwrap(fixtures.listings.first { $0.kind == .ticket && $0.reviewCount == 2 })
            XCTAssertEqual(ticket.quantity, 50)
            XCTAssertNil(ticket.fileKey)
            XCTAssertEqual(ticket.averageRating, Decimal(ticket.ratingSum) / 2, "two reviews: an exact half")
            XCTAssertEqual(ticket.currency, "USD")
            XCTAssertEqual(ticket.priceType, "fixed")
            XCTAssertEqual(ticket.country, "US")
            let digital = try XCTUnwrap(fixtures.listings.first { $0.kind == .digital })
            XCTAssertEqual(digital.fileKey, "files/\(ListingFixtures.number(digital)).zip")
            XCTAssertNil(digital.quantity)
            let unrated = try XCTUnwrap(fixtures.listings.first { $0.reviewCount == 0 })
            XCTAssertEqual(unrated.averageRating, 0)
            let inAustin = try XCTUnwrap(fixtures.listings.first { $0.city == "Austin" })
            XCTAssertNotNil(inAustin.state, "citext columns decode as text")
            XCTAssertTrue(fixtures.listings.contains { $0.category == "Music" }, "citext keeps its spelling")
            XCTAssertTrue(fixtures.listings.contains { $0.status == .soldOut })
        }
    }

    func testFirstPagesOfManyProvidersInOneStatementContinueThroughSearch() async throws {
        try await ListingFixtures.with { database, fixtures in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            let ids = fixtures.providers.map(\.id) + [UUID()]
            let pages = try await ListingStore.firstPages(sql, providerIDs: ids, first: 5)
            let statements = sql.counter.value
            XCTAssertEqual(statements, 1)
            XCTAssertEqual(Set(pages.keys), Set(ids))
            for provider in fixtures.providers {
                let filter = ListingFilter(providerID: provider.id)
                let expected = fixtures.expected(filter, .newest)
                let page = try XCTUnwrap(pages[provider.id])
                XCTAssertEqual(page.rows.map(\.id), Array(expected.prefix(5)))
                XCTAssertEqual(page.hasNextPage, expected.count > 5)
                XCTAssertEqual(page.rows.isEmpty, !provider.visible, "hidden providers show nothing")
                // The same cursors as search, so `after:` continues there.
                let direct = try await ListingStore.search(sql, filter: filter, sort: .newest, first: 5)
                XCTAssertEqual(page, direct)
                if let after = page.endCursor {
                    let next = try await ListingStore.search(sql, filter: filter, sort: .newest, first: 100, after: after)
                    XCTAssertEqual(page.rows.map(\.id) + next.rows.map(\.id), expected)
                }
            }
            XCTAssertEqual(pages[ids[ids.count - 1]]?.rows, [])
        }
    }

    func testSavedListingIDsAnswersForAWholePage() async throws {
        try await ListingFixtures.with { database, fixtures in
            let userID = UUID()
            try await ListingFixtures.insertUser(database.client, id: userID, email: "buyer@example.com")
            let saved = fixtures.listings.prefix(3).map(\.id)
            for id in saved {
                try await database.client.query(
                    "INSERT INTO marketplace.saved_listings (user_id, listing_id) VALUES (\(userID), \(id))",
                    logger: TestDatabase.logger)
            }
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            let page = fixtures.listings.prefix(10).map(\.id)
            let answer = try await ListingStore.savedListingIDs(sql, userID: userID, among: page)
            XCTAssertEqual(answer, Set(saved))
            let statements = sql.counter.value
            XCTAssertEqual(statements, 1)
            let nobody = try await ListingStore.savedListingIDs(sql, userID: UUID(), among: page)
            XCTAssertEqual(nobody, [])
        }
    }

    func testSlugBaseIsLowercaseASCIIWithSingleDashes() {
        XCTAssertEqual(ListingSlug.base(for: "Café Tour: São Paulo!"), "cafe-tour-sao-paulo")
        XCTAssertEqual(ListingSlug.base(for: "  Guitar   Lessons -- 101  "), "guitar-lessons-101")
        XCTAssertEqual(ListingSlug.base(for: "Æ Ø 東京 ß"), "listing", "nothing ASCII left")
        XCTAssertEqual(ListingSlug.base(for: ""), "listing")
        XCTAssertEqual(ListingSlug.base(for: "'; DROP TABLE listings; --"), "drop-table-listings")
        let long = ListingSlug.base(for: String(repeating: "word ", count: 40))
        XCTAssertLessThanOrEqual(long.count, ListingSlug.maximumBaseLength)
        XCTAssertFalse(long.hasSuffix("-"))
        XCTAssertTrue(long.hasPrefix("word-word"))
        for slug in ["cafe-tour-sao-paulo", long] {
            XCTAssertNotNil(slug.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression))
        }
        XCTAssertEqual(ListingSlug.firstAvailable(base: "a", taken: []), "a")
        XCTAssertEqual(ListingSlug.firstAvailable(base: "a", taken: ["a", "a-2", "a-4"]), "a-3")
    }

    func testAvailableSlugSkipsTakenOnesIncludingDeleted() async throws {
        try await ListingFixtures.with { database, fixtures in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            // The fixtures hold listing-0 ... listing-299 (some deleted): "Listing" takes a suffix.
            let fresh = try await ListingStore.availableSlug(sql, for: "Brand new thing")
            XCTAssertEqual(fresh, "brand-new-thing")
            let taken = try await ListingStore.availableSlug(sql, for: "Listing")
            XCTAssertEqual(taken, "listing", "listing-N are suffixes of a base nobody has")
            let provider = fixtures.providers[0].id
            for expected in ["brand-new-thing", "brand-new-thing-2", "brand-new-thing-3"] {
                let slug = try await ListingStore.availableSlug(sql, for: "Brand New Thing")
                XCTAssertEqual(slug, expected)
                try await database.client.query("""
                    INSERT INTO marketplace.listings (provider_id, slug, kind, title, category, price_cents)
                    VALUES (\(provider), \(slug), 'service', 'Brand New Thing', 'misc', 100)
                    """, logger: TestDatabase.logger)
            }
            try await database.client.query(
                "UPDATE marketplace.listings SET deleted_at = now() WHERE slug = 'brand-new-thing-3'",
                logger: TestDatabase.logger)
            let afterDelete = try await ListingStore.availableSlug(sql, for: "brand new thing")
            XCTAssertEqual(afterDelete, "brand-new-thing-4", "a deleted listing's slug stays taken")
        }
    }
}
