import Foundation
import PostgresNIO

/// The SQL of providers. Every value is bound; `unescaped:` only splices the constant
/// column list. Public reads show only active providers of live users.
enum ProviderStore {
    /// Visible providers by id, for the providers DataLoader; `includingSuspended` also
    /// returns suspended ones (for `Listing.provider`: who may see the listing may see its seller).
    static func providers(_ sql: SQLExecutor, ids: [UUID], includingSuspended: Bool = false) async throws -> [UUID: Provider] {
        let rows = try await sql.query("""
            SELECT \(unescaped: Provider.columns) FROM marketplace.providers p
            JOIN marketplace.users u ON u.id = p.user_id
            WHERE p.id = ANY(\(ids)) AND p.deleted_at IS NULL AND (p.status = 'active' OR \(includingSuspended))
              AND u.deleted_at IS NULL
            """)
        var providers: [UUID: Provider] = [:]
        for row in rows {
            let provider = try Provider(row: row)
            providers[provider.providerID] = provider
        }
        return providers
    }

    /// Visible providers by their user's id, for the providers-by-user DataLoader.
    static func providers(_ sql: SQLExecutor, userIDs: [UUID]) async throws -> [UUID: Provider] {
        let rows = try await sql.query("""
            SELECT \(unescaped: Provider.columns) FROM marketplace.providers p
            JOIN marketplace.users u ON u.id = p.user_id
            WHERE p.user_id = ANY(\(userIDs)) AND p.deleted_at IS NULL AND p.status = 'active'
              AND u.deleted_at IS NULL
            """)
        var providers: [UUID: Provider] = [:]
        for row in rows {
            let provider = try Provider(row: row)
            providers[provider.userID] = provider
        }
        return providers
    }

    /// Slugs taken by `base` or `base-N`, locked against concurrent inserts of the same base
    /// only by the UNIQUE index (a race is retried by the caller).
    static func takenSlugs(_ tx: SQLTransaction, base: String) async throws -> Set<String> {
        let rows = try await tx.query("""
            SELECT slug FROM marketplace.providers
            WHERE slug = \(base) OR slug LIKE \(base + "-%")
            """)
        return Set(try rows.map { try $0.decode(String.self) })
    }

    /// Creates the provider of `userID` and makes the user a PROVIDER (an admin stays an
    /// admin), in one statement; nil when the user has a provider row already (even a
    /// deleted one: `user_id` is unique).
    static func insert(
        _ tx: SQLTransaction, userID: UUID, businessName: String, slug: String, description: String,
        city: String?, state: String?, website: String?, paymentMode: String?
    ) async throws -> Provider? {
        let rows = try await tx.query("""
            WITH p AS (
                INSERT INTO marketplace.providers (user_id, business_name, slug, description, city, state, website,
                                                   payment_mode)
                VALUES (\(userID), \(businessName), \(slug), \(description), \(city), \(state), \(website),
                        coalesce(\(paymentMode), 'stripe_connect'))
                ON CONFLICT (user_id) DO NOTHING
                RETURNING *
            ), promoted AS (
                UPDATE marketplace.users SET role = 'provider'
                WHERE id = (SELECT user_id FROM p) AND role = 'buyer'
            )
            SELECT \(unescaped: Provider.columns) FROM p
            """)
        return try rows.first.map(Provider.init(row:))
    }

    /// Whether the user has a provider row (of any status).
    static func exists(_ tx: SQLTransaction, userID: UUID) async throws -> Bool {
        try await !tx.query("SELECT 1 FROM marketplace.providers WHERE user_id = \(userID)").isEmpty
    }

    /// Sets the fields given (nil: unchanged; an empty optional field clears it) on the
    /// user's live provider; nil when there is none.
    static func update(
        _ tx: SQLTransaction, userID: UUID, businessName: String?, description: String?,
        city: String?, state: String?, website: String?, paymentMode: String?
    ) async throws -> Provider? {
        let rows = try await tx.query("""
            UPDATE marketplace.providers AS p SET
                payment_mode = coalesce(\(paymentMode), p.payment_mode),
                business_name = coalesce(\(businessName), p.business_name),
                description = coalesce(\(description), p.description),
                city = CASE WHEN \(city)::text IS NULL THEN p.city ELSE nullif(\(city), '')::citext END,
                state = CASE WHEN \(state)::text IS NULL THEN p.state ELSE nullif(\(state), '')::citext END,
                website = CASE WHEN \(website)::text IS NULL THEN p.website ELSE nullif(\(website), '') END
            WHERE p.user_id = \(userID) AND p.deleted_at IS NULL
            RETURNING \(unescaped: Provider.columns)
            """)
        return try rows.first.map(Provider.init(row:))
    }
}
