import Foundation
import GraphQLEngine

/// The listings part of the schema: `Query.listing`, `Query.listings`, the listing
/// mutations, `Listing` and its connection types, `Provider.listings` and `Provider.dashboard`.
enum ListingResolvers {
    struct ListingArgs: Decodable { var id: String?; var slug: String? }
    struct ListingsArgs: Decodable {
        var filter: ListingFilterInput?
        var sort: String?
        var first: Int?
        var after: String?
    }
    struct ProviderListingsArgs: Decodable { var first: Int?; var after: String?; var status: String? }
    struct IDArgs: Decodable { var id: String }
    struct CreateArgs: Decodable { var input: CreateListingInput }
    struct UpdateArgs: Decodable { var id: String; var input: UpdateListingInput }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Query") { query in
            query.field("listing") { (_: Void, args: ListingArgs, ctx: Context) async throws -> ListingRow? in
                switch (args.id, args.slug) {
                case (let id?, nil):
                    let listingID = try GlobalID.parse(id, as: "Listing")
                    return try await ctx.guarded("Query.listing") { try await ctx.loaders.listings.load(listingID) }
                case (nil, let slug?):
                    return try await ctx.guarded("Query.listing") { try await ctx.loaders.listingsBySlug.load(slug) }
                default:
                    throw APIError.badUserInput("Give exactly one of `id` and `slug`.")
                }
            }
            query.field("listings") { (_: Void, args: ListingsArgs, ctx: Context) async throws -> ListingConnection in
                let filter = try args.filter?.filter() ?? ListingFilter()
                let sort = try listingSort(args.sort)
                let first = try PageSize.resolve(args.first)
                return try await ListingConnection.search(
                    filter: filter, sort: sort, first: first, after: args.after, visibility: .published, ctx)
            }
        }
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("createListing") { (_: Void, args: CreateArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.createListing") { try await ListingFlows.create(args.input, ctx) }
            }
            mutation.field("updateListing") { (_: Void, args: UpdateArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.updateListing") {
                    try await ListingFlows.update(id: args.id, args.input, ctx)
                }
            }
            for (name, change) in [
                ("publishListing", ListingStatusFlows.Change.publish), ("pauseListing", .pause), ("archiveListing", .archive),
            ] {
                mutation.field(name) { (_: Void, args: IDArgs, ctx: Context) async throws in
                    try await ctx.guarded("Mutation.\(name)") { try await ListingStatusFlows.change(change, id: args.id, ctx) }
                }
            }
            mutation.field("deleteListing") { (_: Void, args: IDArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.deleteListing") { try await ListingStatusFlows.delete(id: args.id, ctx) }
            }
        }
        registerListing(in: &resolvers)
        registerConnection(in: &resolvers)
        registerProviderFields(in: &resolvers)
        resolvers.object("Money", Money.self)
        resolvers.object("ListingPayload", ListingPayload.self)
        resolvers.object("DeleteListingPayload", DeleteListingPayload.self)
    }

    private static func registerListing(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.object("Listing", ListingRow.self) { listing in
            listing.field("id") { (row: ListingRow) in GlobalID("Listing", row.id).description }
            listing.field("kind") { (row: ListingRow) in row.kind.graphQLName }
            listing.field("status") { (row: ListingRow) in row.status.graphQLName }
            listing.field("priceType") { (row: ListingRow) in row.priceType.uppercased() }
            listing.field("price") { (row: ListingRow) in Money(cents: row.priceCents, currency: row.currency) }
            // Through the decimal text: NSDecimalNumber.doubleValue gives 3.329999999999999 for 3.33.
            listing.field("averageRating") { (row: ListingRow) in Double(row.averageRating.description) ?? 0 }
            // What there is, less what paid orders and open checkouts hold.
            listing.field("quantityAvailable") { (row: ListingRow, ctx: Context) async throws -> Int? in
                guard let quantity = row.quantity else { return nil }
                let held = try await ctx.guarded("Listing.quantityAvailable") { try await ctx.loaders.heldQuantities.load(row.id) }
                return max(0, quantity - (held ?? 0))
            }
            listing.field("provider") { (row: ListingRow, ctx: Context) async throws -> Provider? in
                try await ctx.guarded("Listing.provider") { try await ctx.loaders.listingProviders.load(row.providerID) }
            }
            listing.field("images") { (row: ListingRow, ctx: Context) throws -> [ListingImage] in
                try row.imageKeys.map { ListingImage(key: $0, url: try ListingFiles.imageURL($0, ctx)) }
            }
            listing.field("coverImageUrl") { (row: ListingRow, ctx: Context) throws -> String? in
                try row.imageKeys.first.map { try ListingFiles.imageURL($0, ctx) }
            }
            listing.field("isSaved") { (row: ListingRow, ctx: Context) async throws -> Bool in
                guard let saved = ctx.loaders.savedByViewer else { return false }
                return try await ctx.guarded("Listing.isSaved") { try await saved.load(row.id) ?? false }
            }
            listing.field("downloadUrl") { (row: ListingRow, ctx: Context) async throws -> String? in
                guard row.kind == .digital, let viewer = ctx.viewer else { return nil }
                // Its provider, and buyers once they have paid for it.
                let allowed = try await ctx.guarded("Listing.downloadUrl") {
                    if try await ctx.loaders.paidByViewer?.load(row.id) == true { return true }
                    return try await ctx.loaders.listingProviders.load(row.providerID)?.userID == viewer.userID
                }
                return allowed ? try ListingFiles.downloadURL(row, ctx) : nil
            }
        }
        resolvers.object("ListingImage", ListingImage.self)
    }

    private static func registerConnection(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.object("ListingConnection", ListingConnection.self) { connection in
            connection.field("edges") { (c: ListingConnection) in c.page.edges }
            connection.field("nodes") { (c: ListingConnection) in c.page.rows }
            connection.field("pageInfo") { (c: ListingConnection) in c.pageInfo }
            connection.field("totalCount") { (c: ListingConnection, ctx: Context) async throws -> Int in
                try await ctx.guarded("ListingConnection.totalCount") { try await c.totalCount(ctx) }
            }
        }
        resolvers.object("ListingEdge", ListingEdge.self) { edge in
            edge.field("node") { (edge: ListingEdge) in edge.row }
        }
        resolvers.object("PageInfo", PageInfo.self)
    }

    private static func registerProviderFields(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Provider", Provider.self) { provider in
            provider.field("listings") { (p: Provider, args: ProviderListingsArgs, ctx: Context) async throws in
                try await providerListings(p, args, ctx)
            }
            provider.field("dashboard") { (p: Provider, ctx: Context) throws -> ProviderDashboard? in
                let viewer = try ctx.requireViewer()
                guard viewer.userID == p.userID || viewer.role == .admin else {
                    throw APIError.forbidden("Only the provider and admins see its dashboard.")
                }
                return ProviderDashboard(p)
            }
        }
        resolvers.object("ProviderDashboard", ProviderDashboard.self)
    }

    /// The provider and admins page through every status (one provider: one statement);
    /// others through the published listings, whose first pages and counts are batched
    /// across all the providers of a query level.
    static func providerListings(
        _ provider: Provider, _ args: ProviderListingsArgs, _ ctx: Context
    ) async throws -> ListingConnection {
        let first = try PageSize.resolve(args.first)
        let status = try args.status.map { name in
            guard let status = ListingStatus(graphQLName: name) else { throw APIError.badUserInput("Unknown status \(name).") }
            return status
        }
        if ctx.viewer?.userID == provider.userID || ctx.viewer?.role == .admin {
            return try await ListingConnection.search(
                filter: ListingFilter(status: status), sort: .newest, first: first, after: args.after,
                visibility: .provider(provider.providerID), ctx)
        }
        let id = provider.providerID
        let total: @Sendable (Context) async throws -> Int = { ctx in
            try await ctx.loaders.providerListingCounts.load(id) ?? 0
        }
        if let after = args.after {
            return try await ListingConnection.search(
                filter: ListingFilter(providerID: id), sort: .newest, first: first, after: after,
                visibility: .published, ctx, totalCount: total)
        }
        let page = try await ctx.guarded("Provider.listings") {
            try await ctx.loaders.providerListingPages.load(ProviderPageKey(providerID: id, first: first))
        }
        return ListingConnection(page: page ?? ListingPage(edges: [], hasNextPage: false), after: nil, totalCount: total)
    }

    static func listingSort(_ name: String?) throws -> ListingSort {
        guard let name else { return .newest }
        guard let sort = ListingSort(rawValue: name.lowercased()) else { throw APIError.badUserInput("Unknown sort \(name).") }
        return sort
    }
}

/// `ListingImage`.
public struct ListingImage: Sendable {
    public var key: String
    public var url: String
}

/// `ProviderDashboard`, from the provider's stats.
public struct ProviderDashboard: Sendable {
    public var totalRevenue: Money
    public var pendingPayout: Money
    public var completedOrders: Int
    public var activeListings: Int
    public var totalListings: Int

    init(_ provider: Provider) {
        totalRevenue = Money(cents: provider.revenueCents, currency: Money.platformCurrency)
        pendingPayout = Money(cents: provider.pendingPayoutCents, currency: Money.platformCurrency)
        completedOrders = provider.completedOrderCount
        activeListings = provider.activeListingCount
        totalListings = provider.listingCount
    }
}
