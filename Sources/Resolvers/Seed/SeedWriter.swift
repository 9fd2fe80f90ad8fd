import Foundation
import PostgresNIO

/// Writes a `SeedPlan` in a transaction with a handful of statements: each table's rows go
/// as one array parameter per column, turned back into rows by `unnest`, so thousands of
/// rows cost a few round trips and every value is a bound parameter.
///
/// Arrays of Swift optionals cannot be bound, so absent values travel as sentinels that
/// the statement turns back into NULL: `''` for text, 0 for quantities and the epoch for
/// timestamps (`NULLIF`). Per-row arrays (tags, image keys) cannot be elements of a
/// one-dimensional array either: they travel joined with `,` (which no tag or key contains)
/// and are split with `string_to_array`, which gives `{}` for `''`.
enum SeedWriter {
    /// Rows per listings statement: keeps each message to the server well under a megabyte.
    static let listingBatch = 800
    private static let noDate = Date(timeIntervalSince1970: 0)

    static func write(_ plan: SeedPlan, passwordHash: String, in tx: SQLTransaction) async throws {
        try await insertUsers(plan.users, passwordHash: passwordHash, tx)
        try await insertProviders(plan.providers, tx)
        var start = 0
        while start < plan.listings.count {
            let end = min(start + listingBatch, plan.listings.count)
            try await insertListings(plan.listings[start..<end], tx)
            start = end
        }
        try await insertSaved(plan.saved, tx)
        try await updateCounters(tx)
        try await SeedHistoryWriter.write(plan, in: tx)
    }

    private static func insertUsers(_ users: [SeedPlan.User], passwordHash: String, _ tx: SQLTransaction) async throws {
        let ids = users.map(\.id), emails = users.map(\.email), firsts = users.map(\.firstName)
        let lasts = users.map(\.lastName), phones = users.map { $0.phone ?? "" }, roles = users.map(\.role)
        let verified = users.map { $0.emailVerifiedAt ?? noDate }, created = users.map(\.createdAt)
        try await tx.query("""
            INSERT INTO marketplace.users (id, email, password_hash, first_name, last_name, phone, role,
                email_verified_at, created_at, updated_at)
            SELECT t.id, t.email, \(passwordHash), t.first_name, t.last_name, NULLIF(t.phone, ''), t.role,
                NULLIF(t.verified, to_timestamp(0)), t.created_at, t.created_at
            FROM unnest(\(ids)::uuid[], \(emails)::text[], \(firsts)::text[], \(lasts)::text[], \(phones)::text[],
                \(roles)::text[], \(verified)::timestamptz[], \(created)::timestamptz[])
                AS t(id, email, first_name, last_name, phone, role, verified, created_at)
            """)
    }

    private static func insertProviders(_ providers: [SeedPlan.Provider], _ tx: SQLTransaction) async throws {
        let ids = providers.map(\.id), users = providers.map(\.userID), names = providers.map(\.businessName)
        let slugs = providers.map(\.slug), descriptions = providers.map(\.description)
        let cities = providers.map(\.city.name), states = providers.map(\.city.state)
        let websites = providers.map { $0.website ?? "" }, phones = providers.map(\.phone)
        let created = providers.map(\.createdAt)
        // payment_mode 'offline': seeded providers have no real Stripe Connect accounts, and
        // made-up account ids would fail at checkout; offline invoices are marked paid by hand.
        try await tx.query("""
            INSERT INTO marketplace.providers (id, user_id, business_name, slug, description, city, state,
                website, phone, payment_mode, created_at, updated_at)
            SELECT t.id, t.user_id, t.name, t.slug, t.description, t.city, t.state, NULLIF(t.website, ''),
                t.phone, 'offline', t.created_at, t.created_at
            FROM unnest(\(ids)::uuid[], \(users)::uuid[], \(names)::text[], \(slugs)::text[],
                \(descriptions)::text[], \(cities)::text[], \(states)::text[], \(websites)::text[],
                \(phones)::text[], \(created)::timestamptz[])
                AS t(id, user_id, name, slug, description, city, state, website, phone, created_at)
            """)
    }

    private static func insertListings(_ listings: ArraySlice<SeedPlan.Listing>, _ tx: SQLTransaction) async throws {
        let ids = listings.map(\.id), providers = listings.map(\.providerID), slugs = listings.map(\.slug)
        let kinds = listings.map(\.kind.rawValue), titles = listings.map(\.title)
        let descriptions = listings.map(\.description), categories = listings.map(\.category)
        let tags = listings.map { $0.tags.joined(separator: ",") }, prices = listings.map(\.priceCents)
        let priceTypes = listings.map(\.priceType), images = listings.map { $0.imageKeys.joined(separator: ",") }
        let files = listings.map { $0.fileKey ?? "" }, quantities = listings.map { $0.quantity ?? 0 }
        let cities = listings.map { $0.city ?? "" }, states = listings.map { $0.state ?? "" }
        let events = listings.map { $0.eventStartsAt ?? noDate }, venues = listings.map { $0.venue ?? "" }
        let statuses = listings.map(\.status.rawValue), published = listings.map { $0.publishedAt ?? noDate }
        let created = listings.map(\.createdAt)
        try await tx.query("""
            INSERT INTO marketplace.listings (id, provider_id, slug, kind, title, description, category, tags,
                price_cents, price_type, image_keys, file_key, file_content_type, quantity, city, state,
                event_starts_at, venue, status, published_at, created_at, updated_at)
            SELECT t.id, t.provider_id, t.slug, t.kind, t.title, t.description, t.category,
                string_to_array(t.tags, ','), t.price_cents, t.price_type, string_to_array(t.images, ','),
                NULLIF(t.file_key, ''), CASE WHEN t.file_key <> '' THEN 'application/pdf' END, NULLIF(t.quantity, 0), NULLIF(t.city, ''), NULLIF(t.state, ''),
                NULLIF(t.event_starts_at, to_timestamp(0)), NULLIF(t.venue, ''), t.status,
                NULLIF(t.published_at, to_timestamp(0)), t.created_at, greatest(t.created_at, t.published_at)
            FROM unnest(\(ids)::uuid[], \(providers)::uuid[], \(slugs)::text[], \(kinds)::text[],
                \(titles)::text[], \(descriptions)::text[], \(categories)::text[], \(tags)::text[],
                \(prices)::bigint[], \(priceTypes)::text[], \(images)::text[], \(files)::text[],
                \(quantities)::integer[], \(cities)::text[], \(states)::text[], \(events)::timestamptz[],
                \(venues)::text[], \(statuses)::text[], \(published)::timestamptz[], \(created)::timestamptz[])
                AS t(id, provider_id, slug, kind, title, description, category, tags, price_cents, price_type,
                    images, file_key, quantity, city, state, event_starts_at, venue, status, published_at,
                    created_at)
            """)
    }

    private static func insertSaved(_ saved: [SeedPlan.SavedListing], _ tx: SQLTransaction) async throws {
        guard !saved.isEmpty else { return }
        let users = saved.map(\.userID), listings = saved.map(\.listingID), at = saved.map(\.savedAt)
        try await tx.query("""
            INSERT INTO marketplace.saved_listings (user_id, listing_id, saved_at)
            SELECT * FROM unnest(\(users)::uuid[], \(listings)::uuid[], \(at)::timestamptz[])
            """)
    }

    /// The stats columns, from the rows just written: one aggregate each, so they cannot
    /// disagree with the rows (the CHECKs would catch a provider with more active listings
    /// than listings).
    private static func updateCounters(_ tx: SQLTransaction) async throws {
        try await tx.query("""
            UPDATE marketplace.providers p
            SET listing_count = s.total, active_listing_count = s.active
            FROM (SELECT provider_id, count(*)::integer AS total,
                         (count(*) FILTER (WHERE status = 'active'))::integer AS active
                  FROM marketplace.listings WHERE deleted_at IS NULL GROUP BY provider_id) s
            WHERE p.id = s.provider_id
            """)
        try await tx.query("""
            UPDATE marketplace.listings l SET saved_count = s.saved
            FROM (SELECT listing_id, count(*)::integer AS saved FROM marketplace.saved_listings GROUP BY listing_id) s
            WHERE l.id = s.listing_id
            """)
    }
}
