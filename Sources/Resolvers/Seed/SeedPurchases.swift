import Foundation

/// The demo's history: buyers who bought services and digital files (completed, paid by
/// hand to the offline providers), most of whom reviewed them, some answered; and a
/// conversation between the demo buyer and the demo provider.
extension SeedPlan {
    struct Purchase {
        var orderID: UUID
        var itemID: UUID
        var invoiceID: UUID
        var buyerID: UUID
        var listing: Listing
        var feeCents: Int64
        /// When it was paid and completed.
        var at: Date
        var review: Review?
    }

    struct Review {
        var id: UUID
        var rating: Int
        var title: String?
        var body: String?
        var response: String?
        var at: Date
    }

    struct Thread {
        var id: UUID
        var buyerID: UUID
        var providerID: UUID
        var listingID: UUID
        var subject: String
        /// Sender and body, oldest first; `readByBuyer` of them are read by the buyer.
        var messages: [(senderID: UUID, body: String, at: Date)]
        var readByBuyer: Int
    }

    /// About a third of the active services and files were bought one to five times; four in
    /// five purchases have a review, a third of the reviews an answer. The demo buyer has
    /// two purchases from the demo provider: one reviewed, one waiting for a review.
    mutating func addPurchases(_ random: inout SplitMix64, now: Date) {
        let buyers = users.filter { $0.role == "buyer" && $0.email != DemoSeed.buyerEmail }
        let fees = CommerceConfiguration()
        func purchase(_ listing: Listing, by buyerID: UUID, reviewed: Bool, _ random: inout SplitMix64) -> Purchase? {
            guard let published = listing.publishedAt, now.timeIntervalSince(published) > 2 * Self.day else { return nil }
            let span = now.timeIntervalSince(published) - 2 * Self.day
            let at = published.addingTimeInterval(Self.day + span * Double(random.int(in: 0...1000)) / 1000)
            var review: Review?
            if reviewed {
                let rating = Self.rating(&random)
                let texts = Self.reviewTexts[rating - 1]
                review = Review(
                    id: random.uuid(), rating: rating, title: random.chance(0.8) ? random.pick(texts.titles) : nil,
                    body: random.chance(0.85) ? random.pick(texts.bodies) : nil,
                    response: random.chance(0.33) ? random.pick(rating >= 4 ? Self.thanks : Self.apologies) : nil,
                    at: min(now, at.addingTimeInterval(Double(random.int(in: 3_600...(5 * 86_400))))))
            }
            return Purchase(
                orderID: random.uuid(), itemID: random.uuid(), invoiceID: random.uuid(), buyerID: buyerID, listing: listing,
                feeCents: fees.platformFee(on: listing.priceCents), at: at, review: review)
        }
        let sellable = listings.filter { $0.status == .active && $0.kind != .ticket }
        for listing in sellable where random.chance(0.33) {
            var chosen = Set<UUID>()
            for _ in 0..<random.int(in: 1...5) {
                let buyer = random.pick(buyers)
                guard chosen.insert(buyer.id).inserted else { continue }
                if let bought = purchase(listing, by: buyer.id, reviewed: random.chance(0.8), &random) {
                    purchases.append(bought)
                }
            }
        }
        guard let demoBuyer = users.first(where: { $0.email == DemoSeed.buyerEmail }), let demoProvider = providers.first else {
            return
        }
        let demoListings = sellable.filter {
            $0.providerID == demoProvider.id && $0.publishedAt.map { now.timeIntervalSince($0) > 2 * Self.day } == true
        }
        for (index, listing) in demoListings.prefix(2).enumerated() {
            if let bought = purchase(listing, by: demoBuyer.id, reviewed: index == 0, &random) { purchases.append(bought) }
        }
    }

    /// The demo buyer asked the demo provider about a listing; the last answer is unread.
    mutating func addDemoThread(now: Date, _ random: inout SplitMix64) {
        guard let buyer = users.first(where: { $0.email == DemoSeed.buyerEmail }), let provider = providers.first,
              let listing = listings.first(where: { $0.providerID == provider.id && $0.status == .active })
        else { return }
        let start = now.addingTimeInterval(-2 * Self.day)
        let lines: [(UUID, String)] = [
            (buyer.id, "Hi! Is this available next weekend? I'd like to book it for two."),
            (provider.userID, "Hello! Saturday afternoon works. Two people is fine, no extra charge."),
            (buyer.id, "Great, I'll add it to my cart. Anything I should bring?"),
            (provider.userID, "Just yourselves. I'll send the details after you book."),
        ]
        threads.append(Thread(
            id: random.uuid(), buyerID: buyer.id, providerID: provider.id, listingID: listing.id,
            subject: String(listing.title.prefix(200)),
            messages: lines.enumerated().map { ($0.element.0, $0.element.1, start.addingTimeInterval(Double($0.offset) * 3_600)) },
            readByBuyer: 3))
    }

    /// Mostly good, as marketplaces' ratings are.
    private static func rating(_ random: inout SplitMix64) -> Int {
        switch random.int(in: 1...100) {
        case 1...4: 1
        case 5...10: 2
        case 11...24: 3
        case 25...58: 4
        default: 5
        }
    }

    private static let reviewTexts: [(titles: [String], bodies: [String])] = [
        (["Not what I expected", "Disappointing"],
         ["It did not match the description, and I never heard back.", "Would not buy again, sadly."]),
        (["Could be better", "Meh"],
         ["Some good parts, but it felt rushed.", "OK in the end, after a lot of back and forth."]),
        (["Decent", "Fine for the price"],
         ["Did the job. Nothing special, nothing wrong.", "Good value, a few rough edges."]),
        (["Very good", "Would recommend", "Great experience"],
         ["Friendly, on time and clearly knows the craft.", "Exactly as described. I would book again.",
          "Clear communication from start to finish."]),
        (["Excellent!", "Five stars", "Absolutely wonderful"],
         ["Went above and beyond. Thank you!", "The best I have found in town, hands down.",
          "Perfect from start to finish. Already recommended it to friends."]),
    ]

    private static let thanks = [
        "Thank you for the kind words, see you next time!",
        "So glad you enjoyed it. Thanks for taking the time to write!",
    ]

    private static let apologies = [
        "Thanks for the feedback, we'll take it to heart.",
        "Sorry it fell short. Please write to us, we'd like to make it right.",
    ]
}
