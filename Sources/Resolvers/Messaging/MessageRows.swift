import Foundation
import PostgresNIO

/// One row of `marketplace.message_threads`, with its provider's user (the other participant).
public struct ThreadRow: Sendable, Equatable {
    public var id: UUID
    public var buyerID: UUID
    public var providerID: UUID
    public var providerUserID: UUID
    public var listingID: UUID?
    public var orderID: UUID?
    public var subject: String
    public var lastMessageAt: Date
    public var buyerReadSeq: Int64
    public var providerReadSeq: Int64
    public var createdAt: Date

    static let columns: StaticString = """
        t.id, t.buyer_id, t.provider_id, p.user_id, t.listing_id, t.order_id, t.subject, t.last_message_at, \
        t.buyer_read_seq, t.provider_read_seq, t.created_at
        """
    static let columnCount = 11
    /// The FROM clause `columns` needs.
    static let from: StaticString = " FROM marketplace.message_threads t JOIN marketplace.providers p ON p.id = t.provider_id"

    static func decode(_ row: PostgresRandomAccessRow) throws -> ThreadRow {
        var r = ColumnReader(row: row)
        return ThreadRow(
            id: try r.next(UUID.self), buyerID: try r.next(UUID.self), providerID: try r.next(UUID.self),
            providerUserID: try r.next(UUID.self), listingID: try r.next(UUID?.self), orderID: try r.next(UUID?.self),
            subject: try r.next(String.self), lastMessageAt: try r.next(Date.self),
            buyerReadSeq: try r.next(Int64.self), providerReadSeq: try r.next(Int64.self),
            createdAt: try r.next(Date.self))
    }

    func isParticipant(_ userID: UUID) -> Bool { userID == buyerID || userID == providerUserID }
}

/// One row of `marketplace.messages`.
public struct MessageRow: Sendable, Equatable {
    public var id: UUID
    public var seq: Int64
    public var threadID: UUID
    public var senderID: UUID
    public var body: String
    public var createdAt: Date

    static let columns: StaticString = "m.id, m.seq, m.thread_id, m.sender_id, m.body, m.created_at"
    static let columnCount = 6

    static func decode(_ row: PostgresRandomAccessRow) throws -> MessageRow {
        var r = ColumnReader(row: row)
        return MessageRow(
            id: try r.next(UUID.self), seq: try r.next(Int64.self), threadID: try r.next(UUID.self),
            senderID: try r.next(UUID.self), body: try r.next(String.self), createdAt: try r.next(Date.self))
    }
}
