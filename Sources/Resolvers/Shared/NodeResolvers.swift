import Foundation
import GraphQLEngine

/// `Query.node(id:)`: resolves any global ID through the loader of its type. A malformed
/// ID is a `BAD_USER_INPUT` error (we never handed it out); a well-formed one of an
/// unknown type, or of an object that does not exist or the viewer may not see, is null.
enum NodeResolvers {
    struct NodeArgs: Decodable { var id: String }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Query") { query in
            query.field("node") { (_: Void, args: NodeArgs, ctx: Context) async throws -> Any? in
                guard let global = GlobalID(decoding: args.id) else {
                    throw APIError.badUserInput("\"\(args.id.prefix(100))\" is not a valid ID.")
                }
                return try await ctx.guarded("Query.node") { try await node(global, ctx) }
            }
        }
    }

    /// The object a global ID names; each part of the domain adds its type here.
    static func node(_ id: GlobalID, _ ctx: Context) async throws -> Any? {
        switch id.type {
        case "User": try await ctx.loaders.users.load(id.id)
        case "Provider": try await ctx.loaders.providers.load(id.id)
        case "Listing": try await ctx.loaders.listings.load(id.id)
        case "Order": try await ctx.loaders.orders.load(id.id)
        case "OrderItem": try await ctx.loaders.visibleOrderItems.load(id.id)
        case "Review": try await ctx.loaders.reviews.load(id.id)
        case "MessageThread": try await ctx.loaders.threads.load(id.id)
        case "Message": try await ctx.loaders.messages.load(id.id)
        default: nil
        }
    }
}
