import Foundation

/// Makes one realistic listing at a time for a provider: a title, description and tags
/// from its category's word pools, a price in the category's range, a status mostly
/// `active`, and for tickets a quantity, an event date and a venue. Keeps the slugs
/// taken so far, so each new one is unique.
struct SeedListingGenerator {
    let withImages: Bool
    let now: Date
    private var slugs = Set<String>()

    init(withImages: Bool, now: Date) {
        self.withImages = withImages
        self.now = now
    }

    mutating func make(for provider: SeedPlan.Provider, _ random: inout SplitMix64) -> SeedPlan.Listing {
        // Most listings in the specialty, the rest in the provider's other categories.
        let category = random.chance(0.7) ? provider.categories[0] : random.pick(provider.categories)
        let subject = random.pick(category.subjects)
        let city = provider.city.name
        func fill(_ template: String) -> String {
            template.replacingOccurrences(of: "{s}", with: subject)
                .replacingOccurrences(of: "{l}", with: SeedCategory.inSentence(subject))
                .replacingOccurrences(of: "{city}", with: city)
        }
        let title = fill(random.pick(category.titles))
        // Two to four of the category's sentences, in its order, so the text reads well.
        let sentenceCount = random.int(in: 2...min(4, category.descriptions.count))
        var sentences = [category.descriptions[0]]
        for sentence in category.descriptions.dropFirst() where sentences.count < sentenceCount {
            if random.chance(0.75) { sentences.append(sentence) }
        }
        let description = sentences.map(fill).joined(separator: " ")

        var tags = [subject.lowercased()]
        for tag in category.tags where tags.count < 5 && random.chance(0.5) && !tags.contains(tag) {
            tags.append(tag)
        }

        let slug = ListingSlug.firstAvailable(base: ListingSlug.base(for: title), taken: slugs)
        slugs.insert(slug)

        let (status, publishedAt, createdAt) = lifecycle(kind: category.kind, &random)
        var listing = SeedPlan.Listing(
            id: random.uuid(), providerID: provider.id, slug: slug, kind: category.kind, title: title,
            description: description, category: category.name, tags: tags,
            priceCents: price(category, &random), priceType: "fixed",
            imageKeys: withImages ? imageKeys(&random) : [], fileKey: nil, quantity: nil,
            city: city, state: provider.city.state, eventStartsAt: nil, venue: nil,
            status: status, publishedAt: publishedAt, createdAt: createdAt)
        switch category.kind {
        case .service:
            if random.chance(category.hourlyShare) { listing.priceType = "hourly" }
        case .digital:
            // A download has no place.
            listing.city = nil
            listing.state = nil
            listing.fileKey = SeedAssets.fileKey(random.int(in: 0...(SeedAssets.fileCount - 1)))
        case .ticket:
            listing.quantity = random.int(in: 20...500)
            // An evening start (18:00 to 20:30 UTC) 1 to 120 days out, on the half hour.
            let startOfDay = (now.timeIntervalSince1970 / SeedPlan.day).rounded(.down) * SeedPlan.day
            let days = Double(random.int(in: 1...120))
            let minutes = Double(18 * 60 + 30 * random.int(in: 0...5))
            listing.eventStartsAt = Date(timeIntervalSince1970: startOfDay + days * SeedPlan.day + minutes * 60)
            listing.venue = random.pick(SeedPeople.venues).replacingOccurrences(of: "{city}", with: city)
        }
        return listing
    }

    /// About 85% active; the rest draft, paused, archived, or (tickets only) sold out.
    /// Everything but drafts was published some time in the last 90 days.
    private func lifecycle(
        kind: ListingKind, _ random: inout SplitMix64
    ) -> (ListingStatus, Date?, Date) {
        let roll = random.int(in: 1...100)
        let status: ListingStatus
        switch roll {
        case 1...85: status = .active
        case 86...90: status = .draft
        case 91...94: status = .paused
        case 95...97: status = .archived
        default: status = kind == .ticket ? .soldOut : .paused
        }
        let published = now.addingTimeInterval(-Double(random.int(in: 0...(90 * 86_400 - 1))))
        let created = published.addingTimeInterval(-Double(random.int(in: 600...(10 * 86_400))))
        if status == .draft {
            return (status, nil, now.addingTimeInterval(-Double(random.int(in: 600...(30 * 86_400)))))
        }
        return (status, published, created)
    }

    /// A price in the category's range on its step; digital prices end in 99 (9.99, 24.99).
    private func price(_ category: SeedCategory, _ random: inout SplitMix64) -> Int64 {
        let steps = (category.cents.upperBound - category.cents.lowerBound) / category.step
        var cents = category.cents.lowerBound + category.step * random.int(in: 0...steps)
        if category.kind == .digital {
            cents = (cents / 100) * 100 + 99
        }
        return Int64(cents)
    }

    /// One to three distinct images of the pool.
    private func imageKeys(_ random: inout SplitMix64) -> [String] {
        var keys: [String] = []
        for _ in 0..<random.int(in: 1...3) {
            let key = SeedAssets.imageKey(random.int(in: 0...(SeedAssets.imageCount - 1)))
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}
