import Foundation
import PostgresNIO
import XCTest
@testable import Resolvers

/// ~300 listings in a migrated scratch database, varied on purpose: every kind, status
/// and filterable column, deleted rows, a suspended and a deleted provider, and many
/// equal prices, ratings and dates (ties are where keyset pagination breaks). The same
/// seed gives the same fixtures on every run.
struct ListingFixtures {
    struct Provider {
        var id: UUID
        var visible: Bool
    }

    var providers: [Provider] = []
    /// Every listing as read back from the database.
    var listings: [ListingRow] = []

    /// Words the full-text tests look for: "guitar" only where these sets say.
    static let guitarInTitle = Set(0..<300).filter { $0 % 37 == 5 }
    static let guitarInTags = Set(0..<300).filter { $0 % 41 == 7 }
    static let guitarInDescription = Set(0..<300).filter { $0 % 29 == 3 }

    static let categories = ["Music", "photography", "Training", "grooming", "design"]
    static let places: [(String?, String?)] = [
        ("Austin", "TX"), ("Dallas", "TX"), ("Portland", "OR"), ("Eugene", "OR"), ("Austin", "MN"), (nil, nil),
    ]
    static let prices: [Int64] = [0, 500, 1000, 1000, 2500, 4999, 9900, 15000]
    static let tagPool = ["beginner", "online", "weekend", "premium", "outdoor"]

    /// Runs `body` with a scratch database migrated and filled.
    static func with(
        _ body: (Database, ListingFixtures) async throws -> Void
    ) async throws {
        try await TestDatabase.withScratchDatabase { database in
            try await Migrator(client: database.client, logger: TestDatabase.logger).migrate(try Migration.bundled())
            let fixtures = try await insert(into: database)
            try await body(database, fixtures)
        }
    }

    static func insert(into database: Database) async throws -> ListingFixtures {
        let logger = TestDatabase.logger, client = database.client
        var random = SplitMix64(seed: 42)
        var fixtures = ListingFixtures()
        // Providers 0, 1 and 4 are browsable; 2 is suspended; 3 is deleted.
        for index in 0..<5 {
            let userID = UUID(), providerID = UUID()
            try await insertUser(client, id: userID, email: "seller\(index)@example.com")
            let status = index == 2 ? "suspended" : "active"
            let deletedAt: Date? = index == 3 ? Date() : nil
            try await client.query("""
                INSERT INTO marketplace.providers (id, user_id, business_name, slug, status, deleted_at)
                VALUES (\(providerID), \(userID), \("Seller \(index)"), \("seller-\(index)"), \(status), \(deletedAt))
                """, logger: logger)
            fixtures.providers.append(Provider(id: providerID, visible: index != 2 && index != 3))
        }
        let base = Date(timeIntervalSince1970: 1_760_000_000)
        // 60 instants for 300 listings: plenty of equal dates. Random microseconds check
        // that cursors carry timestamps exactly.
        let instants = (0..<60).map { _ in base.addingTimeInterval(Double(random.next(below: 5_000_000)) + Double(random.next(below: 1_000_000)) / 1e6) }
        let statuses: [String] = ["active", "active", "active", "active", "active", "active", "draft", "paused", "archived", "sold_out"]
        for i in 0..<300 {
            let kind = ListingKind.allCases[i % 3]
            // Most listings on browsable providers, some on the suspended and deleted ones.
            let providerIndex = [0, 1, 4, 0, 1, 4, 0, 1, 2, 3][Int(random.next(below: 10))]
            let (city, state) = places[Int(random.next(below: UInt64(places.count)))]
            let tags = tagPool.filter { _ in random.next(below: 3) == 0 } + (guitarInTags.contains(i) ? ["guitar"] : [])
            let reviewCount = Int(random.next(below: 4))
            let ratingSum = reviewCount == 0 ? 0 : reviewCount + Int(random.next(below: UInt64(4 * reviewCount + 1)))
            let status = statuses[Int(random.next(below: UInt64(statuses.count)))]
            let published: Date? = status == "draft" ? nil : instants[Int(random.next(below: 60))]
            let title = guitarInTitle.contains(i) ? "Guitar lessons \(i)" : "Listing number \(i)"
            let description = guitarInDescription.contains(i) ? "Bring your own guitar." : "Plain description \(i)."
            let providerID = fixtures.providers[providerIndex].id
            let slug = "listing-\(i)", category = categories[Int(random.next(below: 5))]
            let price = prices[Int(random.next(below: UInt64(prices.count)))]
            let fileKey: String? = kind == .digital ? "files/\(i).zip" : nil
            let quantity: Int? = kind == .ticket ? 50 : nil
            let deletedAt: Date? = random.next(below: 10) == 0 ? Date() : nil
            let createdAt = instants[Int(random.next(below: 60))]
            try await client.query("""
                INSERT INTO marketplace.listings (provider_id, slug, kind, title, description, category, tags,
                    price_cents, file_key, quantity, city, state, status, published_at, review_count, rating_sum,
                    deleted_at, created_at)
                VALUES (\(providerID), \(slug), \(kind.rawValue), \(title), \(description), \(category), \(tags),
                    \(price), \(fileKey), \(quantity), \(city), \(state), \(status), \(published), \(reviewCount),
                    \(ratingSum), \(deletedAt), \(createdAt))
                """, logger: logger)
        }
        let sql = SQLExecutor(database: database, logger: logger)
        let rows = try await client.query("SELECT id FROM marketplace.listings", logger: logger).collect()
        let ids = try rows.map { try $0.decode(UUID.self) }
        fixtures.listings = Array(try await ListingStore.byIDs(sql, ids: ids).values)
        return fixtures
    }

    /// Inserts a user with the columns both the accounts stub and the real
    /// 0002_accounts.sql need: json_populate_record ignores keys the table lacks, so the
    /// same statement fits either (it leaves absent columns NULL, hence role and status).
    static func insertUser(_ client: PostgresClient, id: UUID, email: String) async throws {
        let now = ISO8601DateFormatter().string(from: Date())
        let fields: [String: String] = [
            "id": id.uuidString, "email": email, "password_hash": "x", "first_name": "Test", "last_name": "User",
            "role": "provider", "status": "active", "created_at": now, "updated_at": now,
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        try await client.query("""
            INSERT INTO marketplace.users SELECT * FROM json_populate_record(NULL::marketplace.users, \(json)::json)
            """, logger: TestDatabase.logger)
    }

    /// The fixture number `i` of a listing (from its slug).
    static func number(_ row: ListingRow) -> Int {
        Int(row.slug.dropFirst("listing-".count)) ?? -1
    }

    // MARK: What the store should answer, computed in Swift

    func visible(_ row: ListingRow, _ visibility: ListingVisibility) -> Bool {
        switch visibility {
        case .published:
            let provider = providers.first { $0.id == row.providerID }
            return row.status == .active && row.deletedAt == nil && provider?.visible == true
        case .provider(let id):
            return row.providerID == id && row.deletedAt == nil
        }
    }

    /// Every filter but `query` (full text is checked against the word sets above).
    func matches(_ row: ListingRow, _ filter: ListingFilter) -> Bool {
        func same(_ a: String?, _ b: String?) -> Bool { b == nil || a?.lowercased() == b?.lowercased() }
        return (filter.kind == nil || row.kind == filter.kind)
            && same(row.category, filter.category) && same(row.city, filter.city) && same(row.state, filter.state)
            && (filter.providerID == nil || row.providerID == filter.providerID)
            && (filter.minPriceCents.map { row.priceCents >= $0 } ?? true)
            && (filter.maxPriceCents.map { row.priceCents <= $0 } ?? true)
            && filter.normalizedTags.allSatisfy { row.tags.contains($0) }
    }

    func expected(_ filter: ListingFilter, _ sort: ListingSort, _ visibility: ListingVisibility = .published) -> [UUID] {
        let rows = listings.filter { visible($0, visibility) && matches($0, filter) }
        return Self.sorted(rows, sort, visibility).map(\.id)
    }

    /// The store's order: the key, then the id, both in the sort's direction. UUIDs
    /// compare as PostgreSQL compares them (bytes), which is their hex text's order.
    static func sorted(_ rows: [ListingRow], _ sort: ListingSort, _ visibility: ListingVisibility) -> [ListingRow] {
        func idDesc(_ a: ListingRow, _ b: ListingRow) -> Bool { a.id.uuidString > b.id.uuidString }
        return rows.sorted { a, b in
            switch sort {
            case .newest, .relevance:
                let (ka, kb) = visibility == .published
                    ? (a.publishedAt ?? .distantPast, b.publishedAt ?? .distantPast) : (a.createdAt, b.createdAt)
                return ka != kb ? ka > kb : idDesc(a, b)
            case .priceAsc:
                return a.priceCents != b.priceCents ? a.priceCents < b.priceCents : a.id.uuidString < b.id.uuidString
            case .priceDesc:
                return a.priceCents != b.priceCents ? a.priceCents > b.priceCents : idDesc(a, b)
            case .rating:
                return a.averageRating != b.averageRating ? a.averageRating > b.averageRating : idDesc(a, b)
            }
        }
    }
}
