import Foundation
import PostgresNIO

/// A provider profile as resolvers see it. GraphQL `Provider`: `businessName`, `slug`,
/// `description`, `city`, `state`, `country`, `website`, `averageRating`, `reviewCount`,
/// `payoutsEnabled` and `createdAt` are read from the stored properties; `id`, `user` and
/// `stripeOnboardingComplete` have resolvers (ProviderResolvers.swift).
public struct Provider: Sendable {
    public let providerID: UUID
    public let userID: UUID
    public let businessName: String
    public let slug: String
    public let description: String
    public let city: String?
    public let state: String?
    public let country: String
    public let website: String?
    public let averageRating: Double
    public let reviewCount: Int
    public let stripeDetailsSubmitted: Bool
    public let stripeChargesEnabled: Bool
    public let payoutsEnabled: Bool
    public let status: String
    public let createdAt: Date
    /// Stats for the dashboard (`ProviderDashboard`), kept by the code that changes them.
    public let listingCount: Int
    public let activeListingCount: Int
    public let completedOrderCount: Int
    public let revenueCents: Int64
    public let pendingPayoutCents: Int64
    /// `stripe_connect` or `offline`.
    public let paymentModeValue: String

    /// The columns `init(row:)` reads, in its order, for `... FROM marketplace.providers p`.
    static let columns = """
        p.id, p.user_id, p.business_name, p.slug, p.description, p.city::text, p.state::text, p.country, \
        p.website, p.average_rating::float8, p.review_count, p.stripe_details_submitted, \
        p.stripe_charges_enabled, p.stripe_payouts_enabled, p.status, p.created_at, p.listing_count, \
        p.active_listing_count, p.completed_order_count, p.revenue_cents, p.pending_payout_cents, p.payment_mode
        """

    init(row: PostgresRow) throws {
        let columns = row.makeRandomAccess()
        providerID = try columns[0].decode(UUID.self)
        userID = try columns[1].decode(UUID.self)
        businessName = try columns[2].decode(String.self)
        slug = try columns[3].decode(String.self)
        description = try columns[4].decode(String.self)
        city = try columns[5].decode(String?.self)
        state = try columns[6].decode(String?.self)
        country = try columns[7].decode(String.self)
        website = try columns[8].decode(String?.self)
        averageRating = try columns[9].decode(Double.self)
        reviewCount = try columns[10].decode(Int.self)
        stripeDetailsSubmitted = try columns[11].decode(Bool.self)
        stripeChargesEnabled = try columns[12].decode(Bool.self)
        payoutsEnabled = try columns[13].decode(Bool.self)
        status = try columns[14].decode(String.self)
        createdAt = try columns[15].decode(Date.self)
        listingCount = try columns[16].decode(Int.self)
        activeListingCount = try columns[17].decode(Int.self)
        completedOrderCount = try columns[18].decode(Int.self)
        revenueCents = try columns[19].decode(Int64.self)
        pendingPayoutCents = try columns[20].decode(Int64.self)
        paymentModeValue = try columns[21].decode(String.self)
    }

    /// Stripe has the details and lets the provider take card payments.
    var stripeOnboardingComplete: Bool { stripeDetailsSubmitted && stripeChargesEnabled }
}

/// Input of `becomeProvider` and `updateProvider`: absent fields are unchanged (an empty
/// string clears an optional one); `becomeProvider` requires `businessName`.
struct ProviderInput: Decodable, Sendable {
    var paymentMode: String?
    var businessName: String?
    var businessDescription: String?
    var city: String?
    var state: String?
    var website: String?
}

/// `ProviderPayload`: the changed provider, or the errors.
public struct ProviderPayload: Sendable {
    public var provider: Provider?
    public var errors: [UserError]
}
