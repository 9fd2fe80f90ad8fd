import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// `orderStatusChanged` and `messageAdded` through the engine's `subscribe`, with the event
/// hub listening on the test database: who may subscribe, each change once and in order,
/// authorization again for every event, and catching up by polling when the notification
/// connection is cut.
final class SubscriptionTests: XCTestCase {
    static let orderStatus = "subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status number } }"
    static let messages = "subscription($id: ID!) { messageAdded(threadId: $id) { body sender { id } thread { id } } }"

    func testOrderStatusChangesReachTheBuyerAndTheProviderInOrder() async throws {
        try await GraphQLHarness.with { h in
            try await h.withEventHub { hub in
                let o = try await Self.offlineOrder(h)
                let buyerStream = try await h.subscription(Self.orderStatus, ["id": .string(o.order)], token: o.buyer.token)
                let providerStream = try await h.subscription(Self.orderStatus, ["id": .string(o.order)], token: o.ada.token)
                // Strangers and anonymous callers get nothing.
                let stranger = try await h.account("stranger@example.com")
                let refused = try await h.subscribeResponse(Self.orderStatus, ["id": .string(o.order)], token: stranger.token)
                XCTAssertEqual(refused.map(Self.codes), "NOT_FOUND")
                let anonymous = try await h.subscribeResponse(Self.orderStatus, ["id": .string(o.order)], token: nil)
                XCTAssertEqual(anonymous.map(Self.codes), "UNAUTHENTICATED")

                try await Self.payStartAndComplete(h, o)
                let seen = try await Self.collect(buyerStream, 3)
                XCTAssertEqual(seen.map { $0["status"] as? String }, ["PAID", "IN_PROGRESS", "COMPLETED"])
                XCTAssertEqual(seen.first?["id"] as? String, o.order)
                let providerSeen = try await Self.collect(providerStream, 3)
                XCTAssertEqual(providerSeen.map { $0["status"] as? String }, ["PAID", "IN_PROGRESS", "COMPLETED"])
                let subscribers = await hub.subscriberCount
                XCTAssertEqual(subscribers, 2)
            }
        }
    }

    /// Payment delivers a digital file: the order is COMPLETED at once, after PAID.
    func testADigitalOrderCompletesWhenPaid() async throws {
        try await GraphQLHarness.with { h in
            try await h.withEventHub { _ in
                let ada = try await h.account("ada@example.com", provider: "Ada's Books")
                let file = try await h.upload(minimalPDF, purpose: "LISTING_FILE", contentType: "application/pdf", token: ada.token)
                let book = try await h.publishedListing(
                    "DIGITAL", title: "Chord book", ["fileKey": .string(file), "priceCents": 1500], token: ada.token)
                let buyer = try await h.account("buyer@example.com")
                let (order, _) = try await h.freeOrder(of: book, buyer: buyer)
                let invoices = try await h.run("query($id: ID!) { order(id: $id) { invoices { id } } }", ["id": .string(order)],
                                               token: buyer.token)
                let stream = try await h.subscription(Self.orderStatus, ["id": .string(order)], token: buyer.token)
                let paid = try await h.run("mutation($id: ID!) { markInvoicePaid(id: $id, method: CASH) { errors { code } } }",
                                           ["id": .string(try XCTUnwrap(invoices.string("data.order.invoices.0.id")))],
                                           token: ada.token)
                XCTAssertEqual(paid.errorCodes("data.markInvoicePaid.errors"), [])
                let seen = try await Self.collect(stream, 2)
                XCTAssertEqual(seen.map { $0["status"] as? String }, ["PAID", "COMPLETED"])
                let now = try await h.run("query($id: ID!) { order(id: $id) { status items { status downloadUrl } } }",
                                          ["id": .string(order)], token: buyer.token)
                XCTAssertEqual(now.string("data.order.status"), "COMPLETED")
                XCTAssertEqual(now.string("data.order.items.0.status"), "COMPLETED")
                XCTAssertNotNil(now["data.order.items.0.downloadUrl"])
            }
        }
    }

    func testASubscriptionEndsWhenItsSessionEnds() async throws {
        try await GraphQLHarness.with { h in
            try await h.withEventHub { _ in
                let o = try await Self.offlineOrder(h)
                let stream = try await h.subscription(Self.orderStatus, ["id": .string(o.order)], token: o.buyer.token)
                _ = try await h.run("mutation { logout { success } }", token: o.buyer.token)
                try await Self.payStartAndComplete(h, o, steps: 1)
                do {
                    let seen = try await Self.collect(stream, 1)
                    XCTFail("an event after the session ended: \(seen)")
                } catch let error as GraphQLError {
                    XCTAssertEqual(error.extensions?["code"], .string("UNAUTHENTICATED"))
                }
            }
        }
    }

    /// The notification connection is cut: changes still arrive (by polling), once each and
    /// in order, while it is down and after it is back.
    func testPollingCatchesUpWhileTheNotificationConnectionIsDown() async throws {
        let settings = EventHub.Settings(pollInterval: .milliseconds(100), reconnectDelay: .seconds(4))
        try await GraphQLHarness.with(events: settings) { h in
            try await h.withEventHub { hub in
                let o = try await Self.offlineOrder(h)
                let stream = try await h.subscription(Self.orderStatus, ["id": .string(o.order)], token: o.buyer.token)
                let cut = try await h.sql("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE application_name = \(EventHub.applicationName) AND datname = current_database()
                    """)
                XCTAssertEqual(cut.count, 1, "the hub's notification connection")
                try await Self.waitUntil { !hub.isListening }
                var statuses: [String?] = []
                try await Self.payStartAndComplete(h, o, steps: 2)
                let reader = Reader(stream)
                for _ in 0..<2 { statuses.append(try await Self.next(reader)?["status"] as? String) }
                let listening = hub.isListening
                XCTAssertFalse(listening, "delivered by polling")
                XCTAssertEqual(statuses, ["PAID", "IN_PROGRESS"])

                try await Self.waitUntil(seconds: 10) { hub.isListening }
                try await Self.complete(h, o)
                statuses.append(try await Self.next(reader)?["status"] as? String)
                XCTAssertEqual(statuses, ["PAID", "IN_PROGRESS", "COMPLETED"])
                // Nothing twice: the slow poll after reconnecting finds only what was handed out.
                let more = try await Self.next(reader, timeout: .milliseconds(1200))
                XCTAssertNil(more)
            }
        }
    }

    func testMessagesReachTheOtherParticipant() async throws {
        try await GraphQLHarness.with { h in
            try await h.withEventHub { _ in
                let ada = try await h.account("ada@example.com", provider: "Ada's Music")
                let me = try await h.run("{ me { id provider { id } } }", token: ada.token)
                let buyer = try await h.account("buyer@example.com")
                let started = try await h.run(MessagingTests.start, [
                    "input": ["providerId": .string(try XCTUnwrap(me.string("data.me.provider.id"))), "body": "Hello"],
                ], token: buyer.token)
                let thread = try XCTUnwrap(started.string("data.startThread.thread.id"))
                let stream = try await h.subscription(Self.messages, ["id": .string(thread)], token: ada.token)
                let stranger = try await h.account("stranger@example.com")
                let refused = try await h.subscribeResponse(Self.messages, ["id": .string(thread)], token: stranger.token)
                XCTAssertEqual(refused.map(Self.codes), "NOT_FOUND")
                for n in 1...3 {
                    _ = try await h.run(MessagingTests.send, ["id": .string(thread), "body": .string("Question \(n)")], token: buyer.token)
                }
                _ = try await h.run(MessagingTests.send, ["id": .string(thread), "body": "Answer"], token: ada.token)
                let seen = try await Self.collect(stream, 4)
                XCTAssertEqual(seen.map { $0["body"] as? String }, ["Question 1", "Question 2", "Question 3", "Answer"])
                XCTAssertEqual((seen.last?["sender"] as? [String: Any])?["id"] as? String, me.string("data.me.id"))
            }
        }
    }

    // MARK: Support

    struct Order {
        var buyer: GraphQLHarness.Account
        var ada: GraphQLHarness.Account
        var order: String
        var item: String
        var invoice: String
    }

    /// An order of an offline provider's listing, awaiting payment (its invoice is marked paid by hand).
    static func offlineOrder(_ h: GraphQLHarness) async throws -> Order {
        let ada = try await h.account("ada@example.com", provider: "Ada's Music")
        let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 5000], token: ada.token)
        let buyer = try await h.account("buyer@example.com")
        let (order, item) = try await h.freeOrder(of: lesson, buyer: buyer)
        let invoices = try await h.run("query($id: ID!) { order(id: $id) { status invoices { id } } }", ["id": .string(order)],
                                       token: buyer.token)
        XCTAssertEqual(invoices.string("data.order.status"), "AWAITING_PAYMENT")
        return Order(buyer: buyer, ada: ada, order: order, item: item,
                     invoice: try XCTUnwrap(invoices.string("data.order.invoices.0.id")))
    }

    /// Marks the invoice paid, starts the item, completes it: the first `steps` of those.
    static func payStartAndComplete(_ h: GraphQLHarness, _ o: Order, steps: Int = 3) async throws {
        let paid = try await h.run("mutation($id: ID!) { markInvoicePaid(id: $id, method: CASH) { errors { code } } }",
                                   ["id": .string(o.invoice)], token: o.ada.token)
        XCTAssertEqual(paid.errorCodes("data.markInvoicePaid.errors"), [])
        guard steps > 1 else { return }
        let started = try await h.run("mutation($id: ID!) { startOrderItem(id: $id) { errors { code } } }",
                                      ["id": .string(o.item)], token: o.ada.token)
        XCTAssertEqual(started.errorCodes("data.startOrderItem.errors"), [])
        guard steps > 2 else { return }
        try await complete(h, o)
    }

    static func complete(_ h: GraphQLHarness, _ o: Order) async throws {
        let done = try await h.run("mutation($id: ID!) { completeOrderItem(id: $id) { errors { code } } }",
                                   ["id": .string(o.item)], token: o.ada.token)
        XCTAssertEqual(done.errorCodes("data.completeOrderItem.errors"), [])
    }

    static func codes(_ result: ExecutionResult) -> String {
        result.errors.compactMap { error -> String? in
            if case .string(let code)? = error.extensions?["code"] { code } else { nil }
        }.joined(separator: ",")
    }

    /// Reads one subscription's responses (one reader at a time).
    final class Reader: @unchecked Sendable {
        // @unchecked: `next()` is only awaited by one task at a time.
        private var iterator: AsyncThrowingStream<ExecutionResult, any Error>.Iterator
        init(_ stream: AsyncThrowingStream<ExecutionResult, any Error>) { iterator = stream.makeAsyncIterator() }
        func next() async throws -> ExecutionResult? { try await iterator.next() }
    }

    /// The subscription field's value of the next response (failing on errors), nil when the
    /// stream ends or nothing comes within `timeout` (which ends the stream).
    static func next(_ reader: Reader, timeout: Duration = .seconds(10)) async throws -> [String: Any]? {
        let result = try await withThrowingTaskGroup(of: ExecutionResult?.self) { group in
            group.addTask { try await reader.next() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let result else { return nil }
        XCTAssertEqual(result.errors.map(\.message), [])
        let json = try JSONSerialization.jsonObject(with: Data(result.json())) as? [String: Any]
        let data = json?["data"] as? [String: Any]
        return data?.values.first as? [String: Any]
    }

    /// The first `count` events' values, failing after 10 seconds.
    static func collect(_ stream: AsyncThrowingStream<ExecutionResult, any Error>, _ count: Int) async throws -> [[String: Any]] {
        let reader = Reader(stream)
        var values: [[String: Any]] = []
        for _ in 0..<count {
            guard let value = try await next(reader) else {
                XCTFail("only \(values.count) of \(count) events came")
                break
            }
            values.append(value)
        }
        return values
    }

    static func waitUntil(seconds: Double = 5, _ condition: () async -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !(await condition()) {
            guard Date() < deadline else {
                XCTFail("timed out")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

extension GraphQLHarness {
    /// Runs the services' event hub for `body`, once it listens.
    func withEventHub<T: Sendable>(_ body: (EventHub) async throws -> T) async throws -> T {
        let hub = services.events
        let running = Task { await hub.run() }
        defer { running.cancel() }
        try await SubscriptionTests.waitUntil { hub.isListening }
        return try await body(hub)
    }

    /// Subscribes as the server does (a context from the bearer token); the response when
    /// the subscription was refused.
    func subscribeResponse(_ query: String, _ variables: [String: InputValue], token: String?) async throws -> ExecutionResult? {
        switch try await subscribe(query, variables, token: token) {
        case .response(let result): result
        case .stream: nil
        }
    }

    /// The stream of a subscription that must start.
    func subscription(
        _ query: String, _ variables: [String: InputValue], token: String?
    ) async throws -> AsyncThrowingStream<ExecutionResult, any Error> {
        switch try await subscribe(query, variables, token: token) {
        case .stream(let stream): return stream
        case .response(let result):
            XCTFail("refused: \(result.errors.map(\.message))")
            throw CancellationError()
        }
    }

    private func subscribe(_ query: String, _ variables: [String: InputValue], token: String?) async throws -> SubscriptionResult {
        let context: Context
        do {
            context = try await factory.makeContext(bearerToken: token, requestID: "subscription", scope: BatchScope())
        } catch let error as GraphQLError {
            return .response(ExecutionResult.requestError(error))
        }
        return await GraphQLEngine.subscribe(
            schema: executable, document: try parse(query), variableValues: variables, context: context)
    }
}
