import Foundation
import GraphQLEngine

/// One request's DataLoaders, made on its `BatchScope`: each loads a level of a query in
/// one statement (`WHERE id = ANY(...)`) and caches for the rest of the request. Loaders
/// whose answers depend on the viewer are made for this request's viewer.
public struct Loaders: Sendable {
    public let users: DataLoader<UUID, User>
    /// Visible (active, not deleted) providers by provider id.
    public let providers: DataLoader<UUID, Provider>
    /// Providers of listings, suspended ones included: `Listing.provider` of a listing the
    /// viewer may see (its owner and admins see listings of a suspended provider).
    let listingProviders: DataLoader<UUID, Provider>
    /// Visible providers by their user's id.
    public let providersByUser: DataLoader<UUID, Provider>
    /// Listings the viewer may see (`ListingStore.Reader`), by id.
    public let listings: DataLoader<UUID, ListingRow>
    /// Listings the viewer may see, by slug.
    public let listingsBySlug: DataLoader<String, ListingRow>
    /// Whether the viewer has saved each listing (only made for a signed-in viewer).
    public let savedByViewer: DataLoader<UUID, Bool>?
    /// The quantity each listing has on hold (`Listing.quantityAvailable`).
    let heldQuantities: DataLoader<UUID, Int>
    /// Orders the viewer may see (buyer, a provider of an item, or admin), by id.
    public let orders: DataLoader<UUID, OrderRow>
    /// Order items the viewer may see, by id.
    let visibleOrderItems: DataLoader<UUID, OrderItemRow>
    /// Each order's items (all of them: resolvers narrow a provider's view).
    let orderItems: DataLoader<UUID, [OrderItemRow]>
    /// Each order's invoices.
    let orderInvoices: DataLoader<UUID, [InvoiceRow]>
    /// Listings by id, deleted ones too: what an order item's download needs.
    let listingsForOrders: DataLoader<UUID, ListingRow>
    /// Whether the viewer has paid for each listing (only made for a signed-in viewer).
    let paidByViewer: DataLoader<UUID, Bool>?
    /// The first page of each provider's published listings (`Provider.listings` with no `after`).
    let providerListingPages: DataLoader<ProviderPageKey, ListingPage>
    /// How many published listings each provider has.
    let providerListingCounts: DataLoader<UUID, Int>
    /// Reviews the viewer may see (shown ones; removed ones to their author and admins), by id.
    let reviews: DataLoader<UUID, ReviewRow>
    /// The same, by order item.
    let reviewsByOrderItem: DataLoader<UUID, ReviewRow>
    /// The first page of each listing's or provider's shown reviews.
    let reviewPages: DataLoader<ReviewPageKey, KeysetPage<ReviewRow>>
    /// Threads the viewer takes part in, by id (none without a viewer).
    let threads: DataLoader<UUID, ThreadRow>
    /// Messages of threads the viewer takes part in, by id.
    let messages: DataLoader<UUID, MessageRow>
    /// The first page of each thread's messages.
    let messagePages: DataLoader<MessagePageKey, KeysetPage<MessageRow>>
    /// How many messages each thread has.
    let messageCounts: DataLoader<UUID, Int>
    /// How many messages of each thread the viewer has not read (only made for a signed-in viewer).
    let unreadCounts: DataLoader<UUID, Int>?

    init(scope: BatchScope, sql: SQLExecutor, viewer: Viewer?) {
        users = DataLoader(scope: scope, batch: { ids in try await AccountStore.users(sql, ids: ids) })
        providers = DataLoader(scope: scope, batch: { ids in try await ProviderStore.providers(sql, ids: ids) })
        listingProviders = DataLoader(scope: scope, batch: { ids in
            try await ProviderStore.providers(sql, ids: ids, includingSuspended: true)
        })
        providersByUser = DataLoader(scope: scope, batch: { ids in try await ProviderStore.providers(sql, userIDs: ids) })
        let reader = ListingStore.Reader(viewerID: viewer?.userID, isAdmin: viewer?.role == .admin)
        listings = DataLoader(scope: scope, batch: { ids in try await ListingStore.visible(sql, ids: ids, reader: reader) })
        listingsBySlug = DataLoader(scope: scope, batch: { slugs in
            try await ListingStore.visible(sql, slugs: slugs, reader: reader)
        })
        if let viewer {
            savedByViewer = DataLoader(scope: scope, batch: { ids in
                let saved = try await ListingStore.savedListingIDs(sql, userID: viewer.userID, among: ids)
                return Dictionary(uniqueKeysWithValues: ids.map { ($0, saved.contains($0)) })
            })
        } else {
            savedByViewer = nil
        }
        heldQuantities = DataLoader(scope: scope, batch: { ids in
            let held = try await CheckoutStore.held(sql, listingIDs: ids)
            return Dictionary(uniqueKeysWithValues: ids.map { ($0, held[$0] ?? 0) })
        })
        orders = DataLoader(scope: scope, batch: { ids in try await OrderStore.visible(sql, ids: ids, viewer: viewer) })
        visibleOrderItems = DataLoader(scope: scope, batch: { ids in
            try await OrderStore.visibleItems(sql, ids: ids, viewer: viewer)
        })
        orderItems = DataLoader(scope: scope, batch: { ids in try await OrderStore.items(sql, orderIDs: ids) })
        orderInvoices = DataLoader(scope: scope, batch: { ids in try await OrderStore.invoices(sql, orderIDs: ids) })
        listingsForOrders = DataLoader(scope: scope, batch: { ids in try await ListingStore.byIDs(sql, ids: ids) })
        if let viewer {
            paidByViewer = DataLoader(scope: scope, batch: { ids in
                let paid = try await OrderStore.paidListingIDs(sql, buyerID: viewer.userID, among: ids)
                return Dictionary(uniqueKeysWithValues: ids.map { ($0, paid.contains($0)) })
            })
        } else {
            paidByViewer = nil
        }
        providerListingPages = DataLoader(scope: scope, batch: { keys in
            // One statement per distinct page size (a query asks for one, mostly).
            var pages: [ProviderPageKey: ListingPage] = [:]
            for (first, group) in Dictionary(grouping: keys, by: \.first) {
                let byProvider = try await ListingStore.firstPages(sql, providerIDs: group.map(\.providerID), first: first)
                for key in group { pages[key] = byProvider[key.providerID] }
            }
            return pages
        })
        providerListingCounts = DataLoader(scope: scope, batch: { ids in
            let counts = try await ListingStore.publishedCounts(sql, providerIDs: ids)
            return Dictionary(uniqueKeysWithValues: ids.map { ($0, counts[$0] ?? 0) })
        })
        reviews = DataLoader(scope: scope, batch: { ids in try await ReviewStore.visible(sql, ids: ids, viewer: viewer) })
        reviewsByOrderItem = DataLoader(scope: scope, batch: { ids in
            try await ReviewStore.visible(sql, orderItemIDs: ids, viewer: viewer)
        })
        reviewPages = DataLoader(scope: scope, batch: { keys in
            // One statement per page size and kind of scope (a query level asks for one, mostly).
            var pages: [ReviewPageKey: KeysetPage<ReviewRow>] = [:]
            for (first, group) in Dictionary(grouping: keys, by: \.first) {
                let byScope = try await ReviewStore.firstPages(sql, scopes: group.map(\.scope), first: first)
                for key in group { pages[key] = byScope[key.scope] }
            }
            return pages
        })
        threads = DataLoader(scope: scope, batch: { ids in
            guard let viewer else { return [:] }
            return try await MessagingStore.threads(sql, ids: ids, participant: viewer.userID)
        })
        messages = DataLoader(scope: scope, batch: { ids in
            guard let viewer else { return [:] }
            return try await MessagingStore.messages(sql, ids: ids, participant: viewer.userID)
        })
        messagePages = DataLoader(scope: scope, batch: { keys in
            var pages: [MessagePageKey: KeysetPage<MessageRow>] = [:]
            for (first, group) in Dictionary(grouping: keys, by: \.first) {
                let byThread = try await MessagingStore.firstMessagePages(sql, threadIDs: group.map(\.threadID), first: first)
                for key in group { pages[key] = byThread[key.threadID] }
            }
            return pages
        })
        messageCounts = DataLoader(scope: scope, batch: { ids in try await MessagingStore.messageCounts(sql, threadIDs: ids) })
        if let viewer {
            unreadCounts = DataLoader(scope: scope, batch: { ids in
                try await MessagingStore.unreadCounts(sql, threadIDs: ids, reader: viewer.userID)
            })
        } else {
            unreadCounts = nil
        }
    }
}

/// A provider's first page of a given size.
struct ProviderPageKey: Hashable, Sendable {
    var providerID: UUID
    var first: Int
}
