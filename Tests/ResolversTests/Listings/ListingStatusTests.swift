import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// The status rules of `publishListing`, `pauseListing`, `archiveListing` and
/// `deleteListing`, with the provider's counts and the events that go with them.
final class ListingStatusTests: XCTestCase {
    func testTheLifeCycleMovesTheCountsAndWritesEvents() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let created = try await h.createListing("SERVICE", token: seller.token)
            let id = try XCTUnwrap(created.string("data.createListing.listing.id"))
            var expectedCounts = [1, 0]

            func step(_ mutation: String, _ status: String?, _ error: String? = nil, active: Int) async throws
                -> GraphQLHarness.Response
            {
                let response = try await h.statusChange(mutation, id, token: seller.token)
                XCTAssertEqual(response.topLevelCodes, [], mutation)
                XCTAssertEqual(response.errorCodes("data.\(mutation).errors"), error.map { [$0] } ?? [], mutation)
                XCTAssertEqual(response.string("data.\(mutation).listing.status"), status, mutation)
                expectedCounts[1] = active
                let counts = try await h.providerCounts("Ada's Music")
                XCTAssertEqual(counts.stored, expectedCounts, mutation)
                XCTAssertEqual(counts.stored, counts.actual, mutation)
                return response
            }

            _ = try await step("pauseListing", nil, "INVALID_STATUS", active: 0)
            let published = try await step("publishListing", "ACTIVE", active: 1)
            let publishedAt = try XCTUnwrap(published.string("data.publishListing.listing.publishedAt"))
            let again = try await step("publishListing", "ACTIVE", active: 1)
            XCTAssertEqual(again.string("data.publishListing.listing.publishedAt"), publishedAt)
            _ = try await step("pauseListing", "PAUSED", active: 0)
            _ = try await step("pauseListing", "PAUSED", active: 0)
            let resumed = try await step("publishListing", "ACTIVE", active: 1)
            // Resuming keeps the listing's place among the newest.
            XCTAssertEqual(resumed.string("data.publishListing.listing.publishedAt"), publishedAt)
            _ = try await step("archiveListing", "ARCHIVED", active: 0)
            let refused = try await step("publishListing", nil, "INVALID_STATUS", active: 0)
            XCTAssertEqual(
                refused.string("data.publishListing.errors.0.message"),
                "Only a DRAFT or PAUSED listing can be published. This one is ARCHIVED.")

            let events = try await h.sql("""
                SELECT type FROM marketplace.events WHERE type LIKE 'LISTING_%' ORDER BY id
                """)
            XCTAssertEqual(try events.map { try $0.decode(String.self) }, [
                "LISTING_CREATED", "LISTING_PUBLISHED", "LISTING_PAUSED", "LISTING_PUBLISHED", "LISTING_ARCHIVED",
            ])

            let deleted = try await h.deleteListing(id, token: seller.token)
            XCTAssertEqual(deleted.errorCodes("data.deleteListing.errors"), [])
            XCTAssertEqual(deleted.string("data.deleteListing.deletedListingId"), id)
            let counts = try await h.providerCounts("Ada's Music")
            XCTAssertEqual(counts.stored, [0, 0])
            XCTAssertEqual(counts.stored, counts.actual)
        }
    }

    func testASoldOutTicketCanBePausedButNotPublished() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let id = try await h.publishedListing("TICKET", title: "Jazz night", token: seller.token)
            let uuid = try XCTUnwrap(GlobalID(decoding: id)?.id)
            try await h.sql("""
                UPDATE marketplace.listings SET status = 'sold_out' WHERE id = \(uuid);
                """)
            try await h.sql("UPDATE marketplace.providers SET active_listing_count = 0")
            let publish = try await h.statusChange("publishListing", id, token: seller.token)
            XCTAssertEqual(publish.errorCodes("data.publishListing.errors"), ["INVALID_STATUS"])
            let pause = try await h.statusChange("pauseListing", id, token: seller.token)
            XCTAssertEqual(pause.string("data.pauseListing.listing.status"), "PAUSED")
            let counts = try await h.providerCounts("Ada's Music")
            XCTAssertEqual(counts.stored, counts.actual)
        }
    }

    func testATicketWhoseEventHasStartedCannotBePublished() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let created = try await h.createListing("TICKET", title: "Jazz night", token: seller.token)
            let id = try XCTUnwrap(created.string("data.createListing.listing.id"))
            let uuid = try XCTUnwrap(GlobalID(decoding: id)?.id)
            try await h.sql("UPDATE marketplace.listings SET event_starts_at = now() - interval '1 hour' WHERE id = \(uuid)")
            let publish = try await h.statusChange("publishListing", id, token: seller.token)
            XCTAssertEqual(publish.errorCodes("data.publishListing.errors"), ["INVALID_INPUT"])
            XCTAssertNil(publish["data.publishListing.listing"])
            // Other edits still work while the event is in the past; moving it makes it publishable.
            let retitled = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(id), "input": ["title": "Jazz night (moved)"],
            ], token: seller.token)
            XCTAssertEqual(retitled.errorCodes("data.updateListing.errors"), [])
            let moved = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(id), "input": ["eventStartsAt": .string(Scalars.formatDateTime(Date().addingTimeInterval(86_400)))],
            ], token: seller.token)
            XCTAssertEqual(moved.errorCodes("data.updateListing.errors"), [])
            let published = try await h.statusChange("publishListing", id, token: seller.token)
            XCTAssertEqual(published.string("data.publishListing.listing.status"), "ACTIVE")
        }
    }

    /// A deleted listing is gone from every query, for everyone, and cannot be changed.
    func testADeletedListingDisappearsEverywhere() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let id = try await h.publishedListing(token: seller.token)
            let slug = "guitar-lessons-for-beginners"
            let visible = try await h.run("{ listings { totalCount } listing(slug: \"\(slug)\") { id } }")
            XCTAssertEqual(visible["data.listings.totalCount"] as? Int, 1)
            XCTAssertEqual(visible.string("data.listing.id"), id)

            let deleted = try await h.deleteListing(id, token: seller.token)
            XCTAssertEqual(deleted.errorCodes("data.deleteListing.errors"), [])
            for token in [nil, seller.token] {
                let response = try await h.run("""
                    query($id: ID!, $slug: String!) {
                      byID: listing(id: $id) { id } bySlug: listing(slug: $slug) { id } node(id: $id) { id }
                      listings { totalCount nodes { id } }
                      me { provider { listings { totalCount nodes { id } } } }
                    }
                    """, ["id": .string(id), "slug": .string(slug)], token: token)
                XCTAssertEqual(response.topLevelCodes, [])
                XCTAssertNil(response["data.byID"])
                XCTAssertNil(response["data.bySlug"])
                XCTAssertNil(response["data.node"])
                XCTAssertEqual(response["data.listings.totalCount"] as? Int, 0)
                if token != nil { XCTAssertEqual(response["data.me.provider.listings.totalCount"] as? Int, 0) }
            }
            for mutation in ["publishListing", "pauseListing", "archiveListing"] {
                let response = try await h.statusChange(mutation, id, token: seller.token)
                XCTAssertEqual(response.topLevelCodes, ["NOT_FOUND"], mutation)
            }
            let twice = try await h.deleteListing(id, token: seller.token)
            XCTAssertEqual(twice.topLevelCodes, ["NOT_FOUND"])
            let update = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(id), "input": ["title": "Back again"],
            ], token: seller.token)
            XCTAssertEqual(update.topLevelCodes, ["NOT_FOUND"])
            // The slug stays taken: old links never point at another listing.
            let next = try await h.createListing("SERVICE", token: seller.token)
            XCTAssertEqual(next.string("data.createListing.listing.slug"), "\(slug)-2")
        }
    }
}
