import Foundation
import PostgresNIO

/// Appends to `marketplace.events`, the transactional outbox of domain events, in the
/// transaction of the change. The `pg_notify` in the same statement is delivered by
/// PostgreSQL only when that transaction commits, which is the "NOTIFY after commit" that
/// subscriptions need. The notification carries the whole event (payloads are a few short
/// strings, far below `pg_notify`'s 8,000 bytes), so `EventHub` needs no read to hand it out.
enum EventLog {
    static let channel = "marketplace_events"

    static func append(
        _ tx: SQLTransaction, type: String, entityID: UUID, actorID: UUID?, payload: [String: String] = [:]
    ) async throws {
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        try await tx.query("""
            WITH event AS (
                INSERT INTO marketplace.events (type, entity_id, actor_id, payload)
                VALUES (\(type), \(entityID), \(actorID), \(json)::jsonb)
                RETURNING id, txid, type, entity_id, payload
            )
            SELECT pg_notify(\(channel), json_build_object(
                'id', id, 'txid', txid::text, 'type', type, 'entityId', entity_id, 'payload', payload)::text)
            FROM event
            """)
    }
}
