import Foundation
import GraphQLEngine

/// `Subscription.orderStatusChanged` and `Subscription.messageAdded`: events from the
/// `EventHub`, authorized when the subscription starts and again for each event (a
/// session that ended, a suspended account or a lost right ends the subscription with
/// the error), each re-read fresh for its response.
enum SubscriptionResolvers {
    struct OrderArgs: Decodable { var orderId: String }
    struct ThreadArgs: Decodable { var threadId: String }

    /// The events that set an order's status (each carries the status it set).
    static let orderStatusEvents: Set<String> = [
        "ORDER_PAID", "ORDER_EXPIRED", "ORDER_CANCELLED", "ORDER_REFUNDED", "ORDER_STATUS_CHANGED", "CHARGE_REFUNDED",
    ]

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.subscription("Subscription.orderStatusChanged") { (args: OrderArgs, ctx: Context) async throws in
            try await orderStatusChanged(args, ctx)
        }
        resolvers.subscription("Subscription.messageAdded") { (args: ThreadArgs, ctx: Context) async throws in
            try await messageAdded(args, ctx)
        }
    }

    static func orderStatusChanged(_ args: OrderArgs, _ ctx: Context) async throws -> EventFeed<OrderRow> {
        let viewer = try ctx.requireViewer()
        let orderID = try GlobalID.parse(args.orderId, as: "Order")
        // Listening before the checks: a change committed after them cannot slip through.
        let events = await ctx.services.events.events { event in
            event.entityID == orderID && orderStatusEvents.contains(event.type) && event.payload["status"] != nil
        }
        let baseline = try await ctx.guarded("Subscription.orderStatusChanged") { () -> Int64 in
            guard try await ctx.loaders.orders.load(orderID) != nil else {
                throw APIError.notFound("There is no such order.")
            }
            return try await EventStore.lastEventID(ctx.sql, entityID: orderID)
        }
        let sql = ctx.sql
        return EventFeed(events: events, after: baseline) { event in
            try await ctx.guarded("Subscription.orderStatusChanged") {
                try await stillSignedIn(viewer, sql)
                guard var order = try await OrderStore.visible(sql, ids: [orderID], viewer: viewer)[orderID] else {
                    throw APIError.forbidden("You may no longer see this order.")
                }
                // The status this change set: a later one may have followed already, and is
                // delivered with its own event.
                if let status = event.payload["status"].flatMap(OrderStatus.init(graphQLName:)) { order.status = status }
                return order
            }
        }
    }

    static func messageAdded(_ args: ThreadArgs, _ ctx: Context) async throws -> EventFeed<MessageRow> {
        let viewer = try ctx.requireViewer()
        let threadID = try GlobalID.parse(args.threadId, as: "MessageThread")
        let events = await ctx.services.events.events { event in
            event.entityID == threadID && event.type == "MESSAGE_SENT"
        }
        let baseline = try await ctx.guarded("Subscription.messageAdded") { () -> Int64 in
            guard try await ctx.loaders.threads.load(threadID) != nil else {
                throw APIError.notFound("There is no such thread.")
            }
            return try await EventStore.lastEventID(ctx.sql, entityID: threadID)
        }
        let sql = ctx.sql
        return EventFeed(events: events, after: baseline) { event in
            try await ctx.guarded("Subscription.messageAdded") {
                try await stillSignedIn(viewer, sql)
                guard let messageID = event.payload["messageId"].flatMap(UUID.init(uuidString:)) else { return nil }
                guard let message = try await MessagingStore.messages(sql, ids: [messageID], participant: viewer.userID)[messageID]
                else { throw APIError.forbidden("You no longer take part in this thread.") }
                return message
            }
        }
    }

    /// The subscriber's session and account are still active (one statement).
    private static func stillSignedIn(_ viewer: Viewer, _ sql: SQLExecutor) async throws {
        guard try await AccountStore.viewer(sql, userID: viewer.userID, sessionID: viewer.sessionID) != nil else {
            throw APIError.unauthenticated("The session has ended. Sign in again.")
        }
    }
}

extension Context: SubscriptionEventContext {
    /// The same viewer with fresh DataLoaders on the event's scope, so each event's
    /// response reads current data.
    public func context(forEventIn scope: BatchScope) -> any Sendable {
        let sql = SQLExecutor(database: services.database, logger: logger)
        return Context(
            viewer: viewer, requestID: requestID, clientAddress: clientAddress, userAgent: userAgent, scope: scope,
            sql: sql, loaders: Loaders(scope: scope, sql: sql, viewer: viewer), services: services, logger: logger)
    }
}
