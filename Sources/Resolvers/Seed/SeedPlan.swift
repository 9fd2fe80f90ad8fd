import Foundation

/// Every row the demo seed inserts, made in memory first from one seeded generator: the
/// same seed and `now` give the same data, and the writer only has to turn it into a few
/// bulk statements.
struct SeedPlan {
    struct User {
        var id: UUID
        var email: String
        var firstName: String
        var lastName: String
        var phone: String?
        var role: String
        var emailVerifiedAt: Date?
        var createdAt: Date
    }

    struct Provider {
        var id: UUID
        var userID: UUID
        var businessName: String
        var slug: String
        var description: String
        var city: SeedPeople.City
        var website: String?
        var phone: String
        /// The categories it sells in: the first is its specialty.
        var categories: [SeedCategory]
        var createdAt: Date
    }

    struct Listing {
        var id: UUID
        var providerID: UUID
        var slug: String
        var kind: ListingKind
        var title: String
        var description: String
        var category: String
        var tags: [String]
        var priceCents: Int64
        var priceType: String
        var imageKeys: [String]
        var fileKey: String?
        var quantity: Int?
        var city: String?
        var state: String?
        var eventStartsAt: Date?
        var venue: String?
        var status: ListingStatus
        var publishedAt: Date?
        var createdAt: Date
    }

    struct SavedListing {
        var userID: UUID
        var listingID: UUID
        var savedAt: Date
    }

    struct Options {
        var seed: UInt64 = 0x5EED_2026
        var providers = 60
        var listings = 2400
        var buyers = 240
        /// Whether listings get image keys (the images were uploaded).
        var withImages = false
    }

    var users: [User] = []
    var providers: [Provider] = []
    var listings: [Listing] = []
    var saved: [SavedListing] = []
    /// Past orders (one completed item each), most with a review: see SeedPurchases.swift.
    var purchases: [Purchase] = []
    var threads: [Thread] = []

    static let day: TimeInterval = 86_400

    static func make(options: Options, now: Date) -> SeedPlan {
        var random = SplitMix64(seed: options.seed)
        var plan = SeedPlan()
        plan.addDemoAccounts(&random, now: now)
        plan.addProviders(options.providers, &random, now: now)
        plan.addBuyers(options.buyers, &random, now: now)
        var listingGenerator = SeedListingGenerator(withImages: options.withImages, now: now)
        for index in 0..<options.listings {
            // Round robin first, so every provider (the demo one included) has listings,
            // then the generator's choice, so that counts per provider vary.
            let provider = index < plan.providers.count
                ? plan.providers[index] : random.pick(plan.providers)
            plan.listings.append(listingGenerator.make(for: provider, &random))
        }
        plan.addSavedListings(&random, now: now)
        plan.addPurchases(&random, now: now)
        plan.addDemoThread(now: now, &random)
        return plan
    }

    private mutating func addDemoAccounts(_ random: inout SplitMix64, now: Date) {
        let created = now.addingTimeInterval(-400 * Self.day)
        for account in DemoSeed.demoAccounts {
            users.append(User(
                id: random.uuid(), email: account.email, firstName: account.firstName, lastName: account.lastName,
                phone: nil, role: account.role, emailVerifiedAt: created, createdAt: created))
        }
    }

    private mutating func addProviders(_ count: Int, _ random: inout SplitMix64, now: Date) {
        var names = Set<String>(), slugs = Set<String>()
        // Cities in turn, so every one of them has providers.
        let cities = SeedPeople.cities
        for index in 0..<count {
            let categories = Self.categories(for: index, &random)
            let city = cities[index % cities.count]
            var name = ""
            repeat {
                name = "\(random.pick(SeedPeople.businessWords)) \(random.pick(categories[0].businessNouns))"
            } while names.contains(name)
            names.insert(name)
            let slug = ListingSlug.firstAvailable(base: ListingSlug.base(for: name), taken: slugs)
            slugs.insert(slug)
            let createdAt = now.addingTimeInterval(-Double(random.int(in: 120...700)) * Self.day)
            // The demo provider is the first: its own account, not a generated one.
            let userID: UUID
            let first: String
            if index == 0, let demo = users.first(where: { $0.role == "provider" }) {
                userID = demo.id
                first = demo.firstName
            } else {
                first = random.pick(SeedPeople.firstNames)
                let last = random.pick(SeedPeople.lastNames)
                let user = User(
                    id: random.uuid(), email: "hello@\(slug).example.com", firstName: first, lastName: last,
                    phone: nil, role: "provider", emailVerifiedAt: createdAt, createdAt: createdAt)
                users.append(user)
                userID = user.id
            }
            let year = Self.year(of: createdAt) - random.int(in: 0...12)
            let description = random.pick(SeedPeople.providerDescriptions)
                .replacingOccurrences(of: "{name}", with: name)
                .replacingOccurrences(of: "{city}", with: city.name)
                .replacingOccurrences(of: "{category}", with: categories[0].name.lowercased())
                .replacingOccurrences(of: "{first}", with: first)
                .replacingOccurrences(of: "{year}", with: String(year))
            // 555-01xx: the range reserved for fiction, so no real number is printed.
            let phone = "+1 \(city.areaCode)-555-01\(String(format: "%02d", random.int(in: 0...99)))"
            providers.append(Provider(
                id: random.uuid(), userID: userID, businessName: name, slug: slug, description: description,
                city: city, website: random.chance(0.6) ? "https://\(slug).example.com" : nil, phone: phone,
                categories: categories, createdAt: createdAt))
        }
    }

    /// The UTC calendar year of `date`.
    static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.component(.year, from: date)
    }

    /// One to three categories, the specialty first. Providers take specialties in turn,
    /// so every category (and so every kind) has listings.
    private static func categories(for index: Int, _ random: inout SplitMix64) -> [SeedCategory] {
        let all = SeedCategory.all
        var chosen = [all[index % all.count]]
        for _ in 0..<random.int(in: 0...2) {
            let other = random.pick(all)
            if !chosen.contains(where: { $0.name == other.name }) { chosen.append(other) }
        }
        return chosen
    }

    private mutating func addBuyers(_ count: Int, _ random: inout SplitMix64, now: Date) {
        var emails = Set(users.map(\.email))
        for _ in 0..<count {
            let first = random.pick(SeedPeople.firstNames), last = random.pick(SeedPeople.lastNames)
            var email = ""
            repeat {
                email = "\(SeedPeople.emailLocalPart(first, last))\(random.int(in: 1...999))@example.com"
            } while emails.contains(email)
            emails.insert(email)
            let createdAt = now.addingTimeInterval(-Double(random.int(in: 1...365)) * Self.day
                - Double(random.int(in: 0...86_399)))
            let phone = random.chance(0.4)
                ? "+1 \(random.pick(SeedPeople.cities).areaCode)-555-01\(String(format: "%02d", random.int(in: 0...99)))"
                : nil
            users.append(User(
                id: random.uuid(), email: email, firstName: first, lastName: last, phone: phone, role: "buyer",
                emailVerifiedAt: random.chance(0.9) ? createdAt.addingTimeInterval(600) : nil, createdAt: createdAt))
        }
    }

    /// Buyers bookmark a few active listings each, after the listing was published.
    private mutating func addSavedListings(_ random: inout SplitMix64, now: Date) {
        let active = listings.filter { $0.status == .active }
        guard !active.isEmpty else { return }
        for user in users where user.role == "buyer" {
            let count = user.email == DemoSeed.buyerEmail ? 8 : random.int(in: 0...12)
            var chosen = Set<UUID>()
            for _ in 0..<count {
                let listing = random.pick(active)
                guard chosen.insert(listing.id).inserted, let published = listing.publishedAt else { continue }
                let span = now.timeIntervalSince(published)
                let savedAt = published.addingTimeInterval(span * Double(random.int(in: 1...100)) / 100)
                saved.append(SavedListing(userID: user.id, listingID: listing.id, savedAt: savedAt))
            }
        }
    }
}
