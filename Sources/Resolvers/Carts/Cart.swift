import Foundation

/// The schema's `CartLineAvailability` (raw values are the GraphQL names).
public enum CartLineAvailability: String, Sendable, CaseIterable {
    case available = "AVAILABLE"
    case unavailable = "UNAVAILABLE"
    case soldOut = "SOLD_OUT"
    case notEnoughQuantity = "NOT_ENOUGH_QUANTITY"
    case removed = "REMOVED"
}

/// One stored cart line with what decides whether it can be bought now.
struct CartLineRecord: Sendable {
    var listing: ListingRow
    var quantity: Int
    /// The provider is active and not deleted.
    var providerActive: Bool
    /// How many can still be bought (nil: unlimited).
    var quantityAvailable: Int?
}

/// `CartLine`: a line at the listing's current price, and whether it can be bought.
public struct CartLine: Sendable {
    let record: CartLineRecord
    public let availability: CartLineAvailability
    public let problem: String?

    public var quantity: Int { record.quantity }
    public var title: String { record.listing.title }
    var unitPrice: Money { Money(cents: record.listing.priceCents, currency: record.listing.currency) }
    var lineTotal: Money { Money(cents: record.listing.priceCents * Int64(record.quantity), currency: record.listing.currency) }

    /// The listing while buyers may still see it (not deleted, provider not suspended).
    var visibleListing: ListingRow? {
        record.listing.deletedAt == nil && record.providerActive ? record.listing : nil
    }

    init(_ record: CartLineRecord, cartCurrency: String) {
        self.record = record
        (availability, problem) = Self.judge(record, cartCurrency: cartCurrency)
    }
}

extension CartLine {
    /// Whether the line can be bought as it stands, and if not, why (the first reason that applies).
    static func judge(_ record: CartLineRecord, cartCurrency: String) -> (CartLineAvailability, String?) {
        let listing = record.listing
        if listing.deletedAt != nil { return (.removed, "The provider removed this listing.") }
        if listing.status == .soldOut { return (.soldOut, "Sold out.") }
        if listing.status != .active || !record.providerActive {
            return (.unavailable, "This listing is not for sale right now.")
        }
        if listing.currency != cartCurrency {
            return (.unavailable, "This listing is now priced in \(listing.currency); the cart is in \(cartCurrency).")
        }
        if let available = record.quantityAvailable {
            if available <= 0 { return (.soldOut, "Sold out.") }
            if record.quantity > available { return (.notEnoughQuantity, "Only \(available) left.") }
        }
        return (.available, nil)
    }
}

/// `Cart`: the lines and their sums, in the currency of the oldest line.
public struct Cart: Sendable {
    public let lines: [CartLine]
    public let subtotal: Money
    public let totalQuantity: Int
    public let isCheckoutReady: Bool

    init(_ records: [CartLineRecord]) {
        let currency = records.first?.listing.currency ?? Money.platformCurrency
        lines = records.map { CartLine($0, cartCurrency: currency) }
        // Lines in another currency cannot be added up with the rest; they are unavailable anyway.
        let sum = lines.filter { $0.record.listing.currency == currency }.reduce(Int64(0)) { $0 + $1.lineTotal.cents }
        subtotal = Money(cents: sum, currency: currency)
        totalQuantity = lines.reduce(0) { $0 + $1.quantity }
        isCheckoutReady = !lines.isEmpty && lines.allSatisfy { $0.availability == .available }
    }
}

/// `CartPayload`: the cart as it is now, and the errors.
public struct CartPayload: Sendable {
    public var cart: Cart?
    public var errors: [UserError]
}
