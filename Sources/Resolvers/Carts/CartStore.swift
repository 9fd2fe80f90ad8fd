import Foundation
import PostgresNIO

/// The SQL of carts (`marketplace.cart_lines`).
enum CartStore {
    /// How many of a listing can still be bought, as SQL over `l` (NULL: unlimited): its
    /// quantity less the live holds (paid, or unpaid and not expired), as `CheckoutStore.held`
    /// counts them.
    static let availableQuantity = """
        l.quantity - coalesce((SELECT sum(r.quantity) FROM marketplace.reservations r
            WHERE r.listing_id = l.id AND r.released_at IS NULL AND (r.paid_at IS NOT NULL OR r.expires_at > now())), 0)
        """

    /// The user's cart lines with their listings (deleted ones too: the line shows as
    /// removed), oldest first, in one statement.
    static func lines(_ sql: some SQLQuerying, userID: UUID) async throws -> [CartLineRecord] {
        let rows = try await sql.query("""
            SELECT \(unescaped: ListingRow.columns.description), c.quantity,
                   p.status = 'active' AND p.deleted_at IS NULL, \(unescaped: availableQuantity)
            FROM marketplace.cart_lines c
            JOIN marketplace.listings l ON l.id = c.listing_id
            JOIN marketplace.providers p ON p.id = l.provider_id
            WHERE c.user_id = \(userID)
            ORDER BY c.created_at, c.listing_id
            """)
        return try rows.map { row in
            let columns = row.makeRandomAccess()
            let n = ListingRow.columnCount
            return CartLineRecord(
                listing: try ListingRow.decode(columns), quantity: try columns[n].decode(Int.self),
                providerActive: try columns[n + 1].decode(Bool.self), quantityAvailable: try columns[n + 2].decode(Int?.self))
        }
    }

    /// Sets the line's quantity, adding the line when there is none.
    static func setQuantity(_ tx: SQLTransaction, userID: UUID, listingID: UUID, quantity: Int) async throws {
        try await tx.query("""
            INSERT INTO marketplace.cart_lines (user_id, listing_id, quantity) VALUES (\(userID), \(listingID), \(quantity))
            ON CONFLICT (user_id, listing_id) DO UPDATE SET quantity = EXCLUDED.quantity
            """)
    }

    /// Adds `quantity` to the line (making it when there is none); the line's new quantity,
    /// or nil (and nothing changed) when the sum would pass `maximum`.
    static func add(_ tx: SQLTransaction, userID: UUID, listingID: UUID, quantity: Int, maximum: Int) async throws -> Int? {
        let rows = try await tx.query("""
            INSERT INTO marketplace.cart_lines AS c (user_id, listing_id, quantity) VALUES (\(userID), \(listingID), \(quantity))
            ON CONFLICT (user_id, listing_id) DO UPDATE SET quantity = c.quantity + EXCLUDED.quantity
            WHERE c.quantity + EXCLUDED.quantity <= \(maximum)
            RETURNING c.quantity
            """)
        return try rows.first?.decode(Int.self)
    }

    /// Removes the line; false when there was none.
    @discardableResult
    static func remove(_ sql: some SQLQuerying, userID: UUID, listingID: UUID) async throws -> Bool {
        try await !sql.query("""
            DELETE FROM marketplace.cart_lines WHERE user_id = \(userID) AND listing_id = \(listingID) RETURNING 1
            """).isEmpty
    }

    /// The line's quantity, locked until the transaction ends (two changes to one line queue).
    static func lockedQuantity(_ tx: SQLTransaction, userID: UUID, listingID: UUID) async throws -> Int? {
        try await tx.query("""
            SELECT quantity FROM marketplace.cart_lines WHERE user_id = \(userID) AND listing_id = \(listingID) FOR UPDATE
            """).first?.decode(Int.self)
    }

    /// The currency of the user's oldest line other than `listingID`'s (the cart's currency).
    static func currency(_ tx: SQLTransaction, userID: UUID, except listingID: UUID) async throws -> String? {
        try await tx.query("""
            SELECT l.currency::text FROM marketplace.cart_lines c JOIN marketplace.listings l ON l.id = c.listing_id
            WHERE c.user_id = \(userID) AND c.listing_id <> \(listingID) AND l.deleted_at IS NULL
            ORDER BY c.created_at, c.listing_id LIMIT 1
            """).first?.decode(String.self)
    }

    /// The listing with what a purchase needs to know, locked against changes until the
    /// transaction ends (a price or status change waits for the cart change, not the reverse).
    static func lockListing(_ tx: SQLTransaction, id: UUID) async throws -> (locked: ListingWrites.Locked, available: Int?)? {
        let rows = try await tx.query("""
            SELECT \(unescaped: ListingRow.columns.description), p.user_id, p.status = 'active' AND p.deleted_at IS NULL,
                   \(unescaped: availableQuantity)
            FROM marketplace.listings l JOIN marketplace.providers p ON p.id = l.provider_id
            WHERE l.id = \(id) AND l.deleted_at IS NULL
            FOR SHARE OF l
            """)
        guard let row = rows.first else { return nil }
        let columns = row.makeRandomAccess()
        let n = ListingRow.columnCount
        let locked = ListingWrites.Locked(
            row: try ListingRow.decode(columns), providerUserID: try columns[n].decode(UUID.self),
            providerActive: try columns[n + 1].decode(Bool.self))
        return (locked, try columns[n + 2].decode(Int?.self))
    }
}
