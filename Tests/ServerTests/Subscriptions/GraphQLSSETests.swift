import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
@testable import Server

/// GraphQL over SSE (graphql-sse's distinct connections mode) on `POST /graphql`, read
/// off a plain socket as the events arrive.
final class GraphQLSSETests: XCTestCase {
    static func next(_ json: String) -> String { "event: next\ndata: \(json)\n\n" }
    static let complete = "event: complete\ndata:\n\n"

    func testSubscriptionStreamsNextEventsThenCompleteAndEnds() async throws {
        let probe = SourceProbe()
        try await withSubscriptionServer(probe: probe) { port in
            let sse = try RawHTTPStream(port: port, body: #"{"query":"subscription { count(to: 3) }"}"#)
            let ended = await sse.waitForEnd()
            XCTAssertTrue(ended, sse.body)
            XCTAssertTrue(sse.head.hasPrefix("HTTP/1.1 200"), sse.head)
            XCTAssertTrue(sse.head.lowercased().contains("content-type: text/event-stream; charset=utf-8"), sse.head)
            XCTAssertEqual(sse.body, Self.next(#"{"data":{"count":1}}"#) + Self.next(#"{"data":{"count":2}}"#)
                + Self.next(#"{"data":{"count":3}}"#) + Self.complete)
            sse.close()
        }
    }

    func testQueriesAndMutationsAreOneEvent() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            for (query, data) in [("{ hello }", #"{"data":{"hello":"world"}}"#), ("mutation { bump }", #"{"data":{"bump":1}}"#)] {
                let sse = try RawHTTPStream(port: port, body: #"{"query":"\#(query)"}"#)
                let ended = await sse.waitForEnd()
                XCTAssertTrue(ended)
                XCTAssertEqual(sse.body, Self.next(data) + Self.complete)
                sse.close()
            }
        }
    }

    func testGraphQLRequestErrorsAreEventsAndMalformedRequestsAre400() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            for (body, code) in [
                (#"{"query":"subscription {"}"#, "GRAPHQL_PARSE_FAILED"),
                (#"{"query":"subscription { nope }"}"#, "GRAPHQL_VALIDATION_FAILED"),
                (#"{"query":"subscription($n: Int!) { count(to: $n) }"}"#, "BAD_USER_INPUT"),
            ] {
                let sse = try RawHTTPStream(port: port, body: body)
                let ended = await sse.waitForEnd()
                XCTAssertTrue(ended)
                XCTAssertTrue(sse.head.hasPrefix("HTTP/1.1 200"), sse.head)
                XCTAssertTrue(sse.body.hasPrefix(#"event: next\#ndata: {"errors":[{"message":"#), sse.body)
                XCTAssertTrue(sse.body.contains(#""code":"\#(code)""#), sse.body)
                XCTAssertFalse(sse.body.contains(#""data":"#), sse.body)
                XCTAssertTrue(sse.body.hasSuffix(Self.complete), sse.body)
                sse.close()
            }
            for body in [#"{"query": 1}"#, #"{"variables":{}}"#, "nope"] {
                let sse = try RawHTTPStream(port: port, body: body)
                let answered = await sse.waitFor(#"{"errors":[{"message":"#)
                XCTAssertTrue(answered, sse.body)
                XCTAssertTrue(sse.head.hasPrefix("HTTP/1.1 400"), sse.head)
                XCTAssertTrue(sse.head.lowercased().contains("content-type: application/json"), sse.head)
                sse.close()
            }
        }
    }

    func testSourceErrorIsANextWithErrorsThenComplete() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            let sse = try RawHTTPStream(port: port, body: #"{"query":"subscription { failing }"}"#)
            let ended = await sse.waitForEnd()
            XCTAssertTrue(ended)
            XCTAssertEqual(sse.body, Self.next(#"{"data":{"failing":1}}"#)
                + Self.next(#"{"errors":[{"message":"the source broke","extensions":{"code":"SOURCE_BROKE"}}]}"#)
                + Self.complete)
            sse.close()
        }
    }

    func testClientDisconnectCancelsTheSource() async throws {
        let probe = SourceProbe()
        // Keep-alives far off: the disconnect must be noticed without a write.
        var subscriptions = SubscriptionSettings()
        subscriptions.keepAliveInterval = .seconds(60)
        let registry = SubscriptionRegistry(settings: subscriptions)
        try await withSubscriptionServer(probe: probe, registry: registry) { port in
            let sse = try RawHTTPStream(port: port, body: #"{"query":"subscription { endless }"}"#)
            let first = await sse.waitFor(Self.next(#"{"data":{"endless":1}}"#))
            XCTAssertTrue(first, sse.body)
            XCTAssertEqual(probe.terminated, 0)
            XCTAssertEqual(registry.activeSubscriptions, 1)
            sse.close()
            let terminated = await eventually { probe.terminated == 1 }
            XCTAssertTrue(terminated, "the source's onTermination ran")
            let counted = await eventually { registry.activeSubscriptions == 0 && registry.openConnections == 0 }
            XCTAssertTrue(counted, "the stream is no longer counted")
        }
    }

    func testKeepAliveComments() async throws {
        var subscriptions = SubscriptionSettings()
        subscriptions.keepAliveInterval = .milliseconds(100)
        try await withSubscriptionServer(probe: SourceProbe(), subscriptions: subscriptions) { port in
            let sse = try RawHTTPStream(port: port, body: #"{"query":"subscription { endless }"}"#)
            let kept = await sse.waitFor(Self.next(#"{"data":{"endless":1}}"#) + ":\n\n:\n\n")
            XCTAssertTrue(kept, sse.body)
            sse.close()
        }
    }

    /// HummingbirdTesting's router mode has no connection behind the request: the stream
    /// runs without watching it (Hummingbird would trap).
    func testRouterModeStreamsWithoutAConnection() async throws {
        let app = try buildApplication(
            configuration: try TestSettings.configuration(), logger: TestSettings.logger,
            graphQL: try SubscriptionTestSchema.service(probe: SourceProbe()))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/graphql", method: .post,
                headers: [.accept: "text/event-stream", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"query":"subscription { count(to: 2) }"}"#)
            ) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(String(buffer: response.body),
                    Self.next(#"{"data":{"count":1}}"#) + Self.next(#"{"data":{"count":2}}"#) + Self.complete)
            }
        }
    }
}
