/// A PaymentIntent (`payment_intent`): the payment behind a Checkout Session.
public struct StripePaymentIntent: Sendable, Decodable, Equatable {
    public var id: String
    public var amount: Int
    public var amountReceived: Int?
    public var currency: String
    /// `requires_payment_method`, `processing`, `succeeded`, `canceled`, …
    public var status: String
    /// The charge of the successful attempt: the `source_transaction` of the transfers.
    public var latestCharge: StripeRef?
    public var transferGroup: String?
    public var customer: StripeRef?
    public var lastPaymentError: PaymentError?
    public var metadata: [String: String]?
    public var created: Int
    public var livemode: Bool?

    /// Why the last attempt failed (shown to the buyer, recorded on the payment).
    public struct PaymentError: Sendable, Decodable, Equatable {
        public var type: String?
        public var code: String?
        public var declineCode: String?
        public var message: String?

        enum CodingKeys: String, CodingKey {
            case type, code, message
            case declineCode = "decline_code"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, status, customer, metadata, created, livemode
        case amountReceived = "amount_received"
        case latestCharge = "latest_charge"
        case transferGroup = "transfer_group"
        case lastPaymentError = "last_payment_error"
    }
}

/// A Charge (`charge`): the money actually taken, refunded in part or whole.
public struct StripeCharge: Sendable, Decodable, Equatable {
    public var id: String
    public var amount: Int
    public var amountCaptured: Int?
    public var amountRefunded: Int?
    public var currency: String
    public var paid: Bool?
    public var captured: Bool?
    public var refunded: Bool?
    /// `succeeded`, `pending` or `failed`.
    public var status: String?
    public var paymentIntent: StripeRef?
    public var balanceTransaction: StripeRef?
    public var transferGroup: String?
    public var failureCode: String?
    public var failureMessage: String?
    public var metadata: [String: String]?
    public var created: Int
    public var livemode: Bool?

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, paid, captured, refunded, status, metadata, created, livemode
        case amountCaptured = "amount_captured"
        case amountRefunded = "amount_refunded"
        case paymentIntent = "payment_intent"
        case balanceTransaction = "balance_transaction"
        case transferGroup = "transfer_group"
        case failureCode = "failure_code"
        case failureMessage = "failure_message"
    }
}

/// A Refund (`refund`) of a charge or payment intent.
public struct StripeRefund: Sendable, Decodable, Equatable {
    public var id: String
    public var amount: Int
    public var currency: String
    public var charge: StripeRef?
    public var paymentIntent: StripeRef?
    /// `pending`, `requires_action`, `succeeded`, `failed` or `canceled`.
    public var status: String?
    /// `duplicate`, `fraudulent`, `requested_by_customer` or `expired_uncaptured_charge`.
    public var reason: String?
    public var failureReason: String?
    public var transferReversal: StripeRef?
    public var metadata: [String: String]?
    public var created: Int

    enum CodingKeys: String, CodingKey {
        case id, amount, currency, charge, status, reason, metadata, created
        case paymentIntent = "payment_intent"
        case failureReason = "failure_reason"
        case transferReversal = "transfer_reversal"
    }
}
