import Foundation

/// One row of `marketplace.events` as subscriptions receive it: from a notification (the
/// JSON `EventLog` sends with `pg_notify`) or from a poll of the table.
public struct DomainEvent: Sendable, Equatable {
    /// The row's id: assigned at insert, so it orders the events of one entity (whose
    /// changes hold its row lock) but not events in general.
    public var id: Int64
    /// The writing transaction's id (`pg_current_xact_id()`): what polling catches up by.
    public var txid: UInt64
    public var type: String
    public var entityID: UUID
    public var payload: [String: String]

    private struct Notification: Decodable {
        var id: Int64
        var txid: String
        var type: String
        var entityId: UUID
        var payload: [String: String]
    }

    /// The event of a notification's payload, nil when it is not one (never from `EventLog`).
    init?(notification: String) {
        guard let decoded = try? JSONDecoder().decode(Notification.self, from: Data(notification.utf8)),
              let txid = UInt64(decoded.txid)
        else { return nil }
        self.init(id: decoded.id, txid: txid, type: decoded.type, entityID: decoded.entityId, payload: decoded.payload)
    }

    init(id: Int64, txid: UInt64, type: String, entityID: UUID, payload: [String: String]) {
        self.id = id
        self.txid = txid
        self.type = type
        self.entityID = entityID
        self.payload = payload
    }
}
