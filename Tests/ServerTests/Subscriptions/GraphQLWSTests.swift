import Foundation
import GraphQLEngine
import HummingbirdWSClient
import XCTest
@testable import Server

/// graphql-transport-ws at `/graphql`, rule by rule of graphql-ws's PROTOCOL.md, with a
/// WebSocket client over a real socket.
final class GraphQLWSTests: XCTestCase {
    static let initMessage = #"{"type":"connection_init"}"#

    /// A socket past `connection_ack`.
    static func acknowledged(_ port: Int, payload: String = "{}") async throws -> TestWebSocket {
        let ws = TestWebSocket(port: port)
        ws.send(#"{"type":"connection_init","payload":\#(payload)}"#)
        let first = await ws.waitForMessages(1)
        XCTAssertEqual(first.first, #"{"type":"connection_ack"}"#)
        return ws
    }

    func testSubscriptionStreamsNextsThenComplete() async throws {
        let probe = SourceProbe()
        try await withSubscriptionServer(probe: probe) { port in
            let ws = try await Self.acknowledged(port)
            ws.send(#"{"id":"s1","type":"subscribe","payload":{"query":"subscription($n: Int!) { count(to: $n) }","variables":{"n":3}}}"#)
            let messages = await ws.waitForMessages(5)
            XCTAssertEqual(Array(messages.dropFirst()), [
                #"{"id":"s1","type":"next","payload":{"data":{"count":1}}}"#,
                #"{"id":"s1","type":"next","payload":{"data":{"count":2}}}"#,
                #"{"id":"s1","type":"next","payload":{"data":{"count":3}}}"#,
                #"{"id":"s1","type":"complete"}"#,
            ])
            // The id is free again once completed.
            ws.send(#"{"id":"s1","type":"subscribe","payload":{"query":"subscription { count(to: 1) }"}}"#)
            let again = await ws.waitForMessages(7)
            XCTAssertEqual(again.suffix(2), [
                #"{"id":"s1","type":"next","payload":{"data":{"count":1}}}"#, #"{"id":"s1","type":"complete"}"#,
            ])
            ws.close()
        }
    }

    func testQueriesAndMutationsAreOneNextThenComplete() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            let ws = try await Self.acknowledged(port)
            ws.send(#"{"id":"q","type":"subscribe","payload":{"query":"{ hello }","operationName":null,"variables":null,"extensions":null}}"#)
            await ws.waitForMessages(3)
            ws.send(#"{"id":"m","type":"subscribe","payload":{"query":"mutation M { bump }","operationName":"M"}}"#)
            let messages = await ws.waitForMessages(5)
            XCTAssertEqual(Array(messages.dropFirst()), [
                #"{"id":"q","type":"next","payload":{"data":{"hello":"world"}}}"#, #"{"id":"q","type":"complete"}"#,
                #"{"id":"m","type":"next","payload":{"data":{"bump":1}}}"#, #"{"id":"m","type":"complete"}"#,
            ])
            ws.close()
        }
    }

    func testRequestErrorsAreErrorMessagesAndTheSocketStaysOpen() async throws {
        var settings = GraphQLSettings()
        settings.limits = QueryLimits(maxRootFields: 1)
        try await withSubscriptionServer(probe: SourceProbe(), settings: settings) { port in
            let ws = try await Self.acknowledged(port)
            let cases: [(String, String)] = [
                (#""query":"subscription {""#, "GRAPHQL_PARSE_FAILED"),
                (#""query":"subscription { nope }""#, "GRAPHQL_VALIDATION_FAILED"),
                (#""query":"subscription($n: Int!) { count(to: $n) }","variables":{"n":"x"}"#, "BAD_USER_INPUT"),
                (#""query":"{ a: hello b: hello }""#, "QUERY_TOO_COMPLEX"),
                (#""query":"query A { hello } query B { hello }","operationName":"C""#, "BAD_USER_INPUT"),
            ]
            for (i, (payload, code)) in cases.enumerated() {
                ws.send(#"{"id":"e\#(i)","type":"subscribe","payload":{\#(payload)}}"#)
                let messages = await ws.waitForMessages(i + 2)
                let last = try XCTUnwrap(ws.objects.last, messages.joined(separator: "\n"))
                XCTAssertEqual(last["id"] as? String, "e\(i)")
                XCTAssertEqual(last["type"] as? String, "error")
                let errors = try XCTUnwrap(last["payload"] as? [[String: Any]])
                XCTAssertEqual((errors.first?["extensions"] as? [String: Any])?["code"] as? String, code, messages.last!)
            }
            // No `complete` after an `error`; the socket still works.
            ws.send(#"{"id":"ok","type":"subscribe","payload":{"query":"{ hello }"}}"#)
            let messages = await ws.waitForMessages(cases.count + 3)
            XCTAssertEqual(messages.suffix(2), [
                #"{"id":"ok","type":"next","payload":{"data":{"hello":"world"}}}"#, #"{"id":"ok","type":"complete"}"#,
            ])
            XCTAssertFalse(ws.isClosed)
            ws.close()
        }
    }

    func testSourceErrorEndsTheOperationWithError() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            let ws = try await Self.acknowledged(port)
            ws.send(#"{"id":"f","type":"subscribe","payload":{"query":"subscription { failing }"}}"#)
            let messages = await ws.waitForMessages(3)
            XCTAssertEqual(messages.dropFirst().first, #"{"id":"f","type":"next","payload":{"data":{"failing":1}}}"#)
            XCTAssertEqual(messages.last, #"{"id":"f","type":"error","payload":[{"message":"the source broke","extensions":{"code":"SOURCE_BROKE"}}]}"#)
            ws.close()
        }
    }

    func testClientCompleteStopsTheSubscriptionAndItsSource() async throws {
        let probe = SourceProbe()
        let registry = SubscriptionRegistry()
        try await withSubscriptionServer(probe: probe, registry: registry) { port in
            let ws = try await Self.acknowledged(port)
            ws.send(#"{"id":"e","type":"subscribe","payload":{"query":"subscription { endless }"}}"#)
            await ws.waitForMessages(2)
            XCTAssertEqual(probe.started, 1)
            XCTAssertEqual(probe.terminated, 0)
            XCTAssertEqual(registry.activeSubscriptions, 1)
            XCTAssertEqual(registry.openConnections, 1)
            ws.send(#"{"id":"e","type":"complete"}"#)
            let terminated = await eventually { probe.terminated == 1 }
            XCTAssertTrue(terminated, "the source's onTermination ran")
            let counted = await eventually { registry.activeSubscriptions == 0 }
            XCTAssertTrue(counted, "the subscription is no longer counted")
            // No `complete` back for a client's complete; the id can be used again.
            ws.send(#"{"id":"e","type":"subscribe","payload":{"query":"{ hello }"}}"#)
            let messages = await ws.waitForMessages(4)
            XCTAssertEqual(messages.suffix(2), [
                #"{"id":"e","type":"next","payload":{"data":{"hello":"world"}}}"#, #"{"id":"e","type":"complete"}"#,
            ])
            ws.close()
        }
    }

    func testClosingTheSocketCancelsItsSubscriptions() async throws {
        let probe = SourceProbe()
        try await withSubscriptionServer(probe: probe) { port in
            let ws = try await Self.acknowledged(port)
            ws.send(#"{"id":"a","type":"subscribe","payload":{"query":"subscription { endless }"}}"#)
            ws.send(#"{"id":"b","type":"subscribe","payload":{"query":"subscription { endless }"}}"#)
            await ws.waitForMessages(3)
            ws.close()
            let terminated = await eventually { probe.terminated == 2 }
            XCTAssertTrue(terminated, "both sources' onTermination ran (\(probe.terminated))")
        }
    }

    func testPingPong() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            // Ping is answered before and after the ack; a pong is ignored.
            let ws = TestWebSocket(port: port)
            ws.send(#"{"type":"ping","payload":{"n":1,"s":"x"}}"#)
            ws.send(#"{"type":"pong"}"#)
            ws.send(Self.initMessage)
            ws.send(#"{"type":"ping"}"#)
            let messages = await ws.waitForMessages(3)
            XCTAssertEqual(messages, [
                #"{"type":"pong","payload":{"n":1,"s":"x"}}"#, #"{"type":"connection_ack"}"#, #"{"type":"pong"}"#,
            ])
            ws.close()
        }
    }

    func testCloseCodes() async throws {
        var subscriptions = SubscriptionSettings()
        subscriptions.connectionInitTimeout = .milliseconds(300)
        try await withSubscriptionServer(probe: SourceProbe(), subscriptions: subscriptions) { port in
            func closed(after messages: [String], subprotocols: [String] = ["graphql-transport-ws"]) async -> (Int, String)? {
                let ws = TestWebSocket(port: port, subprotocols: subprotocols)
                for message in messages { ws.send(message) }
                let close = await ws.waitForClose()
                return close.map { ($0.code, $0.reason) }
            }
            let subscribe = #"{"id":"1","type":"subscribe","payload":{"query":"subscription { endless }"}}"#
            let expectations: [([String], [String], Int, String)] = [
                ([], ["graphql-transport-ws"], 4408, "Connection initialisation timeout"),
                ([Self.initMessage, Self.initMessage], ["graphql-transport-ws"], 4429, "Too many initialisation requests"),
                ([subscribe], ["graphql-transport-ws"], 4401, "Unauthorized"),
                ([Self.initMessage, subscribe, subscribe], ["graphql-transport-ws"], 4409, "Subscriber for 1 already exists"),
                (["not json"], ["graphql-transport-ws"], 4400, "Invalid message received: not JSON"),
                ([#"{"type":"hello"}"#], ["graphql-transport-ws"], 4400, "Unexpected message of type hello received"),
                ([#"{"type":"next","id":"1","payload":{}}"#], ["graphql-transport-ws"], 4400, "Unexpected message of type next received"),
                ([#"{"id":1}"#], ["graphql-transport-ws"], 4400, "Message is missing the 'type' property"),
                ([Self.initMessage, #"{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}"#], ["graphql-transport-ws"], 4400,
                 #""subscribe" message requires a non-empty 'id' property"#),
                ([Self.initMessage, #"{"type":"subscribe","id":"1","payload":{}}"#], ["graphql-transport-ws"], 4400,
                 #""subscribe" message expects the 'payload.query' property to be a string"#),
                ([#"{"type":"connection_init","payload":"x"}"#], ["graphql-transport-ws"], 4400,
                 #""connection_init" message expects the 'payload' property to be an object or nullish"#),
                ([#"{"type":"connection_init","payload":{"token":"forbidden"}}"#], ["graphql-transport-ws"], 4403, "Forbidden"),
                ([#"{"type":"connection_init","payload":{"Authorization":"Bearer broken"}}"#], ["graphql-transport-ws"], 4500,
                 "Internal server error"),
                ([Self.initMessage], ["graphql-ws"], 4406, "Subprotocol not acceptable"),
                ([Self.initMessage], [], 4406, "Subprotocol not acceptable"),
            ]
            for (messages, subprotocols, code, reason) in expectations {
                let close = await closed(after: messages, subprotocols: subprotocols)
                XCTAssertEqual(close?.0, code, "\(messages)")
                XCTAssertEqual(close?.1, reason, "\(messages)")
            }
        }
    }

    func testTokenFromConnectionInitReachesTheContext() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            for (payload, token) in [
                (#"{"Authorization":"Bearer abc"}"#, #""abc""#), (#"{"authorization":"bearer def"}"#, #""def""#),
                (#"{"token":"ghi"}"#, #""ghi""#), ("null", "null"),
            ] {
                let ws = try await Self.acknowledged(port, payload: payload)
                ws.send(#"{"id":"w","type":"subscribe","payload":{"query":"subscription { whoami }"}}"#)
                let messages = await ws.waitForMessages(3)
                XCTAssertEqual(messages.dropFirst().first, #"{"id":"w","type":"next","payload":{"data":{"whoami":\#(token)}}}"#)
                ws.close()
            }
        }
    }

    func testOtherPathsAndPlainHTTPAreUntouched() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            // A WebSocket elsewhere is refused; plain HTTP on /graphql still answers.
            let elsewhere = TestWebSocket(port: port, path: "/healthz")
            let refused = await eventually { elsewhere.isClosed }
            XCTAssertTrue(refused)
            XCTAssertTrue(elsewhere.messages.isEmpty)
            let http = try RawHTTPStream(port: port, body: #"{"query":"{ hello }"}"#, accept: "application/json")
            let answered = await http.waitFor(#"{"data":{"hello":"world"}}"#)
            XCTAssertTrue(answered, http.body)
            http.close()
        }
    }
}
