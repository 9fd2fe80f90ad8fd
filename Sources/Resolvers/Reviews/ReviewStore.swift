import Foundation
import PostgresNIO

/// Reads reviews: by id and by order item for the viewer, and the newest-first pages of
/// `Listing.reviews` and `Provider.reviews` (first pages for a whole level at once).
enum ReviewStore {
    /// Whose reviews a page lists.
    enum Scope: Hashable, Sendable {
        case listing(UUID)
        case provider(UUID)

        var fingerprint: String {
            switch self {
            case .listing(let id): listingFingerprint(["reviews", "listing", id.uuidString])
            case .provider(let id): listingFingerprint(["reviews", "provider", id.uuidString])
            }
        }
    }

    /// The reviews with these ids the viewer may see: shown ones to anyone; a removed one to
    /// its author and admins.
    static func visible(_ sql: SQLExecutor, ids: [UUID], viewer: Viewer?) async throws -> [UUID: ReviewRow] {
        try await visible(sql, viewer: viewer, where: "r.id", ids: ids, key: \.id)
    }

    /// The same, by order item (`OrderItem.review`).
    static func visible(_ sql: SQLExecutor, orderItemIDs: [UUID], viewer: Viewer?) async throws -> [UUID: ReviewRow] {
        try await visible(sql, viewer: viewer, where: "r.order_item_id", ids: orderItemIDs, key: \.orderItemID)
    }

    private static func visible(
        _ sql: SQLExecutor, viewer: Viewer?, where column: StaticString, ids: [UUID], key: KeyPath<ReviewRow, UUID>
    ) async throws -> [UUID: ReviewRow] {
        guard !ids.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT ")
        statement.append(ReviewRow.columns)
        statement.append(" FROM marketplace.reviews r WHERE ")
        statement.append(column)
        statement.append(" = ANY(", Array(Set(ids)), cast: "::uuid[]")
        statement.append(")")
        if let viewer {
            if viewer.role != .admin {
                statement.append(" AND (r.status <> 'removed' OR r.author_id = ", viewer.userID)
                statement.append(")")
            }
        } else {
            statement.append(" AND r.status <> 'removed'")
        }
        var reviews: [UUID: ReviewRow] = [:]
        for row in try await sql.query(statement.query) {
            let review = try ReviewRow.decode(row.makeRandomAccess())
            reviews[review[keyPath: key]] = review
        }
        return reviews
    }

    /// The first page of each scope's shown reviews, in one statement for all of them
    /// (all scopes of one kind).
    static func firstPages(_ sql: SQLExecutor, scopes: [Scope], first: Int) async throws -> [Scope: KeysetPage<ReviewRow>] {
        var pages: [Scope: KeysetPage<ReviewRow>] = [:]
        let listings = scopes.compactMap { if case .listing(let id) = $0 { id } else { nil } }
        let providers = scopes.compactMap { if case .provider(let id) = $0 { id } else { nil } }
        if !listings.isEmpty {
            let grouped = try await firstPages(sql, column: "listing_id", ids: listings, first: first)
            for id in listings { pages[.listing(id)] = page(grouped[id] ?? [], .listing(id), first) }
        }
        if !providers.isEmpty {
            let grouped = try await firstPages(sql, column: "provider_id", ids: providers, first: first)
            for id in providers { pages[.provider(id)] = page(grouped[id] ?? [], .provider(id), first) }
        }
        return pages
    }

    private static func firstPages(
        _ sql: SQLExecutor, column: StaticString, ids: [UUID], first: Int
    ) async throws -> [UUID: [(ReviewRow, String)]] {
        var statement = SQLBuilder("SELECT ")
        statement.append(ReviewRow.columns)
        statement.append(", (extract(epoch FROM r.created_at) * 1000000)::bigint::text, wanted.id FROM unnest(")
        statement.bind(Array(Set(ids)), cast: "::uuid[]")
        statement.append(") AS wanted(id) CROSS JOIN LATERAL (SELECT * FROM marketplace.reviews r WHERE r.")
        statement.append(column)
        statement.append(" = wanted.id AND r.status <> 'removed' ORDER BY r.created_at DESC, r.id DESC LIMIT ", first + 1)
        statement.append(") r ORDER BY wanted.id, r.created_at DESC, r.id DESC")
        var grouped: [UUID: [(ReviewRow, String)]] = [:]
        for row in try await sql.query(statement.query) {
            let columns = row.makeRandomAccess()
            let review = try ReviewRow.decode(columns)
            let key = try columns[ReviewRow.columnCount].decode(String.self, context: .default)
            let scopeID = try columns[ReviewRow.columnCount + 1].decode(UUID.self, context: .default)
            grouped[scopeID, default: []].append((review, key))
        }
        return grouped
    }

    private static func page(_ rows: [(ReviewRow, String)], _ scope: Scope, _ first: Int) -> KeysetPage<ReviewRow> {
        let fingerprint = scope.fingerprint
        let kept = rows.prefix(first)
        return KeysetPage(
            rows: kept.map(\.0),
            cursors: kept.map { ListingCursor(sort: .newest, fingerprint: fingerprint, key: $0.1, id: $0.0.id).encoded() },
            hasNextPage: rows.count > first)
    }

    /// A page after a cursor (one statement for one scope).
    static func page(_ sql: SQLExecutor, scope: Scope, first: Int, after: String) async throws -> KeysetPage<ReviewRow> {
        let cursor = try ListingCursor.decode(after, sort: .newest, fingerprint: scope.fingerprint)
        var statement = SQLBuilder("SELECT ")
        statement.append(ReviewRow.columns)
        statement.append(", (extract(epoch FROM r.created_at) * 1000000)::bigint::text FROM marketplace.reviews r WHERE ")
        switch scope {
        case .listing(let id): statement.append("r.listing_id = ", id)
        case .provider(let id): statement.append("r.provider_id = ", id)
        }
        statement.append(" AND r.status <> 'removed'")
        statement.appendBefore(cursor, time: "r.created_at", id: "r.id")
        statement.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT ", first + 1)
        var rows: [(ReviewRow, String)] = []
        for row in try await sql.query(statement.query) {
            let columns = row.makeRandomAccess()
            rows.append((try ReviewRow.decode(columns), try columns[ReviewRow.columnCount].decode(String.self, context: .default)))
        }
        return page(rows, scope, first)
    }

    /// Moves a listing's and its provider's aggregates by `count` reviews summing `ratingSum`
    /// stars (negative to take them out), in the caller's transaction. Listing first, then
    /// provider: every review change locks in that order, so concurrent ones queue, never deadlock.
    static func adjustAggregates(
        _ tx: SQLTransaction, listingID: UUID, providerID: UUID, count: Int, ratingSum: Int
    ) async throws {
        try await tx.query("""
            UPDATE marketplace.listings SET review_count = review_count + \(count), rating_sum = rating_sum + \(Int64(ratingSum))
            WHERE id = \(listingID)
            """)
        try await tx.query("""
            UPDATE marketplace.providers SET review_count = review_count + \(count), rating_sum = rating_sum + \(Int64(ratingSum))
            WHERE id = \(providerID)
            """)
    }
}
