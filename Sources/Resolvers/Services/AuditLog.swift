import Foundation
import PostgresNIO

/// Appends to `marketplace.audit_log` in the transaction of the change: who did what to
/// which entity, with the values before and after (admin and money actions; no actor when
/// Stripe reported the change).
enum AuditLog {
    static func append(
        _ tx: SQLTransaction, actorID: UUID?, action: String, entityType: String, entityID: UUID,
        before: [String: String]? = nil, after: [String: String]? = nil
    ) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let beforeJSON = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let afterJSON = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try await tx.query("""
            INSERT INTO marketplace.audit_log (actor_id, action, entity_type, entity_id, before, after)
            VALUES (\(actorID), \(action), \(entityType), \(entityID), \(beforeJSON)::jsonb, \(afterJSON)::jsonb)
            """)
    }
}
