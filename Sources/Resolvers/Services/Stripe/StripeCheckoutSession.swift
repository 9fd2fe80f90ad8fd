import Foundation

/// A Stripe Checkout Session (`checkout.session`): the page a buyer pays an order on.
public struct StripeCheckoutSession: Sendable, Decodable, Equatable {
    public var id: String
    public var created: Int
    /// `open`, `complete` or `expired`.
    public var status: String?
    /// `paid`, `unpaid` or `no_payment_required`.
    public var paymentStatus: String?
    public var mode: String?
    /// The hosted page to send the buyer to (nil once the session is complete or expired).
    public var url: String?
    public var amountTotal: Int?
    public var amountSubtotal: Int?
    public var currency: String?
    public var clientReferenceID: String?
    public var customerEmail: String?
    public var customerDetails: CustomerDetails?
    public var customer: StripeRef?
    public var paymentIntent: StripeRef?
    public var successURL: String?
    public var cancelURL: String?
    public var expiresAt: Int?
    public var metadata: [String: String]?
    public var livemode: Bool?

    /// What the buyer entered on the page.
    public struct CustomerDetails: Sendable, Decodable, Equatable {
        public var email: String?
        public var name: String?
    }

    enum CodingKeys: String, CodingKey {
        case id, created, status, mode, url, currency, customer, metadata, livemode
        case paymentStatus = "payment_status"
        case amountTotal = "amount_total"
        case amountSubtotal = "amount_subtotal"
        case clientReferenceID = "client_reference_id"
        case customerEmail = "customer_email"
        case customerDetails = "customer_details"
        case paymentIntent = "payment_intent"
        case successURL = "success_url"
        case cancelURL = "cancel_url"
        case expiresAt = "expires_at"
    }
}

/// What `createCheckoutSession` sends: a payment-mode session for one order, whose
/// transfers to providers are grouped under `transferGroup` ("separate charges and transfers").
public struct StripeCheckoutSessionParams: Sendable, Equatable {
    /// One line on the page: an ad-hoc price (no Stripe Product or Price objects are kept).
    public struct LineItem: Sendable, Equatable {
        public var name: String
        /// In the currency's smallest unit (cents).
        public var unitAmount: Int
        /// ISO code, lower case (`usd`).
        public var currency: String
        public var quantity: Int
        public var description: String?

        public init(name: String, unitAmount: Int, currency: String, quantity: Int, description: String? = nil) {
            self.name = name
            self.unitAmount = unitAmount
            self.currency = currency
            self.quantity = quantity
            self.description = description
        }
    }

    public var lineItems: [LineItem]
    public var successURL: String
    public var cancelURL: String
    public var customerEmail: String?
    public var clientReferenceID: String?
    public var metadata: [String: String]
    /// `payment_intent_data[transfer_group]`: the order id, which the transfers repeat.
    public var transferGroup: String?
    /// `payment_intent_data[metadata]`, so the payment and its charge carry the order too.
    public var paymentIntentMetadata: [String: String]
    /// When the session (and the order's hold) ends: 30 minutes to 24 hours from now.
    public var expiresAt: Date?

    public init(
        lineItems: [LineItem], successURL: String, cancelURL: String, customerEmail: String? = nil,
        clientReferenceID: String? = nil, metadata: [String: String] = [:], transferGroup: String? = nil,
        paymentIntentMetadata: [String: String] = [:], expiresAt: Date? = nil
    ) {
        self.lineItems = lineItems
        self.successURL = successURL
        self.cancelURL = cancelURL
        self.customerEmail = customerEmail
        self.clientReferenceID = clientReferenceID
        self.metadata = metadata
        self.transferGroup = transferGroup
        self.paymentIntentMetadata = paymentIntentMetadata
        self.expiresAt = expiresAt
    }

    /// The form parameters, in a fixed order.
    public var form: StripeParam {
        var paymentIntentData: StripeParam = [:]
        paymentIntentData.set("transfer_group", transferGroup.map(StripeParam.string))
        if !paymentIntentMetadata.isEmpty { paymentIntentData.set("metadata", .metadata(paymentIntentMetadata)) }
        var params: StripeParam = [
            "mode": "payment",
            "line_items": .array(
                lineItems.map { item in
                    var productData: StripeParam = ["name": .string(item.name)]
                    productData.set("description", item.description.map(StripeParam.string))
                    return [
                        "price_data": [
                            "currency": .string(item.currency),
                            "unit_amount": .int(item.unitAmount),
                            "product_data": productData,
                        ],
                        "quantity": .int(item.quantity),
                    ]
                }),
            "success_url": .string(successURL),
            "cancel_url": .string(cancelURL),
        ]
        params.set("customer_email", customerEmail.map(StripeParam.string))
        params.set("client_reference_id", clientReferenceID.map(StripeParam.string))
        if !metadata.isEmpty { params.set("metadata", .metadata(metadata)) }
        if paymentIntentData != [:] { params.set("payment_intent_data", paymentIntentData) }
        params.set("expires_at", expiresAt.map { .int(Int($0.timeIntervalSince1970)) })
        return params
    }
}
