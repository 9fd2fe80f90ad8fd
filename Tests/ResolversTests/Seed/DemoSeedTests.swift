import Foundation
import PostgresNIO
import XCTest
@testable import Resolvers

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The demo seed on a migrated scratch database, with images in the local moto_server
/// (without S3 these tests fail, saying what to run: the seed's uploads are part of it).
final class DemoSeedTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func testSeedsAnEmptyDatabaseOnceWithConsistentData() async throws {
        let storage = try await S3TestEnvironment.motoConfiguration()
        try await TestDatabase.withScratchDatabase { database in
            try await Migrator(client: database.client, logger: TestDatabase.logger).migrate(try Migration.bundled())
            let seed = DemoSeed(database: database, storage: storage, bcryptCost: 4, logger: TestDatabase.logger)
            let started = ContinuousClock.now
            let summary = try await seed.run(now: now)
            print("DemoSeed took \(ContinuousClock.now - started): \(summary)")

            XCTAssertFalse(summary.skipped)
            XCTAssertGreaterThanOrEqual(summary.providers, 50)
            XCTAssertGreaterThanOrEqual(summary.buyers, 200)
            XCTAssertGreaterThanOrEqual(summary.listings, 2000)
            XCTAssertEqual(summary.imagesUploaded, SeedAssets.imageCount)
            XCTAssertEqual(summary.filesUploaded, SeedAssets.fileCount)

            try await checkCounts(database, summary)
            try await checkCounters(database)
            try await checkListings(database)
            try await checkDemoAccounts(database)
            try await checkImages(database, storage)

            let before = try await fingerprint(database)
            let again = try await seed.run(now: now.addingTimeInterval(3600))
            XCTAssertTrue(again.skipped, "a database with users is left alone")
            XCTAssertEqual(again.listings, 0)
            let after = try await fingerprint(database)
            XCTAssertEqual(before, after, "the second run changed nothing")
        }
    }

    /// Without S3: no uploads and no image keys, but digital listings still have their
    /// file keys (the CHECK requires one).
    func testWithoutStorageSeedsListingsWithoutImages() async throws {
        try await TestDatabase.withScratchDatabase { database in
            try await Migrator(client: database.client, logger: TestDatabase.logger).migrate(try Migration.bundled())
            var seed = DemoSeed(database: database, storage: nil, bcryptCost: 4, logger: TestDatabase.logger)
            seed.options.listings = 300
            let summary = try await seed.run(now: now)
            XCTAssertEqual(summary.imagesUploaded, 0)
            XCTAssertEqual(summary.listings, 300)
            try await expect(database, "SELECT count(*) FROM marketplace.listings WHERE image_keys <> '{}'", equals: 0)
            try await expect(database, """
                SELECT count(*) FROM marketplace.listings WHERE kind = 'digital' AND file_key LIKE 'listing-files/seed/%.pdf'
                """, equals: summary.listingsByKind[.digital] ?? -1)
        }
    }

    func testPlanIsDeterministic() {
        let a = SeedPlan.make(options: .init(), now: now), b = SeedPlan.make(options: .init(), now: now)
        XCTAssertEqual(a.listings.map(\.id), b.listings.map(\.id))
        XCTAssertEqual(a.listings.map(\.slug), b.listings.map(\.slug))
        XCTAssertEqual(a.users.map(\.email), b.users.map(\.email))
        XCTAssertEqual(a.saved.count, b.saved.count)
    }

    // MARK: Checks

    func checkCounts(_ database: Database, _ summary: DemoSeedSummary) async throws {
        let roles = try await pairs(database, "SELECT role, count(*) FROM marketplace.users GROUP BY role")
        XCTAssertEqual(roles["provider"], summary.providers)
        XCTAssertEqual(roles["buyer"], summary.buyers)
        XCTAssertEqual(roles["admin"], 1)
        let providers = try await int(database, "SELECT count(*) FROM marketplace.providers")
        XCTAssertGreaterThanOrEqual(providers, 50)
        let kinds = try await pairs(database, "SELECT kind, count(*) FROM marketplace.listings GROUP BY kind")
        for kind in ListingKind.allCases {
            XCTAssertGreaterThan(kinds[kind.rawValue] ?? 0, 0, "\(kind) listings")
            XCTAssertEqual(kinds[kind.rawValue], summary.listingsByKind[kind])
        }
        try await expect(database, "SELECT count(*) FROM marketplace.listings", atLeast: 2000)
        try await expect(database, "SELECT count(DISTINCT category) FROM marketplace.listings", atLeast: 10)
        try await expect(
            database, "SELECT count(DISTINCT (city, state)) FROM marketplace.listings WHERE city IS NOT NULL", atLeast: 12)
        let saved = try await int(database, "SELECT count(*) FROM marketplace.saved_listings")
        XCTAssertEqual(saved, summary.savedListings)
        XCTAssertGreaterThan(saved, 200)
        // About 85% active.
        let active = Double(try await int(database, "SELECT count(*) FROM marketplace.listings WHERE status = 'active'"))
        XCTAssertEqual(active / Double(summary.listings), 0.85, accuracy: 0.04)
        try await expect(database, """
            SELECT count(*) FROM marketplace.saved_listings s JOIN marketplace.listings l ON l.id = s.listing_id
            WHERE l.status <> 'active'
            """, equals: 0, "only active listings are saved")
    }

    func checkCounters(_ database: Database) async throws {
        let providerDrift = try await int(database, """
            SELECT count(*) FROM marketplace.providers p
            LEFT JOIN (SELECT provider_id, count(*) AS total, count(*) FILTER (WHERE status = 'active') AS active
                       FROM marketplace.listings WHERE deleted_at IS NULL GROUP BY provider_id) s
                ON s.provider_id = p.id
            WHERE p.listing_count <> coalesce(s.total, 0) OR p.active_listing_count <> coalesce(s.active, 0)
            """)
        XCTAssertEqual(providerDrift, 0, "provider stats equal a fresh aggregate")
        let savedDrift = try await int(database, """
            SELECT count(*) FROM marketplace.listings l
            LEFT JOIN (SELECT listing_id, count(*) AS n FROM marketplace.saved_listings GROUP BY listing_id) s
                ON s.listing_id = l.id
            WHERE l.saved_count <> coalesce(s.n, 0)
            """)
        XCTAssertEqual(savedDrift, 0, "saved_count equals a fresh aggregate")
        try await expect(database, "SELECT count(*) FROM marketplace.providers WHERE listing_count = 0", equals: 0)
        // The history: reviews only of completed items by their buyers, aggregates and sales
        // figures equal to the rows, as the app keeps them.
        try await expect(database, "SELECT count(*) FROM marketplace.reviews", atLeast: 300)
        try await expect(database, """
            SELECT count(*) FROM marketplace.reviews r JOIN marketplace.order_items i ON i.id = r.order_item_id
            JOIN marketplace.orders o ON o.id = i.order_id
            WHERE i.status <> 'completed' OR o.buyer_id <> r.author_id OR i.listing_id <> r.listing_id
            """, equals: 0, "reviews are of completed items, by their buyers")
        try await expect(database, """
            SELECT count(*) FROM marketplace.listings l
            LEFT JOIN (SELECT listing_id, count(*) AS n, sum(rating) AS stars FROM marketplace.reviews
                       WHERE status <> 'removed' GROUP BY listing_id) r ON r.listing_id = l.id
            WHERE l.review_count <> coalesce(r.n, 0) OR l.rating_sum <> coalesce(r.stars, 0)
            """, equals: 0, "listing ratings equal a fresh aggregate")
        try await expect(database, """
            SELECT count(*) FROM marketplace.providers p
            LEFT JOIN (SELECT provider_id, count(*) AS n, sum(rating) AS stars FROM marketplace.reviews
                       WHERE status <> 'removed' GROUP BY provider_id) r ON r.provider_id = p.id
            LEFT JOIN (SELECT provider_id, count(*) AS n, sum(payout_cents) AS payout FROM marketplace.invoices
                       WHERE status = 'paid' GROUP BY provider_id) v ON v.provider_id = p.id
            WHERE p.review_count <> coalesce(r.n, 0) OR p.rating_sum <> coalesce(r.stars, 0)
               OR p.completed_order_count <> coalesce(v.n, 0) OR p.revenue_cents <> coalesce(v.payout, 0)
            """, equals: 0, "provider ratings and sales equal a fresh aggregate")
    }

    func checkListings(_ database: Database) async throws {
        try await expect(database, """
            SELECT count(*) - count(DISTINCT slug) FROM marketplace.listings
            """, equals: 0, "unique slugs")
        try await expect(database, """
            SELECT count(*) FROM marketplace.listings WHERE slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$'
            """, equals: 0, "valid slugs")
        try await expect(database, """
            SELECT count(*) FROM marketplace.listings WHERE kind = 'ticket' AND (quantity NOT BETWEEN 20 AND 500
                OR venue IS NULL OR event_starts_at NOT BETWEEN to_timestamp(\(now.timeIntervalSince1970))
                AND to_timestamp(\(now.timeIntervalSince1970)) + interval '121 days')
            """, equals: 0, "tickets have a quantity, a venue and an event in the next 120 days")
        try await expect(database, """
            SELECT count(*) FROM marketplace.listings WHERE kind = 'digital' AND file_key NOT LIKE 'listing-files/seed/%.pdf'
            """, equals: 0)
        try await expect(database, """
            SELECT count(*) FROM marketplace.listings WHERE published_at IS NOT NULL
                AND published_at < to_timestamp(\(now.timeIntervalSince1970)) - interval '90 days'
            """, equals: 0, "published in the last 90 days")
        try await expect(database, """
            SELECT count(*) FROM marketplace.listings WHERE cardinality(image_keys) NOT BETWEEN 1 AND 3
            """, equals: 0, "1 to 3 images each")
        try await expect(database, "SELECT count(*) FROM marketplace.listings WHERE price_type = 'hourly'", above: 0)
        for word in ["guitar", "wedding", "yoga"] {
            let found = try await int(database, """
                SELECT count(*) FROM marketplace.listings
                WHERE status = 'active' AND search_vector @@ websearch_to_tsquery('english', \(word))
                """)
            XCTAssertGreaterThan(found, 5, "full-text search finds \"\(word)\"")
        }
    }

    func checkDemoAccounts(_ database: Database) async throws {
        let hasher = PasswordHasher(cost: 4)
        for account in DemoSeed.demoAccounts {
            let rows = try await database.client.query("""
                SELECT role, password_hash, email_verified_at IS NOT NULL FROM marketplace.users WHERE email = \(account.email)
                """, logger: TestDatabase.logger).collect()
            let (role, hash, verified) = try XCTUnwrap(rows.first).decode((String, String, Bool).self)
            XCTAssertEqual(role, account.role, account.email)
            XCTAssertTrue(verified, account.email)
            let matches = await hasher.verify(DemoSeed.password, hash: hash)
            XCTAssertTrue(matches, "\(account.email) signs in with the demo password")
        }
        try await expect(database, """
            SELECT p.listing_count FROM marketplace.providers p JOIN marketplace.users u ON u.id = p.user_id
            WHERE u.email = 'provider@demo.test'
            """, above: 0, "the demo provider has listings")
        try await expect(database, """
            SELECT count(*) FROM marketplace.saved_listings s JOIN marketplace.users u ON u.id = s.user_id
            WHERE u.email = 'buyer@demo.test'
            """, above: 0, "the demo buyer has saved listings")
        try await expect(database, """
            SELECT count(*) FROM marketplace.orders o JOIN marketplace.users u ON u.id = o.buyer_id
            WHERE u.email = 'buyer@demo.test' AND o.status = 'completed'
            """, equals: 2, "the demo buyer has two completed orders")
        try await expect(database, """
            SELECT count(*) FROM marketplace.order_items i JOIN marketplace.orders o ON o.id = i.order_id
            JOIN marketplace.users u ON u.id = o.buyer_id
            WHERE u.email = 'buyer@demo.test' AND NOT EXISTS (SELECT 1 FROM marketplace.reviews r WHERE r.order_item_id = i.id)
            """, equals: 1, "one of them still to review")
        try await expect(database, """
            SELECT count(*) FROM marketplace.messages m JOIN marketplace.message_threads t ON t.id = m.thread_id
            WHERE m.seq > t.buyer_read_seq
            """, equals: 1, "the demo buyer has an unread answer")
        try await expect(database, """
            SELECT count(DISTINCT password_hash) FROM marketplace.users
            """, equals: 1, "the password is hashed once")
    }

    func checkImages(_ database: Database, _ storage: S3Configuration) async throws {
        let rows = try await database.client.query(
            "SELECT image_keys[1] FROM marketplace.listings ORDER BY slug LIMIT 1", logger: TestDatabase.logger).collect()
        let key = try XCTUnwrap(rows.first).decode(String.self)
        XCTAssertTrue(key.hasPrefix("listing-images/seed/"))
        let client = S3Client(configuration: storage)
        let head = try await client.headObject(key: key)
        XCTAssertEqual(head?.contentType, "image/png")
        let (data, _) = try await URLSession.shared.data(for: client.signedRequest(method: "GET", key: key, now: Date()))
        XCTAssertEqual(Array(data.prefix(8)), PNGEncoder.signature)
        XCTAssertEqual(head?.contentLength, data.count)
        let file = try await client.headObject(key: SeedAssets.fileKey(0))
        XCTAssertEqual(file?.contentType, "application/pdf")
    }

    // MARK: Helpers

    func int(_ database: Database, _ query: PostgresQuery) async throws -> Int {
        let rows = try await database.client.query(query, logger: TestDatabase.logger).collect()
        return try XCTUnwrap(rows.first).decode(Int.self)
    }

    /// Asserts on a count; a function because XCTAssert's autoclosures cannot await.
    func expect(
        _ database: Database, _ query: PostgresQuery, equals: Int? = nil, atLeast: Int? = nil, above: Int? = nil,
        _ message: String = "", file: StaticString = #filePath, line: UInt = #line
    ) async throws {
        let value = try await int(database, query)
        if let equals { XCTAssertEqual(value, equals, message, file: file, line: line) }
        if let atLeast { XCTAssertGreaterThanOrEqual(value, atLeast, message, file: file, line: line) }
        if let above { XCTAssertGreaterThan(value, above, message, file: file, line: line) }
    }

    func pairs(_ database: Database, _ query: PostgresQuery) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await database.client.query(query, logger: TestDatabase.logger).collect() {
            let (key, value) = try row.decode((String, Int).self)
            result[key] = value
        }
        return result
    }

    /// Row counts and the latest change of every seeded table.
    func fingerprint(_ database: Database) async throws -> [String] {
        let rows = try await database.client.query("""
            SELECT 'users', count(*), max(updated_at)::text FROM marketplace.users
            UNION ALL SELECT 'providers', count(*), max(updated_at)::text FROM marketplace.providers
            UNION ALL SELECT 'listings', count(*), max(updated_at)::text FROM marketplace.listings
            UNION ALL SELECT 'saved', count(*), max(saved_at)::text FROM marketplace.saved_listings
            """, logger: TestDatabase.logger).collect()
        return try rows.map { row in
            let (table, count, latest) = try row.decode((String, Int, String?).self)
            return "\(table) \(count) \(latest ?? "-")"
        }
    }
}
