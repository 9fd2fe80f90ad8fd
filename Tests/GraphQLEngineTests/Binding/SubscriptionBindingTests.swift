import Foundation
import XCTest

@testable import GraphQLEngine

/// Subscription source streams: any AsyncSequence becomes the executor's stream, and
/// stopping the subscriber stops the source.
final class BindingSubscriptionTests: XCTestCase {
    private func subscribe(
        _ executable: ExecutableSchema, _ field: String, _ arguments: InputFields = InputFields()
    ) async throws -> AsyncThrowingStream<any Sendable, any Error> {
        let (type, definition) = try executable.definition("Subscription.\(field)")
        let subscribe = try XCTUnwrap(executable.subscribers[field])
        let fixture = try InfoFixture(executable, type, definition, context: TestContext())
        defer { withExtendedLifetime(fixture) {} }
        return try await subscribe((), arguments, TestContext(), fixture.info)
    }

    func testEventsFlowAndAreTheFieldsValue() async throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let stream = try await subscribe(
            executable, "listingStatusChanged",
            try executable.arguments("Subscription.listingStatusChanged", #"(listingID: "l1")"#))
        var values: [String?] = []
        for try await event in stream {
            XCTAssertTrue(event is ListingStatus)
            let value = try await executable.resolve("Subscription.listingStatusChanged", parent: event)
            values.append(value as? String)
        }
        XCTAssertEqual(values, ["ACTIVE", "SOLD_OUT"], "each event is the field's value, as its raw value")

        let updates = try await subscribe(executable, "listingUpdated")
        var listings: [MarketListing] = []
        for try await event in updates {
            let value = try await executable.resolve("Subscription.listingUpdated", parent: event)
            listings.append(try XCTUnwrap(value as? MarketListing))
        }
        XCTAssertEqual(listings, [.sample])
    }

    func testAFieldResolverServesEachEvent() async throws {
        var resolvers = marketplaceResolvers()
        resolvers.field("Subscription.listingUpdated") { (listing: MarketListing) in
            var renamed = listing
            renamed.title = "Updated: " + listing.title
            return renamed
        }
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
        let value = try await executable.resolve("Subscription.listingUpdated", parent: MarketListing.sample)
        XCTAssertEqual((value as? MarketListing)?.title, "Updated: Wheel-thrown mug")
    }

    func testArgumentsReachTheSourceAndErrorsEndTheStream() async throws {
        struct SourceFailed: Error, CustomStringConvertible { var description: String { "feed closed" } }
        var resolvers = marketplaceResolvers()
        resolvers.registrations.subscriptions.removeAll { $0.coordinate.text == "Subscription.listingStatusChanged" }
        resolvers.subscription("Subscription.listingStatusChanged") { (args: ListingIDArgs, context: TestContext) in
            let status = context.listings[args.listingID]?.status
            return AsyncThrowingStream<ListingStatus, any Error> { continuation in
                if let status { continuation.yield(status) }
                continuation.finish(throwing: SourceFailed())
            }
        }
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
        let stream = try await subscribe(
            executable, "listingStatusChanged",
            try executable.arguments("Subscription.listingStatusChanged", #"(listingID: "l1")"#))
        var events: [ListingStatus] = []
        do {
            for try await event in stream { events.append(try XCTUnwrap(event as? ListingStatus)) }
            XCTFail("the stream ended without the source's error")
        } catch {
            XCTAssertEqual(String(describing: error), "feed closed")
        }
        XCTAssertEqual(events, [.active])
    }

    func testCancellingTheSubscriberStopsTheSource() async throws {
        let terminated = expectation(description: "the source was terminated")
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: endlessStatusFeed(terminated))
        let stream = try await subscribe(executable, "listingStatusChanged", InputFields([("listingID", "l1")]))
        let firstEvent = expectation(description: "an event arrived")
        let consumer = Task {
            for try await _ in stream { firstEvent.fulfill() }
        }
        await fulfillment(of: [firstEvent], timeout: 5)
        consumer.cancel()
        await fulfillment(of: [terminated], timeout: 5)
        let outcome = await consumer.result
        XCTAssertNoThrow(try outcome.get(), "a cancelled subscription ends quietly")
    }

    func testDroppingTheStreamStopsTheSource() async throws {
        let terminated = expectation(description: "the source was terminated")
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: endlessStatusFeed(terminated))
        var stream: AsyncThrowingStream<any Sendable, any Error>? = try await subscribe(
            executable, "listingStatusChanged", InputFields([("listingID", "l1")]))
        var iterator = stream?.makeAsyncIterator()
        let first = try await iterator?.next()
        XCTAssertEqual(first as? ListingStatus, .active)
        iterator = nil
        stream = nil
        await fulfillment(of: [terminated], timeout: 5)
    }

    /// A status feed that yields one event, then waits for ever, and reports its termination.
    private func endlessStatusFeed(_ terminated: XCTestExpectation) -> SchemaResolvers<TestContext> {
        var resolvers = marketplaceResolvers()
        resolvers.registrations.subscriptions.removeAll { $0.coordinate.text == "Subscription.listingStatusChanged" }
        resolvers.subscription("Subscription.listingStatusChanged") { (_: ListingIDArgs, _: TestContext) in
            AsyncStream<ListingStatus> { continuation in
                continuation.onTermination = { _ in terminated.fulfill() }
                continuation.yield(.active)
            }
        }
        return resolvers
    }
}
