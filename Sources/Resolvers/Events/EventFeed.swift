import Foundation

/// A subscription's source stream: the hub's events for one entity, each turned into the
/// value the subscription delivers (or skipped when `transform` answers nil).
///
/// Events of one entity are written while its row is locked, so their ids grow in commit
/// order: the feed hands on only ids past the last it handed on (starting past `after`,
/// the entity's last event when the subscription started), so an event is never
/// delivered twice nor out of order, whichever way the hub received it.
struct EventFeed<Element: Sendable>: AsyncSequence, Sendable {
    let events: AsyncStream<DomainEvent>
    let after: Int64
    let transform: @Sendable (DomainEvent) async throws -> Element?

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator(), lastID: after, transform: transform)
    }

    struct Iterator: AsyncIteratorProtocol {
        var events: AsyncStream<DomainEvent>.Iterator
        var lastID: Int64
        let transform: @Sendable (DomainEvent) async throws -> Element?

        mutating func next() async throws -> Element? {
            while let event = await events.next() {
                guard event.id > lastID else { continue }
                lastID = event.id
                if let element = try await transform(event) { return element }
            }
            return nil
        }
    }
}

/// Reads of `marketplace.events` that subscriptions need.
enum EventStore {
    /// The id of the entity's latest event, 0 without one: where a subscription starts.
    static func lastEventID(_ sql: SQLExecutor, entityID: UUID) async throws -> Int64 {
        try await sql.query("""
            SELECT coalesce(max(id), 0) FROM marketplace.events WHERE entity_id = \(entityID)
            """).first?.decode(Int64.self) ?? 0
    }
}
