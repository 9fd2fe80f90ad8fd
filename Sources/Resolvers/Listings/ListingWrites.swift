import Foundation
import PostgresNIO

/// The SQL that changes listings, always inside the caller's transaction, and the provider
/// stats that move with them. Every value is bound; `unescaped:` splices only the constant
/// column list.
enum ListingWrites {
    /// A listing locked for a change, with what decides who may change it.
    struct Locked: Sendable {
        var row: ListingRow
        var providerUserID: UUID
        var providerActive: Bool
    }

    /// The viewer's live provider: its id and whether it is active (not suspended).
    static func provider(_ sql: some SQLQuerying, userID: UUID) async throws -> (id: UUID, active: Bool)? {
        let rows = try await sql.query("""
            SELECT id, status FROM marketplace.providers WHERE user_id = \(userID) AND deleted_at IS NULL
            """)
        guard let row = rows.first else { return nil }
        let (id, status) = try row.decode((UUID, String).self)
        return (id, status == "active")
    }

    /// Whether the provider can be paid for a sale: Stripe onboarding complete, or the
    /// offline payment mode (paid by hand, `markInvoicePaid`).
    static func canTakePayments(_ sql: some SQLQuerying, providerID: UUID) async throws -> Bool {
        try await sql.query("""
            SELECT payment_mode = 'offline' OR (stripe_account_id IS NOT NULL AND stripe_details_submitted
                                               AND stripe_charges_enabled)
            FROM marketplace.providers WHERE id = \(providerID)
            """).first?.decode(Bool.self) ?? false
    }

    /// Whether checkouts hold some of the listing now (its price is then locked).
    static func isHeld(_ tx: SQLTransaction, id: UUID) async throws -> Bool {
        try await !tx.query("""
            SELECT 1 FROM marketplace.reservations
            WHERE listing_id = \(id) AND released_at IS NULL AND paid_at IS NULL AND expires_at > now() LIMIT 1
            """).isEmpty
    }

    /// The live listing `id`, locked until the transaction ends (changes to one listing
    /// queue instead of overwriting each other); nil when there is none or it is deleted.
    static func lock(_ tx: SQLTransaction, id: UUID) async throws -> Locked? {
        try await read(tx, id: id, lock: true)
    }

    /// The live listing `id` and its provider's facts; `lock` takes the row lock.
    static func read(_ sql: some SQLQuerying, id: UUID, lock: Bool = false) async throws -> Locked? {
        let rows = try await sql.query("""
            SELECT \(unescaped: ListingRow.columns.description), p.user_id, p.status = 'active' AND p.deleted_at IS NULL
            FROM marketplace.listings l JOIN marketplace.providers p ON p.id = l.provider_id
            WHERE l.id = \(id) AND l.deleted_at IS NULL\(unescaped: lock ? " FOR UPDATE OF l" : "")
            """)
        guard let row = rows.first else { return nil }
        let columns = row.makeRandomAccess()
        return Locked(
            row: try ListingRow.decode(columns),
            providerUserID: try columns[ListingRow.columnCount].decode(UUID.self),
            providerActive: try columns[ListingRow.columnCount + 1].decode(Bool.self))
    }

    /// Inserts a DRAFT listing.
    static func insert(
        _ tx: SQLTransaction, providerID: UUID, slug: String, fields f: ListingFields, file: ListingFiles.StoredFile?
    ) async throws -> ListingRow {
        let rows = try await tx.query("""
            INSERT INTO marketplace.listings AS l (
                provider_id, slug, kind, title, description, category, tags, price_cents, currency, price_type,
                quantity, image_keys, file_key, file_content_type, file_size_bytes, city, state, event_starts_at, venue)
            VALUES (
                \(providerID), \(slug), \(f.kind.rawValue), \(f.title), \(f.description), \(f.category)::citext,
                \(f.tags)::text[], \(f.priceCents), \(f.currency), \(f.priceType), \(f.quantity),
                \(f.imageKeys)::text[], \(f.fileKey), \(file?.contentType), \(file?.sizeBytes),
                \(f.city)::citext, \(f.state)::citext, \(f.eventStartsAt), \(f.venue))
            RETURNING \(unescaped: ListingRow.columns.description)
            """)
        return try ListingRow.decode(rows[0].makeRandomAccess())
    }

    /// Writes every editable column of `id` (the caller merged the input into the locked row);
    /// the file's facts change only with a new file.
    static func update(
        _ tx: SQLTransaction, id: UUID, fields f: ListingFields, file: ListingFiles.StoredFile?
    ) async throws -> ListingRow {
        let rows = try await tx.query("""
            UPDATE marketplace.listings AS l SET
                title = \(f.title), description = \(f.description), category = \(f.category)::citext,
                tags = \(f.tags)::text[], price_cents = \(f.priceCents), currency = \(f.currency),
                price_type = \(f.priceType), quantity = \(f.quantity), image_keys = \(f.imageKeys)::text[],
                file_key = \(f.fileKey),
                file_content_type = coalesce(\(file?.contentType), l.file_content_type),
                file_size_bytes = coalesce(\(file?.sizeBytes), l.file_size_bytes),
                city = \(f.city)::citext, state = \(f.state)::citext, event_starts_at = \(f.eventStartsAt),
                venue = \(f.venue)
            WHERE l.id = \(id)
            RETURNING \(unescaped: ListingRow.columns.description)
            """)
        return try ListingRow.decode(rows[0].makeRandomAccess())
    }

    /// Moves `id` to `status`; the first move to ACTIVE stamps `published_at` (a listing
    /// resumed after a pause keeps its place in NEWEST).
    static func setStatus(_ tx: SQLTransaction, id: UUID, status: ListingStatus) async throws -> ListingRow {
        let rows = try await tx.query("""
            UPDATE marketplace.listings AS l SET
                status = \(status.rawValue),
                published_at = CASE WHEN \(status.rawValue) = 'active' THEN coalesce(l.published_at, now())
                                    ELSE l.published_at END
            WHERE l.id = \(id)
            RETURNING \(unescaped: ListingRow.columns.description)
            """)
        return try ListingRow.decode(rows[0].makeRandomAccess())
    }

    /// Soft-deletes `id`.
    static func softDelete(_ tx: SQLTransaction, id: UUID) async throws {
        try await tx.query("UPDATE marketplace.listings SET deleted_at = now() WHERE id = \(id)")
    }

    /// Moves the provider's listing counts by the change's deltas (the table's CHECKs catch
    /// a bookkeeping slip as an error rather than a wrong dashboard).
    static func adjustCounts(_ tx: SQLTransaction, providerID: UUID, listings: Int, active: Int) async throws {
        guard listings != 0 || active != 0 else { return }
        try await tx.query("""
            UPDATE marketplace.providers SET
                listing_count = listing_count + \(listings), active_listing_count = active_listing_count + \(active)
            WHERE id = \(providerID)
            """)
    }
}
