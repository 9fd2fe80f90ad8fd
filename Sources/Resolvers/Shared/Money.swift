/// The schema's `Money`: integer cents and an ISO 4217 code, never a floating-point amount.
public struct Money: Sendable, Equatable {
    public var cents: Int64
    public var currency: String

    public init(cents: Int64, currency: String) {
        self.cents = cents
        self.currency = currency
    }

    /// The currencies listings may be priced in (Stripe Checkout takes one per session, so
    /// checkout groups by it). `USD` is the platform's own: dashboards add up in it.
    public static let supportedCurrencies: Set<String> = ["USD", "EUR", "GBP", "CAD", "AUD"]
    public static let platformCurrency = "USD"
}
