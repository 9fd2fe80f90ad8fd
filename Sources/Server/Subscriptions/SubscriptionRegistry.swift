import Foundation
import ServiceLifecycle

/// How the streaming transports (graphql-transport-ws, GraphQL over SSE) behave.
struct SubscriptionSettings: Sendable {
    /// How long a WebSocket may wait before `connection_init` (graphql-ws's
    /// `connectionInitWaitTimeout`, 3 s there too): then it is closed with 4408.
    var connectionInitTimeout: Duration = .seconds(3)
    /// How long the server waits for the client's answer to its close frame before it
    /// drops the connection.
    var closeTimeout: Duration = .seconds(5)
    /// Between SSE comments (`:`) on a quiet stream: proxies drop idle connections, and a
    /// write is how a vanished client is noticed (graphql-sse pings every 12 s).
    var keepAliveInterval: Duration = .seconds(12)
    /// At shutdown, how long open subscriptions get to say `complete` and close before the
    /// HTTP server stops anyway.
    var shutdownTimeout: Duration = .seconds(5)
}

/// The open streaming connections and subscriptions of both transports: their number (for
/// metrics) and how to end them all at shutdown.
///
/// As a `Service` it waits for graceful shutdown, then asks every connection to finish
/// (WebSocket: `complete` for each subscription and close 1001; SSE: `complete`, end of
/// the response) and waits until they have, within `shutdownTimeout`.
/// `SubscriptionsFirstApplication` runs it so that it hears of the shutdown before the HTTP
/// server does: the server's own shutdown would close WebSockets with a bare 1000 first.
final class SubscriptionRegistry: Service, @unchecked Sendable {
    // @unchecked: the mutable state is only touched with `lock` held.
    private let lock = NSLock()
    private var subscriptions = 0
    private var connections: [UInt64: @Sendable () async -> Void] = [:]
    private var nextID: UInt64 = 0
    private var shuttingDown = false
    let settings: SubscriptionSettings

    init(settings: SubscriptionSettings = SubscriptionSettings()) {
        self.settings = settings
    }

    /// Streaming operations running now (subscriptions, not one-result operations).
    var activeSubscriptions: Int { locked { subscriptions } }

    /// Open WebSocket connections and SSE responses.
    var openConnections: Int { locked { connections.count } }

    /// Whether shutdown has begun: new connections are refused.
    var isShuttingDown: Bool { locked { shuttingDown } }

    func subscriptionStarted() { locked { subscriptions += 1 } }
    func subscriptionEnded() { locked { subscriptions -= 1 } }

    /// Registers a connection; `finish` ends it politely at shutdown. Nil once shutdown
    /// has begun (the caller refuses the connection).
    func register(finish: @escaping @Sendable () async -> Void) -> UInt64? {
        locked {
            guard !shuttingDown else { return nil }
            nextID += 1
            connections[nextID] = finish
            return nextID
        }
    }

    func unregister(_ id: UInt64) {
        locked { connections[id] = nil }
    }

    func run() async throws {
        // Cancellation (the group failing) is no shutdown to wait for.
        do { try await gracefulShutdown() } catch { return }
        await shutdown()
    }

    /// Ends every connection and waits (within `shutdownTimeout`) until they are gone.
    func shutdown() async {
        let finishers = locked {
            shuttingDown = true
            return Array(connections.values)
        }
        await withTaskGroup(of: Void.self) { group in
            for finish in finishers { group.addTask { await finish() } }
        }
        // Connections unregister when their handlers return, after the client answered
        // the close: polling is the simplest wait, and it runs once, at shutdown.
        let deadline = ContinuousClock.now + settings.shutdownTimeout
        while openConnections > 0, ContinuousClock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
