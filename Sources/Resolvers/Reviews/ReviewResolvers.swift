import Foundation
import GraphQLEngine

/// Reviews: the mutations, `Review`, and the review fields of `Listing`, `Provider` and
/// `OrderItem`.
enum ReviewResolvers {
    struct PageArgs: Decodable { var first: Int?; var after: String? }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("createReview") { (_: Void, args: ReviewFlows.CreateArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.createReview") { try await ReviewFlows.create(args.input, ctx) }
            }
            mutation.field("respondToReview") { (_: Void, args: ReviewFlows.RespondArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.respondToReview") { try await ReviewFlows.respond(args, ctx) }
            }
            mutation.field("flagReview") { (_: Void, args: ReviewFlows.FlagArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.flagReview") { try await ReviewFlows.flag(args, ctx) }
            }
            mutation.field("moderateReview") { (_: Void, args: ReviewFlows.ModerateArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.moderateReview") { try await ReviewFlows.moderate(args, ctx) }
            }
        }
        resolvers.object("Review", ReviewRow.self) { review in
            review.field("id") { (r: ReviewRow) in GlobalID("Review", r.id).description }
            review.field("status") { (r: ReviewRow) in r.status.graphQLName }
            review.field("author") { (r: ReviewRow, ctx: Context) async throws -> User? in
                try await ctx.guarded("Review.author") { try await ctx.loaders.users.load(r.authorID) }
            }
            review.field("listing") { (r: ReviewRow, ctx: Context) async throws -> ListingRow? in
                try await ctx.guarded("Review.listing") { try await ctx.loaders.listings.load(r.listingID) }
            }
            review.field("provider") { (r: ReviewRow, ctx: Context) async throws -> Provider? in
                try await ctx.guarded("Review.provider") { try await ctx.loaders.providers.load(r.providerID) }
            }
        }
        NodeConnection<ReviewRow>.register("ReviewConnection", edge: "ReviewEdge", in: &resolvers)
        resolvers.object("ReviewPayload", ReviewPayload.self)
        resolvers.fields(of: "Listing", ListingRow.self) { listing in
            listing.field("reviews") { (l: ListingRow, args: PageArgs, ctx: Context) async throws -> NodeConnection<ReviewRow> in
                let count = l.reviewCount
                return try await page(.listing(l.id), args, ctx) { _ in count }
            }
        }
        resolvers.fields(of: "Provider", Provider.self) { provider in
            provider.field("reviews") { (p: Provider, args: PageArgs, ctx: Context) async throws -> NodeConnection<ReviewRow> in
                let count = p.reviewCount
                return try await page(.provider(p.providerID), args, ctx) { _ in count }
            }
        }
        resolvers.fields(of: "OrderItem", OrderItemRow.self) { item in
            item.field("review") { (i: OrderItemRow, ctx: Context) async throws -> ReviewRow? in
                try await ctx.guarded("OrderItem.review") { try await ctx.loaders.reviewsByOrderItem.load(i.id) }
            }
        }
    }

    /// A page of shown reviews, newest first: first pages come batched for a whole level;
    /// a page after a cursor is one statement. The count is the parent's `reviewCount`,
    /// which counts exactly the shown reviews.
    private static func page(
        _ scope: ReviewStore.Scope, _ args: PageArgs, _ ctx: Context,
        totalCount: @escaping @Sendable (Context) async throws -> Int
    ) async throws -> NodeConnection<ReviewRow> {
        let first = try PageSize.resolve(args.first)
        let page = try await ctx.guarded("reviews") {
            if let after = args.after {
                do {
                    return try await ReviewStore.page(ctx.sql, scope: scope, first: first, after: after)
                } catch let error as ListingSearchError {
                    throw APIError.badUserInput(error.description)
                }
            }
            return try await ctx.loaders.reviewPages.load(ReviewPageKey(scope: scope, first: first))
                ?? .empty
        }
        for review in page.rows { _ = ctx.loaders.reviews.prime(review.id, review) }
        return NodeConnection(page, after: args.after, totalCount: totalCount)
    }
}

/// A scope's first page of a given size.
struct ReviewPageKey: Hashable, Sendable {
    var scope: ReviewStore.Scope
    var first: Int
}
