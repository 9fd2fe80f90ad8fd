import Foundation
import Hummingbird
import ServiceLifecycle
import XCTest
@testable import Server

/// Graceful shutdown as `serve` runs the app (a service group, as `runService` makes):
/// open subscriptions are completed before the HTTP server stops.
final class SubscriptionShutdownTests: XCTestCase {
    func testShutdownCompletesSubscriptionsThenStops() async throws {
        let probe = SourceProbe()
        var configuration = try TestSettings.configuration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(
            configuration: configuration, logger: TestSettings.logger,
            graphQL: try SubscriptionTestSchema.service(probe: probe),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
        let group = ServiceGroup(configuration: .init(services: [app], logger: TestSettings.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            let next = await iterator.next()
            let port = try XCTUnwrap(next)

            let ws = try await GraphQLWSTests.acknowledged(port)
            ws.send(#"{"id":"a","type":"subscribe","payload":{"query":"subscription { endless }"}}"#)
            ws.send(#"{"id":"b","type":"subscribe","payload":{"query":"subscription { endless }"}}"#)
            await ws.waitForMessages(3)
            let sse = try RawHTTPStream(port: port, body: #"{"query":"subscription { endless }"}"#)
            let streaming = await sse.waitFor(GraphQLSSETests.next(#"{"data":{"endless":1}}"#))
            XCTAssertTrue(streaming, sse.body)

            await group.triggerGracefulShutdown()

            let close = await ws.waitForClose()
            XCTAssertEqual(close?.code, 1001)
            XCTAssertEqual(close?.reason, "Server shutting down")
            XCTAssertEqual(Set(ws.messages.suffix(2)), [#"{"id":"a","type":"complete"}"#, #"{"id":"b","type":"complete"}"#])
            let ended = await sse.waitForEnd()
            XCTAssertTrue(ended)
            XCTAssertTrue(sse.body.hasSuffix(GraphQLSSETests.complete), sse.body)
            let terminated = await eventually { probe.terminated == 3 }
            XCTAssertTrue(terminated, "every source's onTermination ran (\(probe.terminated))")
            sse.close()
            // And the server stops.
            try await tasks.waitForAll()
        }
    }

    /// Under HummingbirdTesting (which runs Hummingbird's own `run()`), open streams still
    /// end at shutdown: SSE by its own shutdown handler, WebSockets by
    /// hummingbird-websocket's close (1000), and the sources are cancelled.
    func testShutdownWithoutTheOrderingStillEndsOpenStreams() async throws {
        let probe = SourceProbe()
        let clients = Unchecked<(TestWebSocket, RawHTTPStream)?>(nil)
        let start = ContinuousClock.now
        try await withSubscriptionServer(probe: probe) { port in
            let ws = try await GraphQLWSTests.acknowledged(port)
            ws.send(#"{"id":"a","type":"subscribe","payload":{"query":"subscription { endless }"}}"#)
            await ws.waitForMessages(2)
            let sse = try RawHTTPStream(port: port, body: #"{"query":"subscription { endless }"}"#)
            _ = await sse.waitFor(GraphQLSSETests.next(#"{"data":{"endless":1}}"#))
            clients.value = (ws, sse)
        }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
        let (ws, sse) = try XCTUnwrap(clients.value)
        let close = await ws.waitForClose()
        XCTAssertEqual(close?.code, 1000)
        // The server has stopped; the last bytes may still be on their way to the client.
        _ = await sse.waitForEnd()
        XCTAssertTrue(sse.body.hasSuffix(GraphQLSSETests.complete), sse.body)
        let terminated = await eventually { probe.terminated == 2 }
        XCTAssertTrue(terminated)
        sse.close()
    }
}

/// A mutable box for handing values out of a test's server closure.
final class Unchecked<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
