import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// `Query.listings` through the schema: what browse shows, every filter field, every sort,
/// paging with cursors, and the arguments it refuses.
final class ListingBrowseTests: XCTestCase {
    static let browseDocument = """
        query($filter: ListingFilter, $sort: ListingSort = NEWEST, $first: Int, $after: String) {
          listings(filter: $filter, sort: $sort, first: $first, after: $after) {
            totalCount
            edges { cursor node { id } }
            nodes { id averageRating reviewCount }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """

    /// Five ACTIVE listings of two providers, published in this order, and listings browse must
    /// hide (a draft, paused, archived and deleted one, and one of a suspended provider), all
    /// of which would match "guitar".
    private struct Catalog {
        var guitar, recital, ebook, wedding, portrait: String
        var ada, bo: String
        /// Newest published first.
        var newest: [String] { [portrait, wedding, ebook, recital, guitar] }
    }

    private func seed(_ h: GraphQLHarness) async throws -> Catalog {
        let ada = try await h.account("ada@example.com", provider: "Ada's Music")
        let bo = try await h.account("bo@example.com", provider: "Bo's Photos")
        let cy = try await h.account("cy@example.com", provider: "Cy's Guitars")
        _ = try await h.createListing("SERVICE", title: "Guitar draft", token: ada.token)
        let paused = try await h.publishedListing(title: "Paused guitar class", token: ada.token)
        _ = try await h.statusChange("pauseListing", paused, token: ada.token)
        let archived = try await h.publishedListing(title: "Archived guitar class", token: ada.token)
        _ = try await h.statusChange("archiveListing", archived, token: ada.token)
        let deleted = try await h.publishedListing(title: "Deleted guitar class", token: ada.token)
        _ = try await h.deleteListing(deleted, token: ada.token)
        _ = try await h.publishedListing(title: "Suspended guitar shop", token: cy.token)
        try await h.sql("UPDATE marketplace.providers SET status = 'suspended' WHERE business_name = 'Cy''s Guitars'")

        // Defaults: SERVICE, Music, tags guitar + beginner, 4500, Austin TX.
        let guitar = try await h.publishedListing(title: "Guitar lessons for beginners", token: ada.token)
        let recital = try await h.publishedListing("TICKET", title: "Piano recital", [
            "tags": ["Piano", "live"], "priceCents": 2500, "city": "Dallas",
            "description": "An evening of Chopin and zydeco.",
        ], token: ada.token)
        let file = try await h.upload(minimalPDF, purpose: "LISTING_FILE", contentType: "application/pdf", token: ada.token)
        let ebook = try await h.publishedListing("DIGITAL", title: "Chord chart e-book", [
            "fileKey": .string(file), "category": "Books", "tags": ["guitar", "pdf"], "priceCents": 999,
            "city": "Houston", "description": "Fifty chords, printable.",
        ], token: ada.token)
        let wedding = try await h.publishedListing(title: "Wedding photography", [
            "category": "Photography", "tags": ["wedding", "photo"], "priceCents": 150_000, "city": "Portland",
            "state": "OR", "description": "We also film the guitar solo at your reception.",
        ], token: bo.token)
        let portrait = try await h.publishedListing(title: "Portrait session", [
            "category": "Photography", "tags": ["photo", "Vintage"], "priceCents": 30000, "city": "Portland",
            "state": "OR", "description": "One hour in the studio.",
        ], token: bo.token)
        return Catalog(
            guitar: guitar, recital: recital, ebook: ebook, wedding: wedding, portrait: portrait,
            ada: try await h.providerID(ada), bo: try await h.providerID(bo))
    }

    /// One page; checks that `edges` and `nodes` agree and that the page's cursors are its
    /// edges' cursors.
    private func browse(
        _ h: GraphQLHarness, filter: InputValue? = nil, sort: String? = nil, first: Int? = nil, after: String? = nil,
        token: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> GraphQLHarness.Response {
        var variables: [String: InputValue] = [:]
        if let filter { variables["filter"] = filter }
        if let sort { variables["sort"] = .string(sort) }
        if let first { variables["first"] = .int(first) }
        if let after { variables["after"] = .string(after) }
        let response = try await h.run(Self.browseDocument, variables, token: token)
        guard response.topLevelCodes.isEmpty else { return response }
        let edges = response["data.listings.edges"] as? [[String: Any]] ?? []
        let edgeIDs = edges.compactMap { ($0["node"] as? [String: Any])?["id"] as? String }
        XCTAssertEqual(edgeIDs, response.ids("data.listings.nodes"), "edges and nodes", file: file, line: line)
        let cursors = edges.compactMap { $0["cursor"] as? String }
        XCTAssertEqual(cursors.count, edges.count, file: file, line: line)
        XCTAssertEqual(response.string("data.listings.pageInfo.startCursor"), cursors.first, file: file, line: line)
        XCTAssertEqual(response.string("data.listings.pageInfo.endCursor"), cursors.last, file: file, line: line)
        XCTAssertEqual(response["data.listings.pageInfo.hasPreviousPage"] as? Bool, after != nil, file: file, line: line)
        return response
    }

    /// Every page with `first: 2`, following `endCursor`: the ids in order and each page's total.
    private func walk(
        _ h: GraphQLHarness, filter: InputValue? = nil, sort: String, file: StaticString = #filePath, line: UInt = #line
    ) async throws -> (ids: [String], totals: Set<Int>) {
        var ids: [String] = [], totals: Set<Int> = [], after: String? = nil, pages = 0
        repeat {
            let page = try await browse(h, filter: filter, sort: sort, first: 2, after: after, file: file, line: line)
            XCTAssertEqual(page.topLevelCodes, [], file: file, line: line)
            let pageIDs = page.ids("data.listings.nodes")
            let hasNext = try XCTUnwrap(page["data.listings.pageInfo.hasNextPage"] as? Bool, file: file, line: line)
            // Only the last page is short, and no page is empty but the only one.
            XCTAssertEqual(pageIDs.count, hasNext ? 2 : pageIDs.count, file: file, line: line)
            ids += pageIDs
            totals.insert(try XCTUnwrap(page["data.listings.totalCount"] as? Int, file: file, line: line))
            after = hasNext ? page.string("data.listings.pageInfo.endCursor") : nil
            pages += 1
            if pages > 20 { XCTFail("paging does not end", file: file, line: line); break }
        } while after != nil
        return (ids, totals)
    }

    func testBrowseShowsOnlyActiveListingsOfActiveProviders() async throws {
        try await GraphQLHarness.with { h in
            let catalog = try await seed(h)
            let owner = try await h.login("ada@example.com", "correct horse 1").string("data.login.accessToken")
            // The owner's own drafts are not in browse either: that is Provider.listings.
            for token in [nil, owner] {
                let response = try await browse(h, token: token)
                XCTAssertEqual(response.topLevelCodes, [])
                XCTAssertEqual(response.ids("data.listings.nodes"), catalog.newest)
                XCTAssertEqual(response["data.listings.totalCount"] as? Int, 5)
                XCTAssertEqual(response["data.listings.pageInfo.hasNextPage"] as? Bool, false)
            }
            let guitar = try await browse(h, filter: ["query": "guitar"])
            XCTAssertEqual(guitar.ids("data.listings.nodes"), [catalog.wedding, catalog.ebook, catalog.guitar])
            XCTAssertEqual(guitar["data.listings.totalCount"] as? Int, 3)
        }
    }

    func testEveryFilterFieldNarrowsTheResults() async throws {
        try await GraphQLHarness.with { h in
            let c = try await seed(h)
            // Expected in NEWEST order, which is the default sort.
            let cases: [(InputValue, [String])] = [
                (["query": "zydeco"], [c.recital]),  // a word only in a description
                (["query": "vintage"], [c.portrait]),  // a word only in tags
                (["query": "GUITAR"], [c.wedding, c.ebook, c.guitar]),
                (["query": "photo -wedding"], [c.portrait]),
                (["query": "   "], c.newest),  // a blank query is no query
                (["kind": "TICKET"], [c.recital]),
                (["kind": "DIGITAL"], [c.ebook]),
                (["kind": "SERVICE"], [c.portrait, c.wedding, c.guitar]),
                (["category": "photography"], [c.portrait, c.wedding]),
                (["category": "MUSIC"], [c.recital, c.guitar]),
                (["city": "portland"], [c.portrait, c.wedding]),
                (["city": "DALLAS"], [c.recital]),
                (["state": "tx"], [c.ebook, c.recital, c.guitar]),
                (["state": "Or"], [c.portrait, c.wedding]),
                (["providerId": .string(c.bo)], [c.portrait, c.wedding]),
                (["providerId": .string(c.ada)], [c.ebook, c.recital, c.guitar]),
                (["minPriceCents": 4500], [c.portrait, c.wedding, c.guitar]),
                (["maxPriceCents": 4500], [c.ebook, c.recital, c.guitar]),
                (["minPriceCents": 2500, "maxPriceCents": 30000], [c.portrait, c.recital, c.guitar]),
                (["minPriceCents": 999, "maxPriceCents": 999], [c.ebook]),
                (["tags": ["PHOTO"]], [c.portrait, c.wedding]),
                (["tags": ["photo", "Vintage"]], [c.portrait]),
                (["tags": ["guitar"]], [c.ebook, c.guitar]),
                (["tags": ["guitar", "wedding"]], []),
                (["state": "TX", "query": "guitar", "maxPriceCents": 1000], [c.ebook]),
                (["category": "Music", "city": "Portland"], []),
            ]
            for (filter, expected) in cases {
                let response = try await browse(h, filter: filter)
                XCTAssertEqual(response.topLevelCodes, [], "\(filter)")
                XCTAssertEqual(response.ids("data.listings.nodes"), expected, "\(filter)")
                XCTAssertEqual(response["data.listings.totalCount"] as? Int, expected.count, "\(filter)")
            }
        }
    }

    func testEverySortOrdersTheResults() async throws {
        try await GraphQLHarness.with { h in
            let c = try await seed(h)
            // Distinct ratings (review_count, rating_sum): 5.00, 4.00, 3.33, 2.00, 1.00.
            for (id, count, sum) in [(c.recital, 2, 10), (c.wedding, 1, 4), (c.guitar, 3, 10), (c.portrait, 1, 2), (c.ebook, 1, 1)] {
                let uuid = try GraphQLHarness.uuid(id)
                try await h.sql("UPDATE marketplace.listings SET review_count = \(count), rating_sum = \(sum) WHERE id = \(uuid)")
            }
            let cases: [(String, InputValue?, [String])] = [
                ("NEWEST", nil, c.newest),
                ("PRICE_ASC", nil, [c.ebook, c.recital, c.guitar, c.portrait, c.wedding]),
                ("PRICE_DESC", nil, [c.wedding, c.portrait, c.guitar, c.recital, c.ebook]),
                ("RATING", nil, [c.recital, c.wedding, c.guitar, c.portrait, c.ebook]),
                // Title (weight A) and tag above tag alone, above a description match (weight C).
                ("RELEVANCE", ["query": "guitar"], [c.guitar, c.ebook, c.wedding]),
                ("RELEVANCE", nil, c.newest),  // without a query, NEWEST
                ("PRICE_DESC", ["state": "OR"], [c.wedding, c.portrait]),
            ]
            for (sort, filter, expected) in cases {
                let response = try await browse(h, filter: filter, sort: sort)
                XCTAssertEqual(response.topLevelCodes, [], sort)
                XCTAssertEqual(response.ids("data.listings.nodes"), expected, "\(sort) \(String(describing: filter))")
                XCTAssertEqual(response["data.listings.totalCount"] as? Int, expected.count, sort)
            }
            let rated = try await browse(h, sort: "RATING")
            let nodes = try XCTUnwrap(rated["data.listings.nodes"] as? [[String: Any]])
            XCTAssertEqual(nodes.compactMap { $0["averageRating"] as? Double }, [5.0, 4.0, 3.33, 2.0, 1.0])
            XCTAssertEqual(nodes.compactMap { $0["reviewCount"] as? Int }, [2, 1, 3, 1, 1])
        }
    }

    func testPagingVisitsEachListingOnceInSortOrder() async throws {
        try await GraphQLHarness.with { h in
            let c = try await seed(h)
            // Equal ratings for three of them: the order among equals is still total (by id).
            for (id, count, sum) in [(c.recital, 1, 4), (c.wedding, 1, 4), (c.guitar, 1, 4)] {
                let uuid = try GraphQLHarness.uuid(id)
                try await h.sql("UPDATE marketplace.listings SET review_count = \(count), rating_sum = \(sum) WHERE id = \(uuid)")
            }
            let cases: [(String, InputValue?)] = [
                ("NEWEST", nil), ("PRICE_ASC", nil), ("PRICE_DESC", nil), ("RATING", nil),
                ("RELEVANCE", ["query": "guitar or photo"]), ("NEWEST", ["state": "TX"]),
                ("PRICE_ASC", ["tags": ["photo"]]),
            ]
            for (sort, filter) in cases {
                let label = "\(sort) \(String(describing: filter))"
                let whole = try await browse(h, filter: filter, sort: sort, first: 100)
                let expected = whole.ids("data.listings.nodes")
                XCTAssertFalse(expected.isEmpty, label)
                let walked = try await walk(h, filter: filter, sort: sort)
                XCTAssertEqual(walked.ids, expected, label)
                XCTAssertEqual(Set(walked.ids).count, walked.ids.count, "no listing twice: \(label)")
                XCTAssertEqual(walked.totals, [expected.count], label)
            }
            let all = try await walk(h, sort: "RATING")
            XCTAssertEqual(Set(all.ids), Set(c.newest))
            XCTAssertEqual(Array(all.ids.prefix(3)).sorted(), [c.recital, c.wedding, c.guitar].sorted(), "the 4.00s first")
            // Past the last row: an empty page, no next page, but it did start after a cursor.
            let last = try await browse(h, sort: "NEWEST", first: 5)
            let end = try XCTUnwrap(last.string("data.listings.pageInfo.endCursor"))
            XCTAssertEqual(last["data.listings.pageInfo.hasNextPage"] as? Bool, false)
            let beyond = try await browse(h, sort: "NEWEST", first: 5, after: end)
            XCTAssertEqual(beyond.ids("data.listings.nodes"), [])
            XCTAssertEqual(beyond["data.listings.pageInfo.hasNextPage"] as? Bool, false)
            XCTAssertNil(beyond["data.listings.pageInfo.endCursor"])
            XCTAssertEqual(beyond["data.listings.totalCount"] as? Int, 5)
        }
    }

    func testBadArgumentsAreBadUserInput() async throws {
        try await GraphQLHarness.with { h in
            let c = try await seed(h)
            let newest = try await browse(h, sort: "NEWEST", first: 1)
            let newestCursor = try XCTUnwrap(newest.string("data.listings.pageInfo.endCursor"))
            let texas = try await browse(h, filter: ["state": "TX"], sort: "NEWEST", first: 1)
            let texasCursor = try XCTUnwrap(texas.string("data.listings.pageInfo.endCursor"))
            let search = try await browse(h, filter: ["query": "guitar"], sort: "RELEVANCE", first: 1)
            let searchCursor = try XCTUnwrap(search.string("data.listings.pageInfo.endCursor"))
            // The cursors are valid where they came from.
            let next = try await browse(h, filter: ["state": "TX"], sort: "NEWEST", first: 1, after: texasCursor)
            XCTAssertEqual(next.ids("data.listings.nodes"), [c.recital])

            let cases: [(label: String, filter: InputValue?, sort: String?, first: Int?, after: String?)] = [
                ("first 0", nil, nil, 0, nil),
                ("first 101", nil, nil, 101, nil),
                ("first -1", nil, nil, -1, nil),
                ("another sort's cursor", nil, "PRICE_ASC", nil, newestCursor),
                ("another filter's cursor", ["state": "OR"], "NEWEST", nil, texasCursor),
                ("a filtered cursor without the filter", nil, "NEWEST", nil, texasCursor),
                ("another query's cursor", ["query": "photo"], "RELEVANCE", nil, searchCursor),
                ("garbage cursor", nil, nil, nil, "garbage"),
                ("empty cursor", nil, nil, nil, ""),
                ("malformed providerId", ["providerId": "nope"], nil, nil, nil),
                ("a listing's ID as providerId", ["providerId": .string(c.guitar)], nil, nil, nil),
                ("min above max", ["minPriceCents": 5000, "maxPriceCents": 4999], nil, nil, nil),
                ("query too long", ["query": .string(String(repeating: "a", count: 201))], nil, nil, nil),
            ]
            for test in cases {
                let response = try await browse(h, filter: test.filter, sort: test.sort, first: test.first, after: test.after)
                XCTAssertEqual(response.topLevelCodes, ["BAD_USER_INPUT"], test.label)
                // `listings` is non-null: its error nulls the whole data.
                XCTAssertNil(response["data.listings"], test.label)
            }
            // The bounds themselves are fine.
            for first in [1, 100] {
                let response = try await browse(h, first: first)
                XCTAssertEqual(response.topLevelCodes, [], "first \(first)")
                XCTAssertEqual(response.ids("data.listings.nodes").count, min(first, 5))
            }
        }
    }
}
