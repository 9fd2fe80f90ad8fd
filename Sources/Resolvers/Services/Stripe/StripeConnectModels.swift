/// A connected account (`account`): a provider's Stripe Express account.
public struct StripeAccount: Sendable, Decodable, Equatable {
    public var id: String
    /// `express`, `standard` or `custom`.
    public var type: String?
    public var email: String?
    public var country: String?
    public var defaultCurrency: String?
    public var chargesEnabled: Bool?
    public var payoutsEnabled: Bool?
    public var detailsSubmitted: Bool?
    /// Capability name (`card_payments`, `transfers`) → `active`, `inactive` or `pending`.
    public var capabilities: [String: String]?
    public var requirements: Requirements?
    public var metadata: [String: String]?
    public var created: Int?

    /// What Stripe still needs before the account can take payments or payouts.
    public struct Requirements: Sendable, Decodable, Equatable {
        public var currentlyDue: [String]?
        public var eventuallyDue: [String]?
        public var pastDue: [String]?
        public var disabledReason: String?
        public var currentDeadline: Int?

        enum CodingKeys: String, CodingKey {
            case currentlyDue = "currently_due"
            case eventuallyDue = "eventually_due"
            case pastDue = "past_due"
            case disabledReason = "disabled_reason"
            case currentDeadline = "current_deadline"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, type, email, country, capabilities, requirements, metadata, created
        case defaultCurrency = "default_currency"
        case chargesEnabled = "charges_enabled"
        case payoutsEnabled = "payouts_enabled"
        case detailsSubmitted = "details_submitted"
    }
}

/// An Account Link (`account_link`): a one-time onboarding URL for a connected account.
public struct StripeAccountLink: Sendable, Decodable, Equatable {
    public var url: String
    public var created: Int
    public var expiresAt: Int

    enum CodingKeys: String, CodingKey {
        case url, created
        case expiresAt = "expires_at"
    }
}

/// A Transfer (`transfer`): a provider's payout for an order, from the platform's balance to
/// the connected account.
public struct StripeTransfer: Sendable, Decodable, Equatable {
    public var id: String
    public var amount: Int
    public var amountReversed: Int?
    public var currency: String
    /// The connected account.
    public var destination: StripeRef?
    public var destinationPayment: StripeRef?
    /// The charge the money came from (the transfer waits for its funds to be available).
    public var sourceTransaction: StripeRef?
    public var transferGroup: String?
    public var reversed: Bool?
    public var metadata: [String: String]?
    public var created: Int
    public var livemode: Bool?

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, destination, reversed, metadata, created, livemode
        case amountReversed = "amount_reversed"
        case destinationPayment = "destination_payment"
        case sourceTransaction = "source_transaction"
        case transferGroup = "transfer_group"
    }
}

/// A Transfer Reversal (`transfer_reversal`): money taken back from a provider on a refund.
public struct StripeTransferReversal: Sendable, Decodable, Equatable {
    public var id: String
    public var amount: Int
    public var currency: String
    public var transfer: StripeRef
    public var sourceRefund: StripeRef?
    public var metadata: [String: String]?
    public var created: Int

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, transfer, metadata, created
        case sourceRefund = "source_refund"
    }
}
