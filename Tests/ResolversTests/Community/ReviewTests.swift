import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// Reviews: who may write, answer, flag and moderate them; what the listing and provider
/// show; aggregates that stay exact.
final class ReviewTests: XCTestCase {
    static let reviewsOf = """
        query($id: ID!) {
          listing(id: $id) {
            averageRating reviewCount
            reviews(first: 10) { totalCount nodes { id rating title status providerResponse author { firstName } } }
            provider { averageRating reviewCount reviews { totalCount nodes { id } } }
          }
        }
        """

    func testAReviewFromWritingToModeration() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.account("ada@example.com", provider: "Ada's Music")
            let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 0], token: ada.token)
            let buyer = try await h.account("buyer@example.com")
            let item = try await h.completedItem(of: lesson, buyer: buyer, provider: ada)

            // The input's rules, all reported at once.
            let bad = try await h.createReview(item: item, rating: 6, title: String(repeating: "t", count: 121), token: buyer.token)
            XCTAssertEqual(bad.errorCodes("data.createReview.errors"), ["INVALID_INPUT", "INVALID_INPUT"])
            XCTAssertEqual((bad["data.createReview.errors"] as? [[String: Any]])?.map { $0["field"] as? [String] ?? [] },
                           [["input", "rating"], ["input", "title"]])
            // Only its buyer: the provider sees the item but did not buy it; others do not see it.
            let byProvider = try await h.createReview(item: item, rating: 5, token: ada.token)
            XCTAssertEqual(byProvider.topLevelCodes, ["FORBIDDEN"])
            let stranger = try await h.account("stranger@example.com")
            let byStranger = try await h.createReview(item: item, rating: 5, token: stranger.token)
            XCTAssertEqual(byStranger.topLevelCodes, ["NOT_FOUND"])
            let anonymous = try await h.run(GraphQLHarness.createReviewDocument,
                                            ["input": ["orderItemId": .string(item), "rating": 5]])
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            // Not before it is completed.
            let pending = try await h.freeOrder(of: lesson, buyer: buyer).item
            let early = try await h.createReview(item: pending, rating: 4, token: buyer.token)
            XCTAssertEqual(early.errorCodes("data.createReview.errors"), ["INVALID_STATUS"])

            let created = try await h.createReview(item: item, rating: 4, title: "  Patient teacher ", body: "Learned three chords.",
                                                   token: buyer.token)
            XCTAssertEqual(created.errorCodes("data.createReview.errors"), [])
            let review = try XCTUnwrap(created.string("data.createReview.review.id"))
            XCTAssertEqual(created.string("data.createReview.review.title"), "Patient teacher")
            XCTAssertEqual(created.string("data.createReview.review.status"), "PUBLISHED")
            XCTAssertEqual(created.string("data.createReview.review.listing.id"), lesson)
            let again = try await h.createReview(item: item, rating: 1, token: buyer.token)
            XCTAssertEqual(again.errorCodes("data.createReview.errors"), ["ALREADY_REVIEWED"])

            let second = try await h.account("second@example.com")
            let secondItem = try await h.completedItem(of: lesson, buyer: second, provider: ada)
            _ = try await h.createReview(item: secondItem, rating: 5, token: second.token)
            var shown = try await h.run(Self.reviewsOf, ["id": .string(lesson)])
            XCTAssertEqual(shown["data.listing.reviewCount"] as? Int, 2)
            XCTAssertEqual(shown["data.listing.averageRating"] as? Double, 4.5)
            XCTAssertEqual(shown["data.listing.reviews.totalCount"] as? Int, 2)
            XCTAssertEqual((shown["data.listing.reviews.nodes"] as? [[String: Any]])?.map { $0["rating"] as? Int }, [5, 4],
                           "newest first")
            XCTAssertEqual(shown["data.listing.provider.reviewCount"] as? Int, 2)
            XCTAssertEqual(shown["data.listing.provider.averageRating"] as? Double, 4.5)
            XCTAssertEqual(shown["data.listing.provider.reviews.totalCount"] as? Int, 2)
            let onItem = try await h.run("query($id: ID!) { node(id: $id) { ... on OrderItem { review { id rating } } } }",
                                         ["id": .string(item)], token: buyer.token)
            XCTAssertEqual(onItem.string("data.node.review.id"), review)

            // The provider answers, once; nobody else can.
            let respond = "mutation($id: ID!, $r: String!) { respondToReview(id: $id, response: $r) { review { providerResponse respondedAt } errors { code } } }"
            let bob = try await h.account("bob@example.com", provider: "Bob's Tickets")
            let byBob = try await h.run(respond, ["id": .string(review), "r": "Thanks!"], token: bob.token)
            XCTAssertEqual(byBob.topLevelCodes, ["FORBIDDEN"])
            let empty = try await h.run(respond, ["id": .string(review), "r": "   "], token: ada.token)
            XCTAssertEqual(empty.errorCodes("data.respondToReview.errors"), ["INVALID_INPUT"])
            let answered = try await h.run(respond, ["id": .string(review), "r": "Thank you, see you next week."], token: ada.token)
            XCTAssertEqual(answered.string("data.respondToReview.review.providerResponse"), "Thank you, see you next week.")
            XCTAssertNotNil(answered["data.respondToReview.review.respondedAt"])
            let twice = try await h.run(respond, ["id": .string(review), "r": "Again"], token: ada.token)
            XCTAssertEqual(twice.errorCodes("data.respondToReview.errors"), ["ALREADY_RESPONDED"])

            // Anyone signed in may flag; it stays shown and counted until an admin decides.
            let flag = "mutation($id: ID!, $r: String!) { flagReview(id: $id, reason: $r) { review { status } errors { code } } }"
            let anonymousFlag = try await h.run(flag, ["id": .string(review), "r": "spam"])
            XCTAssertEqual(anonymousFlag.topLevelCodes, ["UNAUTHENTICATED"])
            let flagged = try await h.run(flag, ["id": .string(review), "r": "Looks like spam"], token: stranger.token)
            XCTAssertEqual(flagged.string("data.flagReview.review.status"), "FLAGGED")
            _ = try await h.run(flag, ["id": .string(review), "r": "Again"], token: stranger.token)
            let flags = try await h.sql("SELECT flag_count::int8 FROM marketplace.reviews")
            XCTAssertEqual(try flags.map { try $0.decode(Int.self) }.sorted(), [0, 1], "one flag per user")
            shown = try await h.run(Self.reviewsOf, ["id": .string(lesson)])
            XCTAssertEqual(shown["data.listing.reviewCount"] as? Int, 2)

            // Admins moderate: REMOVED hides it and takes it out of the ratings.
            let moderate = "mutation($id: ID!, $s: ReviewStatus!) { moderateReview(id: $id, status: $s) { review { status } errors { code } } }"
            let byProviderModeration = try await h.run(moderate, ["id": .string(review), "s": .enumValue("REMOVED")], token: ada.token)
            XCTAssertEqual(byProviderModeration.topLevelCodes, ["FORBIDDEN"])
            let admin = try await h.account("admin@example.com", admin: true)
            let removed = try await h.run(moderate, ["id": .string(review), "s": .enumValue("REMOVED")], token: admin.token)
            XCTAssertEqual(removed.string("data.moderateReview.review.status"), "REMOVED")
            shown = try await h.run(Self.reviewsOf, ["id": .string(lesson)])
            XCTAssertEqual(shown["data.listing.reviewCount"] as? Int, 1)
            XCTAssertEqual(shown["data.listing.averageRating"] as? Double, 5)
            XCTAssertEqual((shown["data.listing.reviews.nodes"] as? [[String: Any]])?.count, 1)
            XCTAssertEqual(shown["data.listing.provider.reviewCount"] as? Int, 1)
            let node = "query($id: ID!) { node(id: $id) { ... on Review { status } } }"
            let byAuthor = try await h.run(node, ["id": .string(review)], token: buyer.token)
            XCTAssertEqual(byAuthor.string("data.node.status"), "REMOVED", "its author still sees it")
            let byOthers = try await h.run(node, ["id": .string(review)], token: stranger.token)
            XCTAssertNil(byOthers["data.node"])
            let flagRemoved = try await h.run(flag, ["id": .string(review), "r": "gone"], token: second.token)
            XCTAssertEqual(flagRemoved.topLevelCodes, ["NOT_FOUND"])
            // And back.
            let restored = try await h.run(moderate, ["id": .string(review), "s": .enumValue("PUBLISHED")], token: admin.token)
            XCTAssertEqual(restored.string("data.moderateReview.review.status"), "PUBLISHED")
            shown = try await h.run(Self.reviewsOf, ["id": .string(lesson)])
            XCTAssertEqual(shown["data.listing.reviewCount"] as? Int, 2)
            XCTAssertEqual(shown["data.listing.averageRating"] as? Double, 4.5)
            let audit = try await h.sql("""
                SELECT action, after->>'status' FROM marketplace.audit_log WHERE entity_type = 'review' ORDER BY id
                """)
            XCTAssertEqual(try audit.map { try $0.decode((String, String).self) }.map { "\($0.0) \($0.1)" },
                           ["REVIEW_MODERATED REMOVED", "REVIEW_MODERATED PUBLISHED"])
            let events = try await h.sql("SELECT type FROM marketplace.events WHERE type LIKE 'REVIEW_%' ORDER BY id")
            XCTAssertEqual(try events.map { try $0.decode(String.self) },
                           ["REVIEW_CREATED", "REVIEW_CREATED", "REVIEW_RESPONDED", "REVIEW_FLAGGED", "REVIEW_MODERATED",
                            "REVIEW_MODERATED"])
        }
    }

    func testPagesOfReviewsAndTheRatingSort() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.account("ada@example.com", provider: "Ada's Music")
            let good = try await h.publishedListing(title: "Good lesson", ["priceCents": 0], token: ada.token)
            let fair = try await h.publishedListing(title: "Fair lesson", ["priceCents": 0], token: ada.token)
            var reviews: [String] = []
            for (n, (listing, rating)) in [(good, 5), (good, 4), (good, 5), (fair, 2)].enumerated() {
                let buyer = try await h.account("buyer\(n)@example.com")
                let item = try await h.completedItem(of: listing, buyer: buyer, provider: ada)
                let created = try await h.createReview(item: item, rating: rating, token: buyer.token)
                reviews.append(try XCTUnwrap(created.string("data.createReview.review.id")))
            }
            let page = "query($id: ID!, $after: String) { listing(id: $id) { reviews(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }"
            let first = try await h.run(page, ["id": .string(good), "after": .null])
            XCTAssertEqual((first["data.listing.reviews.nodes"] as? [[String: Any]])?.map { $0["id"] as? String }, [reviews[2], reviews[1]])
            XCTAssertEqual(first["data.listing.reviews.pageInfo.hasNextPage"] as? Bool, true)
            let cursor = try XCTUnwrap(first.string("data.listing.reviews.pageInfo.endCursor"))
            let next = try await h.run(page, ["id": .string(good), "after": .string(cursor)])
            XCTAssertEqual((next["data.listing.reviews.nodes"] as? [[String: Any]])?.map { $0["id"] as? String }, [reviews[0]])
            XCTAssertEqual(next["data.listing.reviews.pageInfo.hasNextPage"] as? Bool, false)
            // A cursor of another listing's reviews is refused.
            let foreign = try await h.run(page, ["id": .string(fair), "after": .string(cursor)])
            XCTAssertEqual(foreign.topLevelCodes, ["BAD_USER_INPUT"])

            let sorted = try await h.run("{ listings(sort: RATING) { nodes { title averageRating } } }")
            XCTAssertEqual((sorted["data.listings.nodes"] as? [[String: Any]])?.map { $0["title"] as? String },
                           ["Good lesson", "Fair lesson"])
            XCTAssertEqual(sorted["data.listings.nodes.0.averageRating"] as? Double, 4.67)

            // Reviews of a level of listings come in one statement, however many listings.
            let nested = "{ listings(first: $n) { nodes { reviews(first: 5) { totalCount nodes { rating author { firstName } } } } } }"
            let one = try await h.run(nested.replacingOccurrences(of: "$n", with: "1"))
            let both = try await h.run(nested.replacingOccurrences(of: "$n", with: "2"))
            XCTAssertEqual(one.statements, both.statements)
            XCTAssertEqual(both.statements, 3, "listings, their reviews, the authors")
        }
    }

    /// 20 flags an hour: the 21st is refused and not recorded.
    func testFlaggingIsLimited() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.account("ada@example.com", provider: "Ada's Music")
            let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 0], token: ada.token)
            let buyer = try await h.account("buyer@example.com")
            var reviews: [String] = []
            for _ in 0...ReviewFlows.flagsPerHour {
                let item = try await h.completedItem(of: lesson, buyer: buyer, provider: ada)
                let created = try await h.createReview(item: item, rating: 5, token: buyer.token)
                reviews.append(try XCTUnwrap(created.string("data.createReview.review.id")))
            }
            let flagger = try await h.account("flagger@example.com")
            let flag = "mutation($id: ID!) { flagReview(id: $id, reason: \"spam\") { review { status } errors { code } } }"
            for review in reviews.dropLast() {
                let flagged = try await h.run(flag, ["id": .string(review)], token: flagger.token)
                XCTAssertEqual(flagged.string("data.flagReview.review.status"), "FLAGGED")
            }
            let refused = try await h.run(flag, ["id": .string(reviews.last!)], token: flagger.token)
            XCTAssertEqual(refused.errorCodes("data.flagReview.errors"), ["RATE_LIMITED"])
            let flags = try await h.sql("SELECT count(*)::int8 FROM marketplace.review_flags")
            XCTAssertEqual(try flags[0].decode(Int.self), ReviewFlows.flagsPerHour)
        }
    }

    /// Many buyers review at once, with moderation in between: the stored aggregates equal a
    /// fresh count of the shown reviews.
    func testAggregatesStayExactUnderConcurrency() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.account("ada@example.com", provider: "Ada's Music")
            let listings = [
                try await h.publishedListing(title: "Guitar lesson", ["priceCents": 0], token: ada.token),
                try await h.publishedListing(title: "Piano lesson", ["priceCents": 0], token: ada.token),
            ]
            let admin = try await h.account("admin@example.com", admin: true)
            var writes: [(item: String, rating: Int, token: String)] = []
            for n in 0..<16 {
                let buyer = try await h.account("buyer\(n)@example.com")
                let item = try await h.completedItem(of: listings[n % 2], buyer: buyer, provider: ada)
                writes.append((item, n % 5 + 1, buyer.token))
            }
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for write in writes {
                    group.addTask {
                        // Each review twice at once: exactly one of them counts.
                        async let a = h.createReview(item: write.item, rating: write.rating, token: write.token)
                        async let b = h.createReview(item: write.item, rating: write.rating, token: write.token)
                        let (first, second) = try await (a, b)
                        let codes = (first.errorCodes("data.createReview.errors") + second.errorCodes("data.createReview.errors"))
                        XCTAssertEqual(codes, ["ALREADY_REVIEWED"])
                        return first.string("data.createReview.review.id") ?? second.string("data.createReview.review.id")
                    }
                }
                var ids: [String] = []
                for try await id in group { if let id { ids.append(id) } }
                return ids
            }
            XCTAssertEqual(ids.count, 16)
            // Moderation racing more moderation: remove and restore some at once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (n, id) in ids.enumerated() {
                    let status = ["REMOVED", "FLAGGED", "PUBLISHED", "REMOVED"][n % 4]
                    group.addTask {
                        _ = try await h.run("mutation($id: ID!, $s: ReviewStatus!) { moderateReview(id: $id, status: $s) { errors { code } } }",
                                            ["id": .string(id), "s": .enumValue(status)], token: admin.token)
                    }
                }
                try await group.waitForAll()
            }
            let listingCheck = try await h.sql("""
                SELECT l.review_count::int8, l.rating_sum, l.average_rating::text,
                       count(r.id) FILTER (WHERE r.status <> 'removed'), coalesce(sum(r.rating) FILTER (WHERE r.status <> 'removed'), 0)::int8,
                       coalesce(round(avg(r.rating) FILTER (WHERE r.status <> 'removed'), 2), 0)::text
                FROM marketplace.listings l LEFT JOIN marketplace.reviews r ON r.listing_id = l.id
                GROUP BY l.id ORDER BY l.title
                """)
            XCTAssertEqual(listingCheck.count, 2)
            for row in listingCheck {
                let (count, sum, average, freshCount, freshSum, freshAverage) = try row.decode((Int, Int, String, Int, Int, String).self)
                XCTAssertEqual([count, sum], [freshCount, freshSum])
                XCTAssertEqual(average, freshAverage)
                XCTAssertGreaterThan(count, 0)
            }
            let providerCheck = try await h.sql("""
                SELECT p.review_count::int8, p.rating_sum,
                       (SELECT count(*) FROM marketplace.reviews r WHERE r.provider_id = p.id AND r.status <> 'removed'),
                       (SELECT coalesce(sum(rating), 0) FROM marketplace.reviews r WHERE r.provider_id = p.id AND r.status <> 'removed')::int8
                FROM marketplace.providers p
                """)
            let (count, sum, freshCount, freshSum) = try providerCheck[0].decode((Int, Int, Int, Int).self)
            XCTAssertEqual([count, sum], [freshCount, freshSum])
            XCTAssertEqual(count, 8, "16 reviews, every other one removed")
        }
    }
}
