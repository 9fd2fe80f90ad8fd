import Foundation
import Logging
import PostgresNIO

/// Delivers the domain events every instance commits to this instance's subscriptions,
/// each event once.
///
/// It `LISTEN`s on `EventLog.channel` over a connection of its own (not the pool's) and
/// hands each notification to the subscribers at once. Notifications arrive in commit
/// order, but only while the connection lives, so the hub also reads `events` itself:
/// every `pollInterval` while the connection is down (and less often while it is up, to
/// keep its bookkeeping small), and right after it reconnects, before it takes any new
/// notification. A poll reads every committed row of the transactions at or past the
/// watermark (the oldest transaction that was still running at the previous poll), so
/// a row whose transaction commits late is still found; `seen` keeps each row from being
/// handed out twice, by a notification and a poll, until the watermark passes it.
public actor EventHub {
    public struct Settings: Sendable {
        /// How often the table is polled while the notification connection is down.
        public var pollInterval: Duration
        /// How long to wait before connecting again after the connection dropped.
        public var reconnectDelay: Duration

        public init(pollInterval: Duration = .seconds(1), reconnectDelay: Duration = .seconds(1)) {
            self.pollInterval = pollInterval
            self.reconnectDelay = reconnectDelay
        }
    }

    /// The `application_name` of the notification connection (operators, and tests that cut it, find it by that).
    public static let applicationName = "marketplace-events"

    private struct Subscriber {
        var wants: @Sendable (DomainEvent) -> Bool
        var continuation: AsyncStream<DomainEvent>.Continuation
    }

    private let database: Database
    private let settings: Settings
    private let logger: Logger
    private var subscribers: [Int: Subscriber] = [:]
    private var nextSubscriberID = 0
    /// Every transaction below it is settled and its events handed out (nil before the first poll).
    private var watermark: UInt64?
    /// Events handed out whose transaction is at or past the watermark: id → txid.
    private var seen: [Int64: UInt64] = [:]
    /// Whether notifications are arriving now (false while polling only); readable from
    /// anywhere without waiting for the actor (metrics).
    public nonisolated var isListening: Bool { listening.value }
    private let listening = LockedFlag()

    public init(database: Database, settings: Settings = Settings(), logger: Logger) {
        self.database = database
        self.settings = settings
        self.logger = logger
    }

    /// The events `wants` accepts, from now on, until the stream is dropped or cancelled.
    /// Buffered without bound: events are small, and a subscription's consumer reads them
    /// as fast as its client takes responses.
    public func events(where wants: @escaping @Sendable (DomainEvent) -> Bool) -> AsyncStream<DomainEvent> {
        let id = nextSubscriberID
        nextSubscriberID += 1
        let (stream, continuation) = AsyncStream.makeStream(of: DomainEvent.self)
        subscribers[id] = Subscriber(wants: wants, continuation: continuation)
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    /// How many subscribers there are now.
    public var subscriberCount: Int { subscribers.count }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }

    /// Listens and polls until the task is cancelled; then finishes every subscriber's stream.
    public func run() async {
        while !Task.isCancelled {
            do {
                try await listen()
            } catch is CancellationError {
                break
            } catch {
                if !Task.isCancelled {
                    logger.warning("event notifications stopped; polling", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
            listening.set(false)
            // Down: poll the table until it is time to connect again.
            let reconnectAt = ContinuousClock.now + settings.reconnectDelay
            while !Task.isCancelled {
                await pollLogging { try await self.database.client.query($0) }
                guard ContinuousClock.now < reconnectAt else { break }
                try? await Task.sleep(for: min(settings.pollInterval, reconnectAt - ContinuousClock.now))
            }
        }
        listening.set(false)
        for subscriber in subscribers.values { subscriber.continuation.finish() }
        subscribers = [:]
    }

    /// One life of the notification connection: connect, `LISTEN`, catch up from the table,
    /// then hand out notifications (and poll now and then) until the connection ends.
    private func listen() async throws {
        var configuration = try database.url.connectionConfiguration()
        configuration.options.additionalStartupParameters = [("application_name", Self.applicationName)]
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            try await connection.listen(on: EventLog.channel) { notifications in
                // Whatever committed while the connection was down, before any newer notification.
                try await poll { try await connection.query($0, logger: self.logger) }
                listening.set(true)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await notification in notifications {
                            await self.received(notification.payload)
                        }
                        throw ConnectionEnded()
                    }
                    group.addTask {
                        // A slow poll keeps `seen` small and catches a notification lost in between.
                        while true {
                            try await Task.sleep(for: self.settings.pollInterval * 5)
                            try await self.poll { try await connection.query($0, logger: self.logger) }
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }

    private struct ConnectionEnded: Error {}

    private func received(_ payload: String) async {
        guard let event = DomainEvent(notification: payload) else {
            logger.warning("an event notification that is not one", metadata: ["payload": "\(payload.prefix(200))"])
            return
        }
        deliver(event)
    }

    /// Hands `event` to the subscribers that want it, unless it was handed out before.
    private func deliver(_ event: DomainEvent) {
        if let watermark, event.txid < watermark { return }
        guard seen.updateValue(event.txid, forKey: event.id) == nil else { return }
        for subscriber in subscribers.values where subscriber.wants(event) {
            subscriber.continuation.yield(event)
        }
    }

    private func pollLogging(_ query: (PostgresQuery) async throws -> PostgresRowSequence) async {
        do {
            try await poll(query)
        } catch {
            logger.debug("polling events failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    /// Reads the committed events of every transaction at or past the watermark, hands out
    /// those not seen yet in id order, and moves the watermark to the oldest transaction
    /// still running (all older ones are settled: their rows were all in this read).
    private func poll(_ query: (PostgresQuery) async throws -> PostgresRowSequence) async throws {
        guard let from = watermark else {
            // The first poll: only where to start (subscriptions want what happens from now on).
            for try await horizon in try await query("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").decode(String.self) {
                if watermark == nil { watermark = UInt64(horizon) }
            }
            return
        }
        let rows = try await query("""
            SELECT pg_snapshot_xmin(pg_current_snapshot())::text, e.id, e.txid::text, e.type, e.entity_id, e.payload::text
            FROM (SELECT 1) AS one LEFT JOIN marketplace.events e ON e.txid >= \(String(from))::xid8
            ORDER BY e.id
            """)
        var horizon: UInt64?
        var events: [DomainEvent] = []
        for try await (xmin, id, txid, type, entityID, payload) in rows.decode(
            (String, Int64?, String?, String?, UUID?, String?).self)
        {
            horizon = UInt64(xmin)
            guard let id, let txid = txid.flatMap(UInt64.init), let type, let entityID else { continue }
            let fields = (try? JSONDecoder().decode([String: String].self, from: Data((payload ?? "{}").utf8))) ?? [:]
            events.append(DomainEvent(id: id, txid: txid, type: type, entityID: entityID, payload: fields))
        }
        // Another poll may have moved on meanwhile (the actor is reentrant): never move back.
        guard let horizon, let current = watermark, horizon >= current else {
            for event in events { deliver(event) }
            return
        }
        for event in events { deliver(event) }
        watermark = horizon
        seen = seen.filter { $0.value >= horizon }
    }
}

/// A Bool behind a lock, for state an actor publishes to synchronous readers.
final class LockedFlag: @unchecked Sendable {
    // @unchecked: `flag` is only touched with `lock` held.
    private let lock = NSLock()
    private var flag = false

    var value: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }

    func set(_ value: Bool) {
        lock.lock()
        flag = value
        lock.unlock()
    }
}
