import Foundation
import XCTest
@testable import GraphQLEngine

/// `subscribe`: a stream of responses per source event, errors before the stream as one
/// response, and cancellation reaching the source.
final class SubscribeTests: XCTestCase {
    struct Event { let id: Int; let status: String }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    func executable(events: Int?, terminated: Flag = Flag()) throws -> ExecutableSchema {
        let schema = try buildSchema("""
            type Query { a: Int }
            type Subscription { orderStatus(orderID: ID!): Order! }
            type Order { id: ID! status: String! boom: Int! }
            """)
        return ExecutableSchema(
            schema: schema,
            resolvers: [
                "Subscription": ["orderStatus": .sync { event, _, _, _ in event }],
                "Order": [
                    "id": .sync { e, _, _, _ in String((e as! Event).id) },
                    "status": .sync { e, _, _, _ in (e as! Event).status },
                    "boom": .sync { _, _, _, _ in throw GraphQLError(message: "no boom") },
                ],
            ],
            subscribers: [
                "orderStatus": { _, args, _, _ in
                    guard args["orderID"]?.stringValue == "7" else {
                        throw GraphQLError(message: "Order not found", extensions: ["code": .string("NOT_FOUND")])
                    }
                    return AsyncThrowingStream { continuation in
                        continuation.onTermination = { _ in terminated.set() }
                        if let events {
                            for (i, status) in ["PAID", "SHIPPED", "DELIVERED"].prefix(events).enumerated() {
                                continuation.yield(Event(id: i, status: status))
                            }
                            continuation.finish()
                        }
                        // events == nil: an endless source, never finishing by itself.
                    }
                }
            ])
    }

    func testEachEventIsExecutedAsAResponse() async throws {
        let result = await subscribe(
            schema: try executable(events: 3),
            document: try parse(#"subscription { orderStatus(orderID: "7") { id status } }"#))
        guard case .stream(let stream) = result else { return XCTFail("expected a stream") }
        var responses: [String] = []
        for try await response in stream { responses.append(String(decoding: response.json(), as: UTF8.self)) }
        XCTAssertEqual(responses, [
            #"{"data":{"orderStatus":{"id":"0","status":"PAID"}}}"#,
            #"{"data":{"orderStatus":{"id":"1","status":"SHIPPED"}}}"#,
            #"{"data":{"orderStatus":{"id":"2","status":"DELIVERED"}}}"#,
        ])
    }

    func testFieldErrorsOfAnEventAreInItsResponse() async throws {
        let result = await subscribe(
            schema: try executable(events: 1),
            document: try parse(#"subscription { orderStatus(orderID: "7") { id boom } }"#))
        guard case .stream(let stream) = result else { return XCTFail("expected a stream") }
        var responses: [String] = []
        for try await response in stream { responses.append(String(decoding: response.json(), as: UTF8.self)) }
        XCTAssertEqual(responses, [
            #"{"errors":[{"message":"no boom","locations":[{"line":1,"column":47}],"path":["orderStatus","boom"]}],"data":null}"#
        ])
    }

    func testAnErrorBeforeTheStreamIsOneResponse() async throws {
        let result = await subscribe(
            schema: try executable(events: 3),
            document: try parse(#"subscription { orderStatus(orderID: "8") { id } }"#))
        guard case .response(let response) = result else { return XCTFail("expected a response") }
        XCTAssertEqual(
            String(decoding: response.json(), as: UTF8.self),
            #"{"errors":[{"message":"Order not found","locations":[{"line":1,"column":16}],"path":["orderStatus"],"extensions":{"code":"NOT_FOUND"}}]}"#)
        let missing = await subscribe(
            schema: try executable(events: 3), document: try parse("subscription($id: ID!) { orderStatus(orderID: $id) { id } }"))
        guard case .response(let r) = missing else { return XCTFail("expected a response") }
        XCTAssertEqual(
            String(decoding: r.json(), as: UTF8.self),
            #"{"errors":[{"message":"Variable \"$id\" of required type \"ID!\" was not provided.","locations":[{"line":1,"column":14}]}]}"#)
    }

    func testCancellingTheConsumerTerminatesTheSource() async throws {
        let terminated = Flag()
        let result = await subscribe(
            schema: try executable(events: nil, terminated: terminated),
            document: try parse(#"subscription { orderStatus(orderID: "7") { id } }"#))
        guard case .stream(let stream) = result else { return XCTFail("expected a stream") }
        let consumer = Task {
            for try await _ in stream {}
        }
        try await Task.sleep(nanoseconds: 20_000_000)
        XCTAssertFalse(terminated.isSet)
        consumer.cancel()
        _ = await consumer.result
        for _ in 0..<100 where !terminated.isSet { try await Task.sleep(nanoseconds: 5_000_000) }
        XCTAssertTrue(terminated.isSet, "the source stream was not terminated")
    }
}
