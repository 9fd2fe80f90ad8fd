import Foundation
import GraphQLEngine

/// Carts: `Query.cart`, `User.cart`, `addToCart`, `updateCartLine`, `removeFromCart`.
enum CartResolvers {
    struct AddArgs: Decodable { var listingId: String; var quantity: Int? }
    struct UpdateArgs: Decodable { var listingId: String; var quantity: Int }
    struct RemoveArgs: Decodable { var listingId: String }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Query") { query in
            query.field("cart") { (_: Void, ctx: Context) async throws -> Cart in
                try await CartFlows.cart(of: try ctx.requireViewer().userID, ctx)
            }
        }
        resolvers.fields(of: "User", User.self) { user in
            user.field("cart") { (user: User, ctx: Context) async throws -> Cart? in
                try ctx.requireSelfOrAdmin(user.userID, what: "cart")
                return try await CartFlows.cart(of: user.userID, ctx)
            }
        }
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("addToCart") { (_: Void, args: AddArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.addToCart") {
                    try await CartFlows.add(args.listingId, quantity: args.quantity ?? 1, ctx)
                }
            }
            mutation.field("updateCartLine") { (_: Void, args: UpdateArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.updateCartLine") {
                    try await CartFlows.update(args.listingId, quantity: args.quantity, ctx)
                }
            }
            mutation.field("removeFromCart") { (_: Void, args: RemoveArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.removeFromCart") { try await CartFlows.remove(args.listingId, ctx) }
            }
        }
        resolvers.object("Cart", Cart.self)
        resolvers.object("CartLine", CartLine.self) { line in
            line.field("listing") { (line: CartLine) in line.visibleListing }
            line.field("listingId") { (line: CartLine) in GlobalID("Listing", line.record.listing.id).description }
            line.field("title") { (line: CartLine) in line.title }
            line.field("quantity") { (line: CartLine) in line.quantity }
            line.field("unitPrice") { (line: CartLine) in line.unitPrice }
            line.field("lineTotal") { (line: CartLine) in line.lineTotal }
        }
        resolvers.object("CartPayload", CartPayload.self)
    }
}
