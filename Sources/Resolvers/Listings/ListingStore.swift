import Foundation
import PostgresNIO

/// Reads listings: browse and search (`ListingSearch.swift`), and the batch reads that
/// DataLoaders call, one statement each however many keys they carry. Every statement
/// goes through the request's `SQLExecutor`, which counts it.
public enum ListingStore {
    /// The listings with these ids, deleted ones included (an order still shows what it
    /// bought); callers decide what a viewer may see. Missing ids are absent from the map.
    public static func byIDs(_ sql: SQLExecutor, ids: [UUID]) async throws -> [UUID: ListingRow] {
        guard !ids.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT ")
        statement.append(ListingRow.columns)
        statement.append(" FROM marketplace.listings l WHERE l.id = ANY(", Array(Set(ids)), cast: "::uuid[]")
        statement.append(")")
        var result: [UUID: ListingRow] = [:]
        for row in try await sql.query(statement.query) {
            let listing = try ListingRow.decode(row.makeRandomAccess())
            result[listing.id] = listing
        }
        return result
    }

    /// Which listings a viewer may see one by one (`listing(id|slug)`, `node`, the
    /// listings DataLoaders). Nobody sees deleted ones; admins see every other; a provider
    /// sees their own; anyone sees non-draft listings of a visible provider (a paused or
    /// sold-out listing still opens from a bookmark, a cart or an order, showing its status;
    /// browse lists ACTIVE ones only).
    public struct Reader: Sendable {
        /// The viewer's user id (nil: anonymous).
        public var viewerID: UUID?
        public var isAdmin: Bool

        public init(viewerID: UUID?, isAdmin: Bool) {
            self.viewerID = viewerID
            self.isAdmin = isAdmin
        }

        fileprivate func appendVisibility(to statement: inout SQLBuilder) {
            statement.append(" AND l.deleted_at IS NULL")
            if isAdmin { return }
            // A provider's status is the switch for their whole catalogue (suspending the user
            // suspends the provider), as in browse.
            statement.append(" AND p.deleted_at IS NULL AND ((l.status <> 'draft' AND p.status = 'active')")
            if let viewerID { statement.append(" OR p.user_id = ", viewerID) }
            statement.append(")")
        }
    }

    /// The listings with these ids that `reader` may see, in one statement.
    public static func visible(_ sql: SQLExecutor, ids: [UUID], reader: Reader) async throws -> [UUID: ListingRow] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await visible(sql, reader: reader) { statement in
            statement.append(" WHERE l.id = ANY(", Array(Set(ids)), cast: "::uuid[]")
        }
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The listings with these slugs that `reader` may see, by slug, in one statement.
    public static func visible(_ sql: SQLExecutor, slugs: [String], reader: Reader) async throws -> [String: ListingRow] {
        guard !slugs.isEmpty else { return [:] }
        let rows = try await visible(sql, reader: reader) { statement in
            statement.append(" WHERE l.slug = ANY(", Array(Set(slugs)), cast: "::text[]")
        }
        return Dictionary(rows.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The listings `match` selects (it appends `WHERE ... = ANY(...`) that `reader` may see.
    private static func visible(
        _ sql: SQLExecutor, reader: Reader, match: (inout SQLBuilder) -> Void
    ) async throws -> [ListingRow] {
        var statement = SQLBuilder("SELECT ")
        statement.append(ListingRow.columns)
        statement.append(" FROM marketplace.listings l JOIN marketplace.providers p ON p.id = l.provider_id")
        match(&statement)
        statement.append(")")
        reader.appendVisibility(to: &statement)
        return try await sql.query(statement.query).map { try ListingRow.decode($0.makeRandomAccess()) }
    }

    /// How many published listings each provider has (`Provider.listings.totalCount`
    /// across many providers at once); providers with none are absent.
    public static func publishedCounts(_ sql: SQLExecutor, providerIDs: [UUID]) async throws -> [UUID: Int] {
        guard !providerIDs.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT l.provider_id, count(*)::int8 FROM marketplace.listings l")
        statement.append(" WHERE l.provider_id = ANY(", Array(Set(providerIDs)), cast: "::uuid[]")
        statement.append(") AND l.deleted_at IS NULL AND l.status = 'active' GROUP BY l.provider_id")
        var counts: [UUID: Int] = [:]
        for row in try await sql.query(statement.query) {
            let (id, count) = try row.decode((UUID, Int).self)
            counts[id] = count
        }
        return counts
    }

    /// The first page of each provider's published listings, newest first, for
    /// `Provider.listings(first:)` across many providers at once: one statement, a
    /// LATERAL subquery per provider that reads `first + 1` rows of its index. The
    /// cursors are those of `search(filter: ListingFilter(providerID: id), sort: .newest)`,
    /// so `after:` continues through `search`. Providers with no listings map to an empty page.
    public static func firstPages(
        _ sql: SQLExecutor, providerIDs: [UUID], first: Int
    ) async throws -> [UUID: ListingPage] {
        guard (1...maximumPageSize).contains(first) else { throw ListingSearchError.firstOutOfRange(first) }
        let ids = Array(Set(providerIDs))
        guard !ids.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT ")
        statement.append(ListingRow.columns)
        statement.append(", (extract(epoch FROM l.published_at) * 1000000)::bigint::text")
        statement.append(" FROM unnest(", ids, cast: "::uuid[]")
        statement.append(") AS wanted(provider_id) CROSS JOIN LATERAL (SELECT l.* FROM marketplace.listings l")
        statement.append(" JOIN marketplace.providers p ON p.id = l.provider_id")
        statement.append(" WHERE l.provider_id = wanted.provider_id AND l.deleted_at IS NULL AND l.status = 'active'")
        statement.append(" AND p.deleted_at IS NULL AND p.status = 'active'")
        statement.append(" ORDER BY l.published_at DESC, l.id DESC LIMIT ", first + 1)
        statement.append(") l ORDER BY l.provider_id, l.published_at DESC, l.id DESC")

        var grouped: [UUID: [ListingEdge]] = [:]
        for row in try await sql.query(statement.query) {
            let columns = row.makeRandomAccess()
            let listing = try ListingRow.decode(columns)
            let key = try columns[ListingRow.columnCount].decode(String.self, context: .default)
            let plan = ListingSearchPlan(
                filter: ListingFilter(providerID: listing.providerID), sort: .newest, visibility: .published)
            let cursor = ListingCursor(sort: .newest, fingerprint: plan.fingerprint, key: key, id: listing.id)
            grouped[listing.providerID, default: []].append(ListingEdge(row: listing, cursor: cursor.encoded()))
        }
        var pages: [UUID: ListingPage] = [:]
        for id in ids {
            let edges = grouped[id] ?? []
            pages[id] = ListingPage(edges: Array(edges.prefix(first)), hasNextPage: edges.count > first)
        }
        return pages
    }

    /// Which of `listingIDs` the user has saved (`Listing.isSaved` for a whole page at once).
    public static func savedListingIDs(
        _ sql: SQLExecutor, userID: UUID, among listingIDs: [UUID]
    ) async throws -> Set<UUID> {
        guard !listingIDs.isEmpty else { return [] }
        var statement = SQLBuilder()
        statement.append("SELECT listing_id FROM marketplace.saved_listings WHERE user_id = ", userID)
        statement.append(" AND listing_id = ANY(", Array(Set(listingIDs)), cast: "::uuid[]")
        statement.append(")")
        var saved: Set<UUID> = []
        for row in try await sql.query(statement.query) { saved.insert(try row.decode(UUID.self)) }
        return saved
    }

    /// A slug for a new listing titled `title` that no listing has yet (deleted ones
    /// included: old links must not start pointing elsewhere), in one statement.
    /// Two creations racing for the same slug still meet the UNIQUE constraint; the
    /// loser asks again.
    public static func availableSlug(_ sql: some SQLQuerying, for title: String) async throws -> String {
        let base = ListingSlug.base(for: title)
        // starts_with, not LIKE: no pattern characters to escape, whatever the base holds.
        var statement = SQLBuilder()
        statement.append("SELECT slug FROM marketplace.listings WHERE slug = ", base)
        statement.append(" OR starts_with(slug, ", base + "-")
        statement.append(")")
        var taken: Set<String> = []
        for row in try await sql.query(statement.query) { taken.insert(try row.decode(String.self)) }
        return ListingSlug.firstAvailable(base: base, taken: taken)
    }
}
