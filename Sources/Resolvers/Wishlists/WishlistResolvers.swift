import Foundation
import GraphQLEngine

/// Wishlists: `saveListing`, `unsaveListing`, `Query.savedListings` and `User.savedListings`.
/// (`Listing.isSaved` and `savedCount` are with the listing's fields.)
enum WishlistResolvers {
    struct ListingIDArgs: Decodable { var listingId: String }
    struct PageArgs: Decodable { var first: Int?; var after: String? }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("saveListing") { (_: Void, args: ListingIDArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.saveListing") { try await save(args.listingId, ctx) }
            }
            mutation.field("unsaveListing") { (_: Void, args: ListingIDArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.unsaveListing") { try await unsave(args.listingId, ctx) }
            }
        }
        resolvers.fields(of: "Query") { query in
            query.field("savedListings") { (_: Void, args: PageArgs, ctx: Context) async throws -> ListingConnection in
                let viewer = try ctx.requireViewer()
                return try await connection(userID: viewer.userID, args, ctx)
            }
        }
        resolvers.fields(of: "User", User.self) { user in
            user.field("savedListings") { (user: User, args: PageArgs, ctx: Context) async throws -> ListingConnection? in
                try ctx.requireSelfOrAdmin(user.userID, what: "saved listings")
                return try await connection(userID: user.userID, args, ctx)
            }
        }
        resolvers.object("SaveListingPayload", SaveListingPayload.self)
    }

    static func connection(userID: UUID, _ args: PageArgs, _ ctx: Context) async throws -> ListingConnection {
        let first = try PageSize.resolve(args.first)
        let page = try await ctx.guarded("savedListings") {
            do {
                return try await WishlistStore.page(ctx.sql, userID: userID, first: first, after: args.after)
            } catch let error as ListingSearchError {
                throw APIError.badUserInput(error.description)
            }
        }
        return ListingConnection(page: page, after: args.after) { ctx in
            try await WishlistStore.count(ctx.sql, userID: userID)
        }
    }

    static func save(_ id: String, _ ctx: Context) async throws -> SaveListingPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(id, as: "Listing", argument: "listingId")
        guard let listing = try await ctx.loaders.listings.load(listingID) else { throw ListingAccess.notFound }
        guard listing.status != .draft else {
            return SaveListingPayload(listing: nil, errors: [UserError(
                field: ["listingId"], code: .listingUnavailable, message: "A draft cannot be saved: publish it first.")])
        }
        if try await WishlistStore.save(ctx.sql, userID: viewer.userID, listingID: listingID) {
            ctx.loaders.listings.clear(listingID)
        }
        return try await reloaded(listingID, ctx)
    }

    static func unsave(_ id: String, _ ctx: Context) async throws -> SaveListingPayload {
        let viewer = try ctx.requireViewer()
        let listingID = try GlobalID.parse(id, as: "Listing", argument: "listingId")
        if try await WishlistStore.unsave(ctx.sql, userID: viewer.userID, listingID: listingID) {
            ctx.loaders.listings.clear(listingID)
        }
        // A listing deleted since it was saved can still be unsaved; it is null then.
        return try await reloaded(listingID, ctx)
    }

    /// The listing with its new count and flag (the loaders' cached values are stale).
    private static func reloaded(_ listingID: UUID, _ ctx: Context) async throws -> SaveListingPayload {
        ctx.loaders.savedByViewer?.clear(listingID)
        let listing = try await ctx.loaders.listings.load(listingID)
        if let listing { ctx.loaders.listingsBySlug.clear(listing.slug) }
        return SaveListingPayload(listing: listing, errors: [])
    }
}

/// `SaveListingPayload`.
public struct SaveListingPayload: Sendable {
    public var listing: ListingRow?
    public var errors: [UserError]
}
