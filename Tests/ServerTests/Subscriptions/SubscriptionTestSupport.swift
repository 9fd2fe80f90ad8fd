import Foundation
import GraphQLEngine
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import XCTest
@testable import Server

/// Counts the test schema's source streams: how many started, how many were terminated
/// (`onTermination` ran), so tests can see that a cancelled subscription reached its source.
final class SourceProbe: @unchecked Sendable {
    // @unchecked: the counters are only touched with `lock` held.
    private let lock = NSLock()
    private var _started = 0
    private var _terminated = 0

    var started: Int { lock.withLock { _started } }
    var terminated: Int { lock.withLock { _terminated } }
    func didStart() { lock.withLock { _started += 1 } }
    func didTerminate() { lock.withLock { _terminated += 1 } }
}

enum SubscriptionTestSchema {
    static let sdl = """
        type Query { hello: String! }
        type Mutation { bump: Int! }
        type Subscription { count(to: Int!): Int! endless: Int! failing: Int! whoami: String }
        """

    /// `count(to:)` streams 1...to; `endless` streams 1 then waits forever; `failing`
    /// streams 1 then throws; `whoami` streams the caller's token once. The context is the
    /// caller; token "forbidden" is refused with FORBIDDEN, "broken" with an internal error.
    static func service(probe: SourceProbe, settings: GraphQLSettings = GraphQLSettings()) throws -> GraphQLService {
        let executable = ExecutableSchema(
            schema: try buildSchema(sdl),
            resolvers: [
                "Query": ["hello": .sync { _, _, _, _ in "world" }],
                "Mutation": ["bump": .sync { _, _, _, _ in 1 }],
                "Subscription": [
                    "count": .sync { event, _, _, _ in event },
                    "endless": .sync { event, _, _, _ in event },
                    "failing": .sync { event, _, _, _ in event },
                    "whoami": .sync { _, _, context, _ in (context as? CallerInfo)?.bearerToken },
                ],
            ],
            subscribers: [
                "count": { _, args, _, _ in
                    let n = if case .int(let n)? = args["to"] { n } else { 0 }
                    return stream(probe) { continuation in
                        for i in 0..<n { continuation.yield(i + 1) }
                        continuation.finish()
                    }
                },
                "endless": { _, _, _, _ in stream(probe) { $0.yield(1) } },
                "failing": { _, _, _, _ in
                    stream(probe) { continuation in
                        continuation.yield(1)
                        continuation.finish(throwing: GraphQLError(message: "the source broke", extensions: ["code": "SOURCE_BROKE"]))
                    }
                },
                "whoami": { _, _, _, _ in stream(probe) { $0.yield(0); $0.finish() } },
            ])
        return GraphQLService(executable: executable, settings: settings) { caller, _ in
            switch caller.bearerToken {
            case "forbidden": throw GraphQLError(message: "Not allowed", extensions: ["code": "FORBIDDEN"])
            case "broken": throw CancellationError()
            default: return caller
            }
        }
    }

    private static func stream(
        _ probe: SourceProbe, _ body: (AsyncThrowingStream<any Sendable, any Error>.Continuation) -> Void
    ) -> AsyncThrowingStream<any Sendable, any Error> {
        probe.didStart()
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: (any Sendable).self)
        continuation.onTermination = { _ in probe.didTerminate() }
        body(continuation)
        return stream
    }
}

/// Runs the app over a real socket (HummingbirdTesting's live mode) and hands the test
/// its port.
func withSubscriptionServer(
    probe: SourceProbe, settings: GraphQLSettings = GraphQLSettings(),
    subscriptions: SubscriptionSettings = SubscriptionSettings(), registry: SubscriptionRegistry? = nil,
    _ body: @escaping @Sendable (_ port: Int) async throws -> Void
) async throws {
    let app = try buildApplication(
        configuration: try TestSettings.configuration(), logger: TestSettings.logger,
        graphQL: try SubscriptionTestSchema.service(probe: probe, settings: settings),
        subscriptions: registry ?? SubscriptionRegistry(settings: subscriptions))
    try await app.test(.live) { client in try await body(try XCTUnwrap(client.port)) }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(5), _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        if ContinuousClock.now > deadline { return false }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return true
}

/// A WebSocket client driven by the test: send text, read what came, see the close.
final class TestWebSocket: @unchecked Sendable {
    // @unchecked: `received` and `closeFrame` are only touched with `lock` held.
    private let lock = NSLock()
    private var received: [String] = []
    private var closeFrame: WebSocketCloseFrame?
    private var ended = false
    private let commands: AsyncStream<String>.Continuation
    private var task: Task<Void, Never>?

    /// Connects to `path`, offering `subprotocols` (none: no header).
    init(port: Int, path: String = "/graphql", subprotocols: [String] = ["graphql-transport-ws"], headers: HTTPFields = [:]) {
        let (commandStream, commands) = AsyncStream.makeStream(of: String.self)
        self.commands = commands
        var allHeaders = headers
        if !subprotocols.isEmpty { allHeaders[.secWebSocketProtocol] = subprotocols.joined(separator: ", ") }
        task = Task { [self] in
            let frame = try? await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)\(path)",
                configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: allHeaders), logger: TestSettings.logger
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in commandStream { try await outbound.write(.text(text)) }
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message { self.append(text) }
                    }
                    group.cancelAll()
                }
            }
            self.end(frame ?? nil)
        }
    }

    private func append(_ text: String) { lock.withLock { received.append(text) } }
    private func end(_ frame: WebSocketCloseFrame?) {
        lock.withLock {
            closeFrame = frame
            ended = true
        }
    }

    func send(_ text: String) { commands.yield(text) }

    var messages: [String] { lock.withLock { received } }

    /// The messages as JSON objects.
    var objects: [[String: Any]] {
        messages.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Waits until `count` messages arrived; returns them all.
    @discardableResult
    func waitForMessages(_ count: Int, timeout: Duration = .seconds(5)) async -> [String] {
        _ = await eventually(timeout: timeout) { self.messages.count >= count }
        return messages
    }

    /// Waits for the server to close the socket: its close code and reason.
    func waitForClose(timeout: Duration = .seconds(8)) async -> (code: Int, reason: String)? {
        guard await eventually(timeout: timeout, { self.lock.withLock { self.ended } }) else { return nil }
        return lock.withLock { closeFrame.map { (Self.number($0.closeCode), $0.reason ?? "") } }
    }

    var isClosed: Bool { lock.withLock { ended } }

    /// Closes from the client side (a normal closure), like a browser tab going away.
    func close() {
        commands.finish()
        task?.cancel()
    }

    private static func number(_ code: WebSocketErrorCode) -> Int {
        var buffer = ByteBuffer()
        buffer.write(webSocketErrorCode: code)
        return Int(buffer.readInteger(as: UInt16.self) ?? 0)
    }
}

