import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Resolvers
import XCTest

@testable import Server

/// Two server instances on different ports against one database: watchers on one instance
/// (Python's gql over graphql-transport-ws, httpx-sse over SSE) see an order go from
/// AWAITING_PAYMENT to PAID, IN_PROGRESS and COMPLETED while every change goes through the
/// other, once each and in order.
final class OrderSubscriptionAcrossInstancesTests: XCTestCase {
    func testWatchersOnOneInstanceSeeChangesMadeThroughAnother() async throws {
        var configuration = try TestSettings.configuration()
        configuration.accounts.bcryptCost = 4
        try await withScratchDatabase(configuration.databaseURL) { database in
            let servicesA = await makeMarketplaceServices(configuration: configuration, database: database, logger: TestSettings.logger)
            // The other instance: its own pool, hub and server.
            let databaseB = try Database(url: database.url, maximumConnections: 4, logger: TestSettings.logger)
            let servicesB = await makeMarketplaceServices(configuration: configuration, database: databaseB, logger: TestSettings.logger)
            let appA = try await Self.instance(configuration, database, servicesA)
            let appB = try await Self.instance(configuration, databaseB, servicesB)
            try await appA.test(.live) { clientA in
                try await appB.test(.live) { clientB in
                    let portA = try XCTUnwrap(clientA.port)
                    func gql(_ query: String, _ token: String? = nil) async throws -> [String: Any] {
                        try await AccountsEndToEndTests.graphQL(clientB, query, token: token)
                    }
                    func value(_ json: [String: Any], _ path: String) -> Any? { AccountsEndToEndTests.value(json, path) }

                    // Through B: an offline seller's lesson, a buyer's order awaiting payment.
                    let sellerRegistered = try await gql("""
                        mutation { register(input: {email: "seller@example.com", password: "sells things 1", firstName: "Sal", lastName: "Ler"}) { accessToken } }
                        """)
                    let seller = try XCTUnwrap(value(sellerRegistered, "data.register.accessToken") as? String)
                    _ = try await gql(#"mutation { becomeProvider(input: { businessName: "Lessons", paymentMode: OFFLINE }) { provider { id } } }"#, seller)
                    let created = try await gql("""
                        mutation { createListing(input: { kind: SERVICE, title: "Guitar lesson", category: "Music", priceCents: 5000 }) { listing { id } errors { code } } }
                        """, seller)
                    let lesson = try XCTUnwrap(value(created, "data.createListing.listing.id") as? String, "\(created)")
                    _ = try await gql(#"mutation { publishListing(id: "\#(lesson)") { listing { status } } }"#, seller)
                    let buyerRegistered = try await gql("""
                        mutation { register(input: {email: "buyer@example.com", password: "buys things 1", firstName: "Bu", lastName: "Yer"}) { accessToken } }
                        """)
                    let buyer = try XCTUnwrap(value(buyerRegistered, "data.register.accessToken") as? String)
                    _ = try await gql(#"mutation { addToCart(listingId: "\#(lesson)") { cart { totalQuantity } } }"#, buyer)
                    let checkout = try await gql("""
                        mutation { checkout(input: { successUrl: "https://shop.test/thanks", cancelUrl: "https://shop.test/cart" }) {
                          order { id status items { id } invoices { id } } errors { code } } }
                        """, buyer)
                    XCTAssertEqual(value(checkout, "data.checkout.order.status") as? String, "AWAITING_PAYMENT", "\(checkout)")
                    let order = try XCTUnwrap(value(checkout, "data.checkout.order.id") as? String)
                    let item = try XCTUnwrap((value(checkout, "data.checkout.order.items") as? [[String: Any]])?.first?["id"] as? String)
                    let invoice = try XCTUnwrap((value(checkout, "data.checkout.order.invoices") as? [[String: Any]])?.first?["id"] as? String)

                    // Watchers on A: the buyer over WebSocket, the seller over SSE.
                    try await BuyerJourneyTests.waitUntil { servicesA.events.isListening }
                    let metrics = try await clientA.execute(uri: "/metrics", method: .get) { String(buffer: $0.body) }
                    XCTAssertTrue(metrics.contains("\nevents_notifications_listening 1"), metrics)
                    let overWebSocket = try Watcher(["ws", "ws://127.0.0.1:\(portA)/graphql", buyer, order, "3"])
                    let overSSE = try Watcher(["sse", "http://127.0.0.1:\(portA)/graphql", seller, order, "3"])
                    try await BuyerJourneyTests.waitUntil { await servicesA.events.subscriberCount == 2 }

                    // Through B: paid by hand, started, completed.
                    let paid = try await gql(#"mutation { markInvoicePaid(id: "\#(invoice)", method: CASH) { errors { code } } }"#, seller)
                    XCTAssertEqual((value(paid, "data.markInvoicePaid.errors") as? [Any])?.count, 0, "\(paid)")
                    _ = try await gql(#"mutation { startOrderItem(id: "\#(item)") { errors { code } } }"#, seller)
                    _ = try await gql(#"mutation { completeOrderItem(id: "\#(item)") { errors { code } } }"#, seller)

                    let expected = ["PAID", "IN_PROGRESS", "COMPLETED"].map { #"{"status": "\#($0)"}"# }
                    let webSocketLines = try await overWebSocket.lines()
                    XCTAssertEqual(webSocketLines, expected)
                    let sseLines = try await overSSE.lines()
                    XCTAssertEqual(sseLines, expected)

                    // A client without a socket polls `order(id)` (README), on either instance.
                    let polled = try await AccountsEndToEndTests.graphQL(clientA, #"{ order(id: "\#(order)") { status } }"#, token: buyer)
                    XCTAssertEqual(value(polled, "data.order.status") as? String, "COMPLETED")
                }
            }
        }
    }

    static func instance(
        _ configuration: AppConfiguration, _ database: Database, _ services: MarketplaceServices
    ) async throws -> some ApplicationProtocol {
        let service = try await makeGraphQLService(
            configuration: configuration, database: database, metrics: ServerMetrics(), logger: TestSettings.logger,
            schemaPath: BuyerJourneyTests.root.appendingPathComponent("schema.graphql").path, services: services)
        return try buildApplication(
            configuration: configuration, logger: TestSettings.logger, graphQL: try XCTUnwrap(service), database: database,
            events: services.events)
    }

    /// `order_watcher.py` running in the background.
    final class Watcher: @unchecked Sendable {
        // @unchecked: the process is only touched by `init` and then `lines()`.
        let process = Process()
        let output: Task<Data, Never>
        let errors: Task<Data, Never>

        init(_ arguments: [String]) throws {
            guard FileManager.default.isExecutableFile(atPath: GraphQLRealClientTests.python.path) else {
                XCTFail("No Python at \(GraphQLRealClientTests.python.path): run scripts/install.sh")
                throw CancellationError()
            }
            process.executableURL = GraphQLRealClientTests.python
            process.arguments = [GraphQLRealClientTests.clients.appendingPathComponent("order_watcher.py").path] + arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            output = Task.detached { out.fileHandleForReading.readDataToEndOfFile() }
            errors = Task.detached { err.fileHandleForReading.readDataToEndOfFile() }
            try process.run()
        }

        /// Its output lines, once it exits (successfully, or the test fails).
        func lines() async throws -> [String] {
            let out = String(decoding: await output.value, as: UTF8.self)
            let err = String(decoding: await errors.value, as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "order_watcher.py failed:\n\(err)\n\(out)")
            return out.split(separator: "\n").map(String.init)
        }
    }
}
