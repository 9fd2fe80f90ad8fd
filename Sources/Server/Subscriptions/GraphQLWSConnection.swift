import Foundation
import GraphQLEngine
import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// One graphql-transport-ws socket (PROTOCOL.md of enisdenjo/graphql-ws): the
/// connection's state and its running operations.
///
/// One reader (the WebSocket handler's task) feeds `receive` a message at a time; each
/// operation runs in a task of its own and sends through the actor. An operation is
/// known by its id and a token, so that nothing of an operation the client completed
/// (or of an earlier operation with a reused id) goes out after it.
actor GraphQLWSConnection {
    private struct Operation {
        let token: UInt64
        var task: Task<Void, Never>?
    }

    private let outbound: WebSocketOutboundWriter
    private let channel: any Channel
    private let runner: OperationRunner
    private let registry: SubscriptionRegistry
    private var caller: CallerInfo
    private var initReceived = false
    private var acknowledged = false
    private var closed = false
    private var operations: [String: Operation] = [:]
    private var nextToken: UInt64 = 0
    private var closeWatchdog: Task<Void, Never>?

    private init(
        outbound: WebSocketOutboundWriter, channel: any Channel, runner: OperationRunner,
        registry: SubscriptionRegistry, caller: CallerInfo
    ) {
        self.outbound = outbound
        self.channel = channel
        self.runner = runner
        self.registry = registry
        self.caller = caller
    }

    /// Serves one socket until it is closed.
    static func serve(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, channel: any Channel,
        runner: OperationRunner, registry: SubscriptionRegistry, caller: CallerInfo, maxMessageBytes: Int
    ) async throws {
        let connection = GraphQLWSConnection(
            outbound: outbound, channel: channel, runner: runner, registry: registry, caller: caller)
        guard let registration = registry.register(finish: { await connection.goAway() }) else {
            return await connection.close(1001, "Server shutting down")
        }
        defer { registry.unregister(registration) }
        let initTimeout = registry.settings.connectionInitTimeout
        let initTimer = Task {
            do { try await Task.sleep(for: initTimeout) } catch { return }
            await connection.initTimeoutElapsed()
        }
        defer { initTimer.cancel() }
        do {
            for try await message in inbound.messages(maxSize: maxMessageBytes) {
                let bytes: [UInt8]
                switch message {
                case .text(let text): bytes = Array(text.utf8)
                case .binary(let buffer): bytes = Array(buffer: buffer)
                }
                guard await connection.receive(bytes) else { break }
            }
        } catch {
            await connection.socketEnded()
            throw error
        }
        // The client closed (or we did and it answered): its operations go with it.
        await connection.socketEnded()
    }

    /// Handles one client message; false once the socket is closing (stop reading).
    private func receive(_ bytes: [UInt8]) async -> Bool {
        guard !closed else { return false }
        let message: GraphQLWSClientMessage
        do {
            message = try GraphQLWSClientMessage(json: bytes)
        } catch {
            await close(4400, error.reason)
            return false
        }
        switch message {
        case .connectionInit(let payload):
            guard !initReceived else {
                await close(4429, "Too many initialisation requests")
                return false
            }
            initReceived = true
            if let token = payload.flatMap(Self.bearerToken) { caller.bearerToken = token }
            // The context factory decides who may connect; a refusal closes 4403 as
            // graphql-ws's `onConnect` returning false does.
            do {
                _ = try await runner.service.makeContext(caller, BatchScope())
            } catch {
                let code = (error as? GraphQLError)?.extensions?["code"]
                if code == "UNAUTHENTICATED" || code == "FORBIDDEN" {
                    await close(4403, "Forbidden")
                } else {
                    await close(4500, "Internal server error")
                }
                return false
            }
            guard !closed else { return false }
            acknowledged = true
            await send(GraphQLWSServerMessage.connectionAck())
        case .ping(let payload):
            await send(GraphQLWSServerMessage.pong(payload))
        case .pong:
            break
        case .subscribe(let id, let params):
            guard acknowledged else {
                await close(4401, "Unauthorized")
                return false
            }
            // Reserved while running, single results included (as graphql-ws does).
            guard operations[id] == nil else {
                await close(4409, "Subscriber for \(id) already exists")
                return false
            }
            start(id, params)
        case .complete(let id):
            // The client stopped listening: no `complete` back (graphql-ws sends none).
            operations.removeValue(forKey: id)?.task?.cancel()
        }
        return !closed
    }

    private func start(_ id: String, _ params: GraphQLRequestParams) {
        nextToken += 1
        let token = nextToken
        let caller = self.caller
        // The task's first call into the actor waits until this method has stored it.
        let task = Task { await self.perform(id: id, token: token, params: params, caller: caller) }
        operations[id] = Operation(token: token, task: task)
    }

    /// Runs one operation off the actor: `next`s then `complete`, or `error`.
    private nonisolated func perform(id: String, token: UInt64, params: GraphQLRequestParams, caller: CallerInfo) async {
        switch await runner.run(params, caller: caller) {
        case .malformed(let message):
            let error = GraphQLError(message: message, extensions: ["code": "BAD_USER_INPUT"])
            await finish(id, token, GraphQLWSServerMessage.error(id: id, [error]))
        case .requestErrors(let errors):
            await finish(id, token, GraphQLWSServerMessage.error(id: id, errors))
        case .notAllowed:
            // Not reached: every operation type runs over graphql-transport-ws.
            await finish(id, token, GraphQLWSServerMessage.complete(id: id))
        case .single(let result, _):
            if await send(id, token, GraphQLWSServerMessage.next(id: id, result)) {
                await finish(id, token, GraphQLWSServerMessage.complete(id: id))
            }
        case .stream(let stream):
            registry.subscriptionStarted()
            defer { registry.subscriptionEnded() }
            do {
                // Cancelled (client `complete`, socket closed): the iteration ends, and
                // with it the engine's source stream.
                for try await result in stream {
                    guard await send(id, token, GraphQLWSServerMessage.next(id: id, result)) else { break }
                }
                await finish(id, token, GraphQLWSServerMessage.complete(id: id))
            } catch {
                // The source failed: this operation ends with `error`; the socket and its
                // other operations go on.
                await finish(id, token, GraphQLWSServerMessage.error(id: id, [GraphQLService.contextError(error)]))
            }
        }
        await release(id, token)
    }

    /// Sends an operation's message while the operation is still the current one.
    private func send(_ id: String, _ token: UInt64, _ message: [UInt8]) async -> Bool {
        guard !closed, operations[id]?.token == token else { return false }
        return await send(message)
    }

    /// Sends an operation's last message and forgets the operation.
    private func finish(_ id: String, _ token: UInt64, _ message: [UInt8]) async {
        guard !closed, operations[id]?.token == token else { return }
        operations[id] = nil
        await send(message)
    }

    private func release(_ id: String, _ token: UInt64) {
        if operations[id]?.token == token { operations[id] = nil }
    }

    /// One message, one text frame: frames of concurrent operations never interleave.
    @discardableResult
    private func send(_ message: [UInt8]) async -> Bool {
        do {
            try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: message))))
            return true
        } catch {
            return false
        }
    }

    private func initTimeoutElapsed() async {
        if !initReceived { await close(4408, "Connection initialisation timeout") }
    }

    /// Server shutdown: `complete` for every operation, then close 1001 (Going Away).
    func goAway() async {
        guard !closed else { return }
        let running = operations
        operations = [:]
        for (id, operation) in running {
            operation.task?.cancel()
            await send(GraphQLWSServerMessage.complete(id: id))
        }
        await close(1001, "Server shutting down")
    }

    /// Closes the socket with `code`; the reader stops when the client answers the close.
    func close(_ code: Int, _ reason: String) async {
        guard !closed else { return }
        closed = true
        cancelOperations()
        try? await outbound.close(WebSocketErrorCode(codeNumber: code), reason: Self.closeReason(reason))
        // A client that never answers the close frame would keep the reader waiting.
        let channel = self.channel
        let timeout = registry.settings.closeTimeout
        closeWatchdog = Task {
            do { try await Task.sleep(for: timeout) } catch { return }
            channel.close(promise: nil)
        }
    }

    private func socketEnded() {
        closed = true
        cancelOperations()
        closeWatchdog?.cancel()
    }

    private func cancelOperations() {
        for operation in operations.values { operation.task?.cancel() }
        operations = [:]
    }

    /// A close frame's reason is at most 123 bytes of UTF-8.
    static func closeReason(_ reason: String) -> String {
        guard reason.utf8.count > 123 else { return reason }
        var result = ""
        for character in reason {
            if result.utf8.count + character.utf8.count > 123 { break }
            result.append(character)
        }
        return result
    }

    /// The token of a `connection_init` payload: `Authorization`/`authorization` (with or
    /// without `Bearer `) or `token`.
    static func bearerToken(_ payload: InputFields) -> String? {
        for key in ["Authorization", "authorization", "token"] {
            guard case .string(let value)? = payload[key] else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("bearer ") {
                return String(trimmed.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            }
            return trimmed.isEmpty ? nil : trimmed
        }
        return nil
    }
}
