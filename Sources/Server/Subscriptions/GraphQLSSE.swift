import GraphQLEngine
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// GraphQL over SSE, graphql-sse's "distinct connections mode" (PROTOCOL.md of
/// enisdenjo/graphql-sse): a POST to `/graphql` accepting `text/event-stream` is answered
/// with one `next` event per result and a `complete` event, then the response ends.
///
/// Errors: a request that cannot be read (not JSON, no query, a hash that does not match)
/// is a `400` JSON response, as graphql-sse's `parseReq` answers it. GraphQL's request
/// errors (parse, validation, limits, variables, the caller's context) are a `next` event
/// with `errors` and a `complete`: PROTOCOL.md says validation "MUST report errors
/// through an accepted SSE connection", since an `EventSource` hides a `400`'s body.
/// (graphql-sse's handler still answers a *parse* error with a 400; we follow the text.)
struct GraphQLSSE: Sendable {
    let runner: OperationRunner
    let registry: SubscriptionRegistry

    /// What the writing loop waits for, from the tasks around it.
    private enum Signal: Sendable {
        case result(ExecutionResult)
        /// The source failed mid-stream.
        case failed(GraphQLError)
        /// The source (or the one result) is done.
        case ended
        case keepAlive
        /// Server shutdown: `complete`, then end.
        case shutdown
        /// The client closed the connection: nothing more to write.
        case clientGone
    }

    private enum Source: Sendable {
        case one(ExecutionResult)
        case stream(AsyncThrowingStream<ExecutionResult, any Error>)
    }

    /// For `GraphQLHTTPController.eventStream`: `request` is the POST, its body already
    /// read (the stream watches it for the client closing the connection).
    func respond(_ request: Request, _ params: GraphQLRequestParams, _ caller: CallerInfo) async -> Response {
        if registry.isShuttingDown {
            return Self.json(.serviceUnavailable, "The server is shutting down.", code: "SERVICE_UNAVAILABLE")
        }
        let source: Source
        switch await runner.run(params, caller: caller) {
        case .malformed(let message): return Self.json(.badRequest, message, code: "BAD_USER_INPUT")
        case .requestErrors(let errors): source = .one(ExecutionResult(requestErrors: errors))
        case .notAllowed(let type):  // not reached: every operation type runs over SSE
            return Self.json(.badRequest, "\(type.rawValue) operations are not allowed here.", code: "BAD_USER_INPUT")
        case .single(let result, _): source = .one(result)
        case .stream(let stream): source = .stream(stream)
        }
        let headers: HTTPFields = [
            .contentType: ResponseMediaType.eventStream.contentType,
            .cacheControl: "no-store",
            // nginx would otherwise buffer the events until its buffer fills.
            HTTPField.Name("X-Accel-Buffering")!: "no",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { [self] writer in
            do {
                try await write(source, request: request, to: &writer)
                try await writer.finish(nil)
            } catch {
                // The client went away mid-write: the stream is already cancelled.
            }
        })
    }

    private func write(_ source: Source, request: Request, to writer: inout any ResponseBodyWriter) async throws {
        let (signals, signal) = AsyncStream.makeStream(of: Signal.self)
        guard let registration = registry.register(finish: { signal.yield(.shutdown) }) else {
            try await writer.write(Self.complete)
            return
        }
        defer { registry.unregister(registration) }
        // Shutdown is also heard here, for servers whose registry is not run first (see
        // `SubscriptionsFirstApplication`): nothing else writes to this response.
        try await withGracefulShutdownHandler {
            try await Self.watchingInbound(request, onClose: { signal.yield(.clientGone) }) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    switch source {
                    case .one(let result):
                        signal.yield(.result(result))
                        signal.yield(.ended)
                    case .stream(let stream):
                        group.addTask { [registry] in
                            registry.subscriptionStarted()
                            defer { registry.subscriptionEnded() }
                            do {
                                for try await result in stream { signal.yield(.result(result)) }
                                signal.yield(.ended)
                            } catch {
                                signal.yield(.failed(GraphQLService.contextError(error)))
                            }
                        }
                    }
                    let interval = registry.settings.keepAliveInterval
                    group.addTask {
                        while true {
                            do { try await Task.sleep(for: interval) } catch { return }
                            signal.yield(.keepAlive)
                        }
                    }
                    try await Self.writeEvents(signals, to: &writer)
                    // Cancelling the pump ends its iteration: the engine cancels the source.
                    group.cancelAll()
                }
            }
        } onGracefulShutdown: {
            signal.yield(.shutdown)
        }
    }

    private static func writeEvents(_ signals: AsyncStream<Signal>, to writer: inout any ResponseBodyWriter) async throws {
        for await signal in signals {
            switch signal {
            case .result(let result):
                try await writer.write(next(result))
            case .failed(let error):
                try await writer.write(next(ExecutionResult(requestErrors: [error])))
                try await writer.write(complete)
                return
            case .keepAlive:
                try await writer.write(ByteBuffer(string: ":\n\n"))
            case .ended, .shutdown:
                try await writer.write(complete)
                return
            case .clientGone:
                return
            }
        }
    }

    /// Runs `operation`, calling `onClose` if the client closes the connection meanwhile
    /// (Hummingbird's `consumeWithInboundCloseHandler`). Without it a quiet stream would
    /// notice a vanished client only at its next keep-alive write.
    private static func watchingInbound(
        _ request: Request, onClose: @escaping @Sendable () -> Void, _ operation: () async throws -> Void
    ) async throws {
        guard hasConnectionBehind(request.body) else { return try await operation() }
        try await request.body.consumeWithInboundCloseHandler({ _ in try await operation() }, onInboundClosed: onClose)
    }

    /// Whether `body` is a collected body that keeps the connection's stream behind it, as
    /// `collectBody` leaves it on a served request. `consumeWithInboundCloseHandler` traps
    /// on a body without one (HummingbirdTesting's `.router` mode makes those), and on
    /// the connection's own stream once read it loses the end of the body and crashes.
    /// Hummingbird keeps the cases internal, hence the reflection; should they change,
    /// this says no and streams fall back to noticing a gone client at a write.
    static func hasConnectionBehind(_ body: RequestBody) -> Bool {
        guard let backing = Mirror(reflecting: body).children.first?.value,
            let payload = Mirror(reflecting: backing).children.first,
            payload.label == "byteBuffer" || payload.label == "anyAsyncSequence",
            let original = Mirror(reflecting: payload.value).children.dropFirst().first?.value
        else { return false }
        let optional = Mirror(reflecting: original)
        return optional.displayStyle == .optional && optional.children.count == 1
    }

    /// `event: next` with the result, written by the engine straight into the event.
    static func next(_ result: ExecutionResult) -> ByteBuffer {
        var writer = JSONWriter(capacity: 4096)
        writer.writeASCII("event: next\ndata: ")
        result.writeJSON(into: &writer)
        writer.writeASCII("\n\n")
        return ByteBuffer(bytes: writer.bytes)
    }

    /// `event: complete` with an empty `data` line: an event without data is never
    /// dispatched by `EventSource`-style parsers.
    static let complete = ByteBuffer(string: "event: complete\ndata:\n\n")

    private static func json(_ status: HTTPResponse.Status, _ message: String, code: String) -> Response {
        let error = GraphQLError(message: message, extensions: ["code": .string(code)])
        return Response(
            status: status,
            headers: [.contentType: ResponseMediaType.json.contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: ExecutionResult(requestErrors: [error]).json())))
    }
}
