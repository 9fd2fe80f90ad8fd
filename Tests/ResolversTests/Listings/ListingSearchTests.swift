import Foundation
import PostgresNIO
import XCTest
@testable import Resolvers

/// The listing search store against a real PostgreSQL, each test in its own scratch
/// database with the same ~300 fixtures; answers are compared with the same filter and
/// sort computed in Swift.
final class ListingSearchTests: XCTestCase {
    /// Every page of a search, following endCursor; also the number of pages.
    private func walk(
        _ sql: SQLExecutor, _ filter: ListingFilter, _ sort: ListingSort, first: Int,
        visibility: ListingVisibility = .published
    ) async throws -> (ids: [UUID], pages: Int) {
        var ids: [UUID] = [], after: String? = nil, pages = 0
        repeat {
            let page = try await ListingStore.search(sql, filter: filter, sort: sort, first: first, after: after, visibility: visibility)
            pages += 1
            XCTAssertLessThanOrEqual(page.edges.count, first)
            if page.hasNextPage { XCTAssertEqual(page.edges.count, first, "only the last page may be short") }
            ids += page.rows.map(\.id)
            after = page.hasNextPage ? page.endCursor : nil
            if pages > 400 { XCTFail("paging does not end"); break }
        } while after != nil
        return (ids, pages)
    }

    func testEverySortOrdersLikeTheSwiftSort() async throws {
        try await ListingFixtures.with { database, fixtures in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            for sort in ListingSort.allCases {
                let expected = fixtures.expected(ListingFilter(), sort)
                XCTAssertGreaterThan(expected.count, 100, "the fixtures span several pages")
                let (ids, _) = try await walk(sql, ListingFilter(), sort, first: 100)
                XCTAssertEqual(ids, expected, "\(sort)")
            }
        }
    }

    func testWalkingAllPagesVisitsEachListingOnceInOrderWithOneStatementPerPage() async throws {
        try await ListingFixtures.with { database, fixtures in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            var before = 0
            let owner = fixtures.providers[0].id
            let cases: [(ListingFilter, ListingVisibility)] = [
                (ListingFilter(), .published),
                (ListingFilter(state: "tx"), .published),
                (ListingFilter(maxPriceCents: 2500, tags: ["online"]), .published),
                (ListingFilter(), .provider(owner)),
            ]
            for (filter, visibility) in cases {
                for sort in ListingSort.allCases {
                    before = sql.counter.value
                    let expected = fixtures.expected(filter, sort, visibility)
                    let (ids, pages) = try await walk(sql, filter, sort, first: 7, visibility: visibility)
                    let label = "\(sort) \(filter) \(visibility)"
                    XCTAssertEqual(ids, expected, label)
                    XCTAssertEqual(Set(ids).count, ids.count, "no listing twice: \(label)")
                    XCTAssertEqual(pages, max(1, (expected.count + 6) / 7), label)
                    let statements = sql.counter.value - before
                    XCTAssertEqual(statements, pages, "one statement per page: \(label)")
                }
            }
        }
    }

    func testEveryFilterAloneAndCombinedWithTotalCount() async throws {
        try await ListingFixtures.with { database, fixtures in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            var before = 0
            let provider = fixtures.providers[1].id
            let filters: [ListingFilter] = [
                ListingFilter(kind: .ticket),
                ListingFilter(category: "music"),  // stored "Music": case-insensitive
                ListingFilter(city: "AUSTIN"),
                ListingFilter(state: "or"),
                ListingFilter(providerID: provider),
                ListingFilter(providerID: fixtures.providers[2].id),  // suspended: nothing
                ListingFilter(minPriceCents: 2500),
                ListingFilter(maxPriceCents: 1000),
                ListingFilter(minPriceCents: 1000, maxPriceCents: 1000),
                ListingFilter(tags: ["Online"]),
                ListingFilter(tags: ["online", "weekend"]),
                ListingFilter(tags: [" "]),  // blank tags are no filter
                ListingFilter(kind: .service, category: "Training", state: "TX"),
                ListingFilter(kind: .digital, city: "austin", state: "mn", minPriceCents: 500, tags: ["beginner"]),
                ListingFilter(category: "design", providerID: provider, minPriceCents: 1, maxPriceCents: 9900),
                ListingFilter(city: "Nowhere"),
            ]
            var emptyResults = 0
            for filter in filters {
                let expected = fixtures.expected(filter, .priceAsc)
                if expected.isEmpty { emptyResults += 1 }
                let (ids, _) = try await walk(sql, filter, .priceAsc, first: 100)
                XCTAssertEqual(ids, expected, "\(filter)")
                before = sql.counter.value
                let total = try await ListingStore.count(sql, filter: filter)
                XCTAssertEqual(total, expected.count, "totalCount of \(filter)")
                let statements = sql.counter.value - before
                XCTAssertEqual(statements, 1)
            }
            XCTAssertLessThanOrEqual(emptyResults, 3, "the filters are tested on real matches")
            let all = try await ListingStore.count(sql, filter: ListingFilter())
            XCTAssertEqual(all, fixtures.expected(ListingFilter(), .newest).count)
            let own = try await ListingStore.count(sql, filter: ListingFilter(), visibility: .provider(provider))
            XCTAssertEqual(own, fixtures.expected(ListingFilter(), .newest, .provider(provider)).count)
        }
    }

    func testFullTextMatchesTitleTagsAndDescriptionAndRanksByRelevance() async throws {
        try await ListingFixtures.with { database, fixtures in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            let visible = fixtures.listings.filter { fixtures.visible($0, .published) }
            let guitar = ListingFixtures.guitarInTitle.union(ListingFixtures.guitarInTags)
                .union(ListingFixtures.guitarInDescription)
            let expected = Set(visible.filter { guitar.contains(ListingFixtures.number($0)) }.map(\.id))
            XCTAssertGreaterThan(expected.count, 10)

            // "guitars" stems to "guitar"; the relevance walk in pages of 7 equals one big page.
            let (ids, _) = try await walk(sql, ListingFilter(query: "Guitars"), .relevance, first: 7)
            XCTAssertEqual(Set(ids), expected)
            XCTAssertEqual(ids.count, expected.count)
            let single = try await ListingStore.search(sql, filter: ListingFilter(query: "Guitars"), sort: .relevance, first: 100)
            XCTAssertEqual(single.rows.map(\.id), ids)
            // Title words weigh A, tags B, description C: best matches come first.
            let weights = single.rows.map { row -> Int in
                let n = ListingFixtures.number(row)
                return ListingFixtures.guitarInTitle.contains(n) ? 3 : ListingFixtures.guitarInTags.contains(n) ? 2 : 1
            }
            XCTAssertEqual(weights, weights.sorted(by: >), "title matches, then tag matches, then description matches")
            let count = try await ListingStore.count(sql, filter: ListingFilter(query: "Guitars"))
            XCTAssertEqual(count, expected.count)

            // The query combines with the other filters and sorts.
            let cheap = try await walk(sql, ListingFilter(query: "guitar", maxPriceCents: 1000), .priceAsc, first: 3)
            let cheapExpected = ListingFixtures.sorted(
                visible.filter { expected.contains($0.id) && $0.priceCents <= 1000 }, .priceAsc, .published)
            XCTAssertEqual(cheap.ids, cheapExpected.map(\.id))
            // websearch syntax: both words, a phrase, an exclusion.
            let both = try await ListingStore.search(sql, filter: ListingFilter(query: "guitar lessons"), sort: .relevance, first: 100)
            let inTitle = visible.filter { ListingFixtures.guitarInTitle.contains(ListingFixtures.number($0)) }
            XCTAssertEqual(Set(both.rows.map(\.id)), Set(inTitle.map(\.id)))
            let excluded = try await ListingStore.search(sql, filter: ListingFilter(query: "guitar -lessons"), sort: .relevance, first: 100)
            XCTAssertEqual(Set(excluded.rows.map(\.id)), expected.subtracting(inTitle.map(\.id)))

            // Stop words only, or a blank query: nothing to match, and no error.
            let stopWords = try await ListingStore.search(sql, filter: ListingFilter(query: "the"), sort: .relevance, first: 10)
            XCTAssertEqual(stopWords.rows, [])
            let blank = try await ListingStore.search(sql, filter: ListingFilter(query: "  "), sort: .relevance, first: 10)
            XCTAssertEqual(blank.rows.map(\.id), Array(fixtures.expected(ListingFilter(), .newest).prefix(10)))

            // Input that looks like SQL is only ever a bound value.
            let hostile = "'); DROP TABLE marketplace.listings; --"
            let none = try await ListingStore.search(sql, filter: ListingFilter(query: hostile, category: hostile, tags: [hostile]), first: 10)
            XCTAssertEqual(none.rows, [])
            let still = try await ListingStore.count(sql, filter: ListingFilter())
            XCTAssertGreaterThan(still, 0)
        }
    }

    func testTamperedAndForeignCursorsAreRefusedBeforeAnyStatement() async throws {
        try await ListingFixtures.with { database, _ in
            let sql = SQLExecutor(database: database, logger: TestDatabase.logger)
            var before = 0
            let page = try await ListingStore.search(sql, filter: ListingFilter(), sort: .priceAsc, first: 5)
            let cursor = try XCTUnwrap(page.endCursor)
            // The cursor works where it belongs.
            _ = try await ListingStore.search(sql, filter: ListingFilter(), sort: .priceAsc, first: 5, after: cursor)

            func json(_ object: [String: Any]) throws -> String {
                try JSONSerialization.data(withJSONObject: object).base64EncodedString()
                    .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "=", with: "")
            }
            let decoded = try XCTUnwrap(try? ListingCursor.decode(cursor, sort: .priceAsc, fingerprint:
                ListingSearchPlan(filter: ListingFilter(), sort: .priceAsc, visibility: .published).fingerprint))
            let fields: [String: Any] = ["v": 1, "s": "price_asc", "f": decoded.fingerprint, "k": decoded.key,
                                         "i": decoded.id.uuidString]
            func with(_ key: String, _ value: Any) throws -> String {
                var copy = fields
                copy[key] = value
                return try json(copy)
            }
            XCTAssertNoThrow(try ListingCursor.decode(try json(fields), sort: .priceAsc, fingerprint: decoded.fingerprint))

            let bad: [(String, String, ListingFilter, ListingSort)] = [
                ("garbage", "not a cursor!", ListingFilter(), .priceAsc),
                ("empty", "", ListingFilter(), .priceAsc),
                ("truncated", String(cursor.dropLast(6)), ListingFilter(), .priceAsc),
                ("another sort", cursor, ListingFilter(), .priceDesc),
                ("another filter", cursor, ListingFilter(kind: .service), .priceAsc),
                ("another version", try with("v", 2), ListingFilter(), .priceAsc),
                ("key not a number", try with("k", "1000; DROP TABLE x"), ListingFilter(), .priceAsc),
                ("key a float", try with("k", "1e3"), ListingFilter(), .priceAsc),
                ("id not a uuid", try with("i", "42"), ListingFilter(), .priceAsc),
                ("fingerprint edited", try with("f", "0000000000000000"), ListingFilter(), .priceAsc),
                ("too long", String(repeating: "A", count: 600), ListingFilter(), .priceAsc),
            ]
            before = sql.counter.value
            for (label, after, filter, sort) in bad {
                do {
                    _ = try await ListingStore.search(sql, filter: filter, sort: sort, first: 5, after: after)
                    XCTFail("accepted: \(label)")
                } catch let error as ListingSearchError {
                    XCTAssertEqual(error, .invalidCursor, label)
                }
            }
            let statements = sql.counter.value - before
            XCTAssertEqual(statements, 0, "a bad cursor never reaches the database")

            for first in [0, -1, 101] {
                do {
                    _ = try await ListingStore.search(sql, filter: ListingFilter(), first: first)
                    XCTFail("accepted first: \(first)")
                } catch let error as ListingSearchError {
                    XCTAssertEqual(error, .firstOutOfRange(first))
                }
            }
        }
    }
}
