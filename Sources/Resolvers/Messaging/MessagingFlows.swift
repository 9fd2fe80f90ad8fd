import Foundation
import GraphQLEngine

/// `startThread`, `sendMessage` and `markThreadRead`. A message is written with its
/// thread's row locked, so a thread's messages (and their events) follow one order.
enum MessagingFlows {
    struct StartInput: Decodable, Sendable {
        var providerId: String
        var listingId: String?
        var orderId: String?
        var body: String
    }
    struct StartArgs: Decodable, Sendable { var input: StartInput }
    struct SendArgs: Decodable, Sendable { var threadId: String; var body: String }
    struct ThreadArgs: Decodable, Sendable { var threadId: String }

    static let maximumBody = 4000
    /// How many messages one user may send a minute and an hour (a spam brake, not a quota).
    static let limits = (perMinute: 20, perHour: 200)

    /// Opens the viewer's thread with a provider on a subject (or reuses it) and adds the
    /// first message.
    static func start(_ input: StartInput, _ ctx: Context) async throws -> MessageThreadPayload {
        let viewer = try ctx.requireViewer()
        let providerID = try GlobalID.parse(input.providerId, as: "Provider")
        let listingID = try input.listingId.map { try GlobalID.parse($0, as: "Listing") }
        let orderID = try input.orderId.map { try GlobalID.parse($0, as: "Order") }
        let body = TextInput(input.body, field: ["input", "body"], what: "The message", maximum: maximumBody, required: true)
        if let error = body.error { return MessageThreadPayload(thread: nil, errors: [error]) }
        if let error = try await sendingLimit(viewer.userID, ctx) { return MessageThreadPayload(thread: nil, errors: [error]) }
        guard let provider = try await ctx.loaders.providers.load(providerID) else {
            throw APIError.notFound("There is no such provider.")
        }
        func refused(_ field: String, _ message: String) -> MessageThreadPayload {
            MessageThreadPayload(thread: nil, errors: [UserError(field: ["input", field], code: .invalidInput, message: message)])
        }
        if provider.userID == viewer.userID { return refused("providerId", "You cannot write to your own provider profile.") }
        if listingID != nil && orderID != nil {
            return refused("orderId", "A thread is about a listing or an order, not both.")
        }
        var subject = "General enquiry"
        if let listingID {
            guard let listing = try await ctx.loaders.listings.load(listingID), listing.providerID == providerID else {
                return refused("listingId", "That listing is not one of this provider's.")
            }
            subject = String(listing.title.prefix(200))
        }
        if let orderID {
            let order = try await ctx.loaders.orders.load(orderID)
            let items = try await ctx.loaders.orderItems.load(orderID) ?? []
            guard let order, order.buyerID == viewer.userID, items.contains(where: { $0.providerID == providerID }) else {
                return refused("orderId", "That order is not one of yours with this provider.")
            }
            subject = "Order \(order.number)"
        }
        let threadID = try await ctx.sql.transaction { tx in
            // DO UPDATE (not NOTHING): the existing thread comes back, its row locked for the message.
            let id = try await tx.query("""
                INSERT INTO marketplace.message_threads (buyer_id, provider_id, listing_id, order_id, subject)
                VALUES (\(viewer.userID), \(providerID), \(listingID), \(orderID), \(subject))
                ON CONFLICT (buyer_id, provider_id, listing_id, order_id) DO UPDATE SET updated_at = now()
                RETURNING id
                """).first!.decode(UUID.self)
            _ = try await append(tx, threadID: id, senderID: viewer.userID, asBuyer: true, body: body.value ?? "")
            return id
        }
        ctx.loaders.threads.clear(threadID)
        return MessageThreadPayload(thread: try await ctx.loaders.threads.load(threadID), errors: [])
    }

    /// Adds a message to a thread the viewer takes part in.
    static func send(_ args: SendArgs, _ ctx: Context) async throws -> MessagePayload {
        let viewer = try ctx.requireViewer()
        let thread = try await participantThread(args.threadId, ctx)
        let body = TextInput(args.body, field: ["body"], what: "The message", maximum: maximumBody, required: true)
        if let error = body.error { return MessagePayload(message: nil, errors: [error]) }
        if let error = try await sendingLimit(viewer.userID, ctx) { return MessagePayload(message: nil, errors: [error]) }
        let message = try await ctx.sql.transaction { tx in
            try await tx.query("SELECT 1 FROM marketplace.message_threads WHERE id = \(thread.id) FOR UPDATE")
            return try await append(
                tx, threadID: thread.id, senderID: viewer.userID, asBuyer: thread.buyerID == viewer.userID,
                body: body.value ?? "")
        }
        ctx.loaders.threads.clear(thread.id)
        _ = ctx.loaders.messages.prime(message.id, message)
        return MessagePayload(message: message, errors: [])
    }

    /// Marks every message of the thread read by the viewer.
    static func markRead(_ args: ThreadArgs, _ ctx: Context) async throws -> MessageThreadPayload {
        let viewer = try ctx.requireViewer()
        let thread = try await participantThread(args.threadId, ctx)
        let asBuyer = thread.buyerID == viewer.userID
        try await ctx.sql.query("""
            UPDATE marketplace.message_threads t SET
                buyer_read_seq = CASE WHEN \(asBuyer) THEN last.seq ELSE t.buyer_read_seq END,
                provider_read_seq = CASE WHEN \(asBuyer) THEN t.provider_read_seq ELSE last.seq END
            FROM (SELECT coalesce(max(seq), 0) AS seq FROM marketplace.messages WHERE thread_id = \(thread.id)) last
            WHERE t.id = \(thread.id)
            """)
        ctx.loaders.threads.clear(thread.id)
        ctx.loaders.unreadCounts?.clear(thread.id)
        return MessageThreadPayload(thread: try await ctx.loaders.threads.load(thread.id), errors: [])
    }

    /// Writes a message to a thread whose row the transaction holds: the sender has read
    /// the thread up to it; a `MESSAGE_SENT` event (its entity the thread) tells subscribers.
    private static func append(
        _ tx: SQLTransaction, threadID: UUID, senderID: UUID, asBuyer: Bool, body: String
    ) async throws -> MessageRow {
        let row = try await tx.query("""
            INSERT INTO marketplace.messages AS m (thread_id, sender_id, body) VALUES (\(threadID), \(senderID), \(body))
            RETURNING \(unescaped: MessageRow.columns.description)
            """).first!
        let message = try MessageRow.decode(row.makeRandomAccess())
        try await tx.query("""
            UPDATE marketplace.message_threads SET last_message_at = \(message.createdAt),
                buyer_read_seq = CASE WHEN \(asBuyer) THEN \(message.seq) ELSE buyer_read_seq END,
                provider_read_seq = CASE WHEN \(asBuyer) THEN provider_read_seq ELSE \(message.seq) END
            WHERE id = \(threadID)
            """)
        try await EventLog.append(
            tx, type: "MESSAGE_SENT", entityID: threadID, actorID: senderID,
            payload: ["messageId": message.id.uuidString.lowercased()])
        return message
    }

    /// RATE_LIMITED when the user sent `limits` messages in the last minute or hour.
    private static func sendingLimit(_ userID: UUID, _ ctx: Context) async throws -> UserError? {
        let row = try await ctx.sql.query("""
            SELECT count(*) FILTER (WHERE created_at > now() - interval '1 minute'), count(*)
            FROM marketplace.messages WHERE sender_id = \(userID) AND created_at > now() - interval '1 hour'
            """).first
        guard let (minute, hour) = try row?.decode((Int, Int).self),
              minute >= limits.perMinute || hour >= limits.perHour
        else { return nil }
        return UserError(
            field: nil, code: .rateLimited,
            message: "You have sent too many messages: at most \(limits.perMinute) a minute and \(limits.perHour) an hour.")
    }

    /// A thread the viewer takes part in, or `NOT_FOUND`.
    static func participantThread(_ globalID: String, _ ctx: Context) async throws -> ThreadRow {
        let id = try GlobalID.parse(globalID, as: "MessageThread")
        guard let thread = try await ctx.loaders.threads.load(id) else {
            throw APIError.notFound("There is no such thread.")
        }
        return thread
    }
}

/// `MessageThreadPayload`.
public struct MessageThreadPayload: Sendable {
    public var thread: ThreadRow?
    public var errors: [UserError]
}

/// `MessagePayload`.
public struct MessagePayload: Sendable {
    public var message: MessageRow?
    public var errors: [UserError]
}
