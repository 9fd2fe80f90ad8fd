import Foundation
import Logging

/// Fills an empty, migrated database with realistic demo data for development: providers
/// in real US cities, a few thousand listings of every kind, buyers with saved listings,
/// and three demo accounts with a known password. Deterministic: the same `now` gives the
/// same rows. Does nothing to a database that already has users.
public struct DemoSeed: Sendable {
    /// A demo account to sign in with (`password` for all of them).
    public struct Account: Sendable, Equatable {
        public var email: String
        public var role: String
        var firstName: String
        var lastName: String
    }

    /// Every seeded user's password: this is demo data, for development databases only.
    public static let password = "demo-password-1"
    static let buyerEmail = "buyer@demo.test"
    public static let demoAccounts: [Account] = [
        Account(email: buyerEmail, role: "buyer", firstName: "Demo", lastName: "Buyer"),
        Account(email: "provider@demo.test", role: "provider", firstName: "Demo", lastName: "Provider"),
        Account(email: "admin@demo.test", role: "admin", firstName: "Demo", lastName: "Admin"),
    ]

    public let database: Database
    /// Where the images and files go; nil seeds listings without images.
    public let storage: S3Configuration?
    public let bcryptCost: UInt8
    let logger: Logger
    var options = SeedPlan.Options()

    public init(database: Database, storage: S3Configuration?, bcryptCost: UInt8 = 10, logger: Logger) {
        self.database = database
        self.storage = storage
        self.bcryptCost = bcryptCost
        self.logger = logger
    }

    /// Seeds the database, or returns a skipped summary when it has any user.
    public func run(now: Date = Date()) async throws -> DemoSeedSummary {
        let sql = SQLExecutor(database: database, logger: logger)
        // A cheap look first, so a second run uploads nothing; the transaction checks again.
        guard try await isEmpty(sql) else { return .skipped }

        var uploaded = (images: 0, files: 0)
        if let storage {
            uploaded = try await SeedAssets.upload(with: S3Client(configuration: storage))
        } else {
            logger.warning(
                "S3 is not configured: seeding listings without images; digital listings' file keys point at files that do not exist")
        }
        var options = self.options
        options.withImages = storage != nil
        let plan = SeedPlan.make(options: options, now: now)
        // One hash for every seeded user: bcrypt is slow by design, and they share the password.
        let passwordHash = await PasswordHasher(cost: bcryptCost).hash(Self.password)

        let seeded = try await sql.transaction { tx in
            // Two seeds started at once: the second waits here, then sees the users.
            try await tx.query("SELECT pg_advisory_xact_lock(hashtext('marketplace.seed'))")
            let rows = try await tx.query("SELECT EXISTS (SELECT 1 FROM marketplace.users)")
            guard let exists = try rows.first?.decode(Bool.self), !exists else { return false }
            try await SeedWriter.write(plan, passwordHash: passwordHash, in: tx)
            return true
        }
        guard seeded else { return .skipped }
        return DemoSeedSummary(plan: plan, imagesUploaded: uploaded.images, filesUploaded: uploaded.files)
    }

    private func isEmpty(_ sql: SQLExecutor) async throws -> Bool {
        let rows = try await sql.query("SELECT EXISTS (SELECT 1 FROM marketplace.users)")
        return try rows.first?.decode(Bool.self) == false
    }
}
