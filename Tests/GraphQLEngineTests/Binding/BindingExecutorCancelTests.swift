import Foundation
import XCTest

@testable import GraphQLEngine

final class BindingExecutorCancelE2ETests: XCTestCase {
    func testCancellingTheResponseStreamStopsTheSource() async throws {
        let terminated = expectation(description: "terminated")
        var resolvers = marketplaceResolvers()
        resolvers.registrations.subscriptions.removeAll { $0.coordinate.text == "Subscription.listingStatusChanged" }
        resolvers.subscription("Subscription.listingStatusChanged") { (_: ListingIDArgs, _: TestContext) in
            AsyncStream<ListingStatus> { continuation in
                continuation.onTermination = { _ in terminated.fulfill() }
                continuation.yield(.active)
            }
        }
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
        let document = try parse(#"subscription { listingStatusChanged(listingID: "l1") }"#)
        guard case .stream(let stream) = await subscribe(schema: executable, document: document, context: TestContext()) else {
            return XCTFail("no stream")
        }
        let first = expectation(description: "first")
        let consumer = Task { for try await _ in stream { first.fulfill() } }
        await fulfillment(of: [first], timeout: 5)
        consumer.cancel()
        await fulfillment(of: [terminated], timeout: 5)
    }
}
