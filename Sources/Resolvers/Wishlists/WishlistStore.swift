import Foundation
import PostgresNIO

/// The SQL of wishlists (`marketplace.saved_listings`). `listings.saved_count` moves in the
/// same statement as the bookmark, so it cannot drift from the rows.
enum WishlistStore {
    /// Saves the listing for the user; false when it was saved already.
    static func save(_ sql: SQLExecutor, userID: UUID, listingID: UUID) async throws -> Bool {
        let rows = try await sql.query("""
            WITH saved AS (
                INSERT INTO marketplace.saved_listings (user_id, listing_id) VALUES (\(userID), \(listingID))
                ON CONFLICT DO NOTHING RETURNING listing_id
            )
            UPDATE marketplace.listings l SET saved_count = l.saved_count + 1
            FROM saved WHERE l.id = saved.listing_id RETURNING l.id
            """)
        return !rows.isEmpty
    }

    /// Removes the bookmark; false when there was none.
    static func unsave(_ sql: SQLExecutor, userID: UUID, listingID: UUID) async throws -> Bool {
        let rows = try await sql.query("""
            WITH gone AS (
                DELETE FROM marketplace.saved_listings WHERE user_id = \(userID) AND listing_id = \(listingID)
                RETURNING listing_id
            )
            UPDATE marketplace.listings l SET saved_count = l.saved_count - 1
            FROM gone WHERE l.id = gone.listing_id RETURNING l.id
            """)
        return !rows.isEmpty
    }

    /// The fingerprint tying a saved-listings cursor to its user.
    static func fingerprint(_ userID: UUID) -> String {
        listingFingerprint(["saved", userID.uuidString])
    }

    /// One page of the user's saved listings, most recently saved first, keyset on
    /// (saved_at, listing_id). Drafts, deleted listings and hidden providers' are left out.
    static func page(_ sql: SQLExecutor, userID: UUID, first: Int, after: String?) async throws -> ListingPage {
        let fingerprint = fingerprint(userID)
        let cursor = try after.map { try ListingCursor.decode($0, sort: .newest, fingerprint: fingerprint) }
        var statement = SQLBuilder("SELECT ")
        statement.append(ListingRow.columns)
        statement.append(", (extract(epoch FROM s.saved_at) * 1000000)::bigint::text")
        appendFromAndWhere(userID: userID, to: &statement)
        if let cursor { statement.appendBefore(cursor, time: "s.saved_at", id: "s.listing_id") }
        statement.append(" ORDER BY s.saved_at DESC, s.listing_id DESC LIMIT ", first + 1)
        var edges: [ListingEdge] = []
        for row in try await sql.query(statement.query) {
            let columns = row.makeRandomAccess()
            let listing = try ListingRow.decode(columns)
            let key = try columns[ListingRow.columnCount].decode(String.self, context: .default)
            let cursor = ListingCursor(sort: .newest, fingerprint: fingerprint, key: key, id: listing.id)
            edges.append(ListingEdge(row: listing, cursor: cursor.encoded()))
        }
        return ListingPage(edges: Array(edges.prefix(first)), hasNextPage: edges.count > first)
    }

    static func count(_ sql: SQLExecutor, userID: UUID) async throws -> Int {
        var statement = SQLBuilder("SELECT count(*)::int8")
        appendFromAndWhere(userID: userID, to: &statement)
        return try await sql.query(statement.query).first?.decode(Int.self) ?? 0
    }

    private static func appendFromAndWhere(userID: UUID, to statement: inout SQLBuilder) {
        statement.append(" FROM marketplace.saved_listings s JOIN marketplace.listings l ON l.id = s.listing_id")
        statement.append(" JOIN marketplace.providers p ON p.id = l.provider_id WHERE s.user_id = ", userID)
        statement.append(" AND l.deleted_at IS NULL AND l.status <> 'draft' AND p.deleted_at IS NULL AND p.status = 'active'")
    }
}
