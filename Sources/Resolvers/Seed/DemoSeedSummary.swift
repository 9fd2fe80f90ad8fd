/// What `DemoSeed.run` did: the rows it wrote, or that it skipped a database with users.
public struct DemoSeedSummary: Sendable, Equatable {
    /// True when the database already had users and nothing was written.
    public var skipped: Bool
    public var users = 0
    public var buyers = 0
    public var providers = 0
    public var admins = 0
    public var listingsByKind: [ListingKind: Int] = [:]
    public var activeListings = 0
    public var savedListings = 0
    public var orders = 0
    public var reviews = 0
    public var messages = 0
    public var imagesUploaded = 0
    public var filesUploaded = 0

    public var listings: Int { listingsByKind.values.reduce(0, +) }

    static let skipped = DemoSeedSummary(skipped: true)

    init(skipped: Bool) {
        self.skipped = skipped
    }

    init(plan: SeedPlan, imagesUploaded: Int, filesUploaded: Int) {
        skipped = false
        users = plan.users.count
        buyers = plan.users.filter { $0.role == "buyer" }.count
        admins = plan.users.filter { $0.role == "admin" }.count
        providers = plan.providers.count
        for listing in plan.listings { listingsByKind[listing.kind, default: 0] += 1 }
        activeListings = plan.listings.filter { $0.status == .active }.count
        savedListings = plan.saved.count
        orders = plan.purchases.count
        reviews = plan.purchases.filter { $0.review != nil }.count
        messages = plan.threads.reduce(0) { $0 + $1.messages.count }
        self.imagesUploaded = imagesUploaded
        self.filesUploaded = filesUploaded
    }
}

extension DemoSeedSummary: CustomStringConvertible {
    /// For the command's output.
    public var description: String {
        if skipped { return "The database already has users: nothing seeded." }
        let kinds = ListingKind.allCases.map { "\(listingsByKind[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        return """
            Seeded \(users) users (\(buyers) buyers, \(providers) providers, \(admins) admin), \
            \(listings) listings (\(kinds); \(activeListings) active), \(savedListings) saved listings, \
            \(orders) past orders with \(reviews) reviews, \(messages) messages, \
            \(imagesUploaded) images and \(filesUploaded) files uploaded.
            """
    }
}
