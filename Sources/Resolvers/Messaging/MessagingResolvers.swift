import Foundation
import GraphQLEngine

/// Messaging: `threads`, the mutations, `MessageThread` and `Message`.
enum MessagingResolvers {
    struct PageArgs: Decodable { var first: Int?; var after: String? }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Query") { query in
            query.field("threads") { (_: Void, args: PageArgs, ctx: Context) async throws -> NodeConnection<ThreadRow> in
                let viewer = try ctx.requireViewer()
                return try await ctx.guarded("Query.threads") {
                    let providerID = try await ctx.loaders.providersByUser.load(viewer.userID)?.providerID
                    let first = try PageSize.resolve(args.first)
                    let page: KeysetPage<ThreadRow>
                    do {
                        page = try await MessagingStore.threadPage(
                            ctx.sql, userID: viewer.userID, providerID: providerID, first: first, after: args.after)
                    } catch let error as ListingSearchError {
                        throw APIError.badUserInput(error.description)
                    }
                    for thread in page.rows { _ = ctx.loaders.threads.prime(thread.id, thread) }
                    return NodeConnection(page, after: args.after) { ctx in
                        try await MessagingStore.threadCount(ctx.sql, userID: viewer.userID, providerID: providerID)
                    }
                }
            }
        }
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("startThread") { (_: Void, args: MessagingFlows.StartArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.startThread") { try await MessagingFlows.start(args.input, ctx) }
            }
            mutation.field("sendMessage") { (_: Void, args: MessagingFlows.SendArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.sendMessage") { try await MessagingFlows.send(args, ctx) }
            }
            mutation.field("markThreadRead") { (_: Void, args: MessagingFlows.ThreadArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.markThreadRead") { try await MessagingFlows.markRead(args, ctx) }
            }
        }
        resolvers.object("MessageThread", ThreadRow.self) { thread in
            thread.field("id") { (t: ThreadRow) in GlobalID("MessageThread", t.id).description }
            thread.field("participants") { (t: ThreadRow, ctx: Context) async throws -> [User] in
                try await ctx.guarded("MessageThread.participants") {
                    async let buyer = ctx.loaders.users.load(t.buyerID)
                    async let seller = ctx.loaders.users.load(t.providerUserID)
                    return try await [buyer, seller].compactMap { $0 }
                }
            }
            thread.field("buyer") { (t: ThreadRow, ctx: Context) async throws -> User? in
                try await ctx.guarded("MessageThread.buyer") { try await ctx.loaders.users.load(t.buyerID) }
            }
            thread.field("provider") { (t: ThreadRow, ctx: Context) async throws -> Provider? in
                try await ctx.guarded("MessageThread.provider") { try await ctx.loaders.providers.load(t.providerID) }
            }
            thread.field("listing") { (t: ThreadRow, ctx: Context) async throws -> ListingRow? in
                guard let id = t.listingID else { return nil }
                return try await ctx.guarded("MessageThread.listing") { try await ctx.loaders.listings.load(id) }
            }
            thread.field("order") { (t: ThreadRow, ctx: Context) async throws -> OrderRow? in
                guard let id = t.orderID else { return nil }
                return try await ctx.guarded("MessageThread.order") { try await ctx.loaders.orders.load(id) }
            }
            thread.field("unreadCount") { (t: ThreadRow, ctx: Context) async throws -> Int in
                try await ctx.guarded("MessageThread.unreadCount") { try await ctx.loaders.unreadCounts?.load(t.id) ?? 0 }
            }
            thread.field("messages") { (t: ThreadRow, args: PageArgs, ctx: Context) async throws -> NodeConnection<MessageRow> in
                try await messages(of: t, args, ctx)
            }
        }
        resolvers.object("Message", MessageRow.self) { message in
            message.field("id") { (m: MessageRow) in GlobalID("Message", m.id).description }
            message.field("sender") { (m: MessageRow, ctx: Context) async throws -> User? in
                try await ctx.guarded("Message.sender") { try await ctx.loaders.users.load(m.senderID) }
            }
            message.field("thread") { (m: MessageRow, ctx: Context) async throws -> ThreadRow? in
                try await ctx.guarded("Message.thread") { try await ctx.loaders.threads.load(m.threadID) }
            }
        }
        NodeConnection<ThreadRow>.register("MessageThreadConnection", edge: "MessageThreadEdge", in: &resolvers)
        NodeConnection<MessageRow>.register("MessageConnection", edge: "MessageEdge", in: &resolvers)
        resolvers.object("MessageThreadPayload", MessageThreadPayload.self)
        resolvers.object("MessagePayload", MessagePayload.self)
    }

    /// A thread's messages, newest first: first pages batched across a level, later pages
    /// one statement each.
    private static func messages(
        of thread: ThreadRow, _ args: PageArgs, _ ctx: Context
    ) async throws -> NodeConnection<MessageRow> {
        let first = try PageSize.resolve(args.first)
        let page = try await ctx.guarded("MessageThread.messages") {
            if let after = args.after {
                do {
                    return try await MessagingStore.messagePage(ctx.sql, threadID: thread.id, first: first, after: after)
                } catch let error as ListingSearchError {
                    throw APIError.badUserInput(error.description)
                }
            }
            return try await ctx.loaders.messagePages.load(MessagePageKey(threadID: thread.id, first: first))
                ?? .empty
        }
        for message in page.rows { _ = ctx.loaders.messages.prime(message.id, message) }
        let id = thread.id
        return NodeConnection(page, after: args.after) { ctx in
            try await ctx.loaders.messageCounts.load(id) ?? 0
        }
    }
}

/// A thread's first page of a given size.
struct MessagePageKey: Hashable, Sendable {
    var threadID: UUID
    var first: Int
}
