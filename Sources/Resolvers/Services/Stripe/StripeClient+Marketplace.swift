import Foundation

/// The calls the marketplace makes: Checkout for orders, Connect (Express accounts, onboarding
/// links, transfers) for providers, refunds. IDs are percent-encoded into paths, so an id from
/// a webhook cannot reach another endpoint.
extension StripeClient {
    // MARK: Checkout

    public func createCheckoutSession(
        _ params: StripeCheckoutSessionParams, idempotencyKey: String? = nil
    ) async throws -> StripeCheckoutSession {
        try await post("/v1/checkout/sessions", params: params.form, idempotencyKey: idempotencyKey)
    }

    public func retrieveCheckoutSession(_ id: String) async throws -> StripeCheckoutSession {
        try await get("/v1/checkout/sessions/\(Self.pathSegment(id))")
    }

    /// Ends an open session now (the buyer cancelled, or the hold was released first).
    public func expireCheckoutSession(
        _ id: String, idempotencyKey: String? = nil
    ) async throws -> StripeCheckoutSession {
        try await post("/v1/checkout/sessions/\(Self.pathSegment(id))/expire", idempotencyKey: idempotencyKey)
    }

    // MARK: Connect

    /// An Express account for a provider, asking for card payments and transfers.
    public func createAccount(
        country: String, email: String?, metadata: [String: String] = [:], idempotencyKey: String? = nil
    ) async throws -> StripeAccount {
        var params: StripeParam = [
            "type": "express",
            "country": .string(country),
        ]
        params.set("email", email.map(StripeParam.string))
        params.set(
            "capabilities",
            [
                "card_payments": ["requested": true],
                "transfers": ["requested": true],
            ])
        if !metadata.isEmpty { params.set("metadata", .metadata(metadata)) }
        return try await post("/v1/accounts", params: params, idempotencyKey: idempotencyKey)
    }

    public func retrieveAccount(_ id: String) async throws -> StripeAccount {
        try await get("/v1/accounts/\(Self.pathSegment(id))")
    }

    /// A one-time onboarding link; `refreshURL` must make a new link when this one expires.
    public func createAccountLink(
        account: String, refreshURL: String, returnURL: String, idempotencyKey: String? = nil
    ) async throws -> StripeAccountLink {
        let params: StripeParam = [
            "account": .string(account),
            "refresh_url": .string(refreshURL),
            "return_url": .string(returnURL),
            "type": "account_onboarding",
        ]
        return try await post("/v1/account_links", params: params, idempotencyKey: idempotencyKey)
    }

    /// A provider's payout for an order: from the order's charge (`sourceTransaction`), so it
    /// does not wait on the platform's available balance.
    public func createTransfer(
        amount: Int, currency: String, destination: String, sourceTransaction: String? = nil,
        transferGroup: String? = nil, metadata: [String: String] = [:], idempotencyKey: String? = nil
    ) async throws -> StripeTransfer {
        var params: StripeParam = [
            "amount": .int(amount),
            "currency": .string(currency),
            "destination": .string(destination),
        ]
        params.set("source_transaction", sourceTransaction.map(StripeParam.string))
        params.set("transfer_group", transferGroup.map(StripeParam.string))
        if !metadata.isEmpty { params.set("metadata", .metadata(metadata)) }
        return try await post("/v1/transfers", params: params, idempotencyKey: idempotencyKey)
    }

    /// Takes back `amount` (nil: all that is left) of a transfer.
    public func createTransferReversal(
        transferID: String, amount: Int? = nil, metadata: [String: String] = [:], idempotencyKey: String? = nil
    ) async throws -> StripeTransferReversal {
        var params: StripeParam = [:]
        params.set("amount", amount.map(StripeParam.int))
        if !metadata.isEmpty { params.set("metadata", .metadata(metadata)) }
        return try await post(
            "/v1/transfers/\(Self.pathSegment(transferID))/reversals", params: params, idempotencyKey: idempotencyKey)
    }

    // MARK: Payments

    /// What a refund is of: Stripe takes one or the other.
    public enum RefundTarget: Sendable, Equatable {
        case paymentIntent(String)
        case charge(String)
    }

    /// Refunds `amount` (nil: all that is left). `reason`: `duplicate`, `fraudulent` or
    /// `requested_by_customer`.
    public func createRefund(
        _ target: RefundTarget, amount: Int? = nil, reason: String? = nil, metadata: [String: String] = [:],
        idempotencyKey: String? = nil
    ) async throws -> StripeRefund {
        var params: StripeParam =
            switch target {
            case .paymentIntent(let id): ["payment_intent": .string(id)]
            case .charge(let id): ["charge": .string(id)]
            }
        params.set("amount", amount.map(StripeParam.int))
        params.set("reason", reason.map(StripeParam.string))
        if !metadata.isEmpty { params.set("metadata", .metadata(metadata)) }
        return try await post("/v1/refunds", params: params, idempotencyKey: idempotencyKey)
    }

    public func retrievePaymentIntent(_ id: String) async throws -> StripePaymentIntent {
        try await get("/v1/payment_intents/\(Self.pathSegment(id))")
    }

    public func retrieveCharge(_ id: String) async throws -> StripeCharge {
        try await get("/v1/charges/\(Self.pathSegment(id))")
    }

    /// An id as one path segment (a `/` or `?` in it would change the request).
    static func pathSegment(_ id: String) -> String { StripeForm.percentEncode(id) }
}
