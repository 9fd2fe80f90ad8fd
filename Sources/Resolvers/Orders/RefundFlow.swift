import Foundation
import GraphQLEngine

/// `refundOrder`: a full or partial refund through Stripe's refund API, never more than
/// what is left of the payment, with each provider's transfer reversed for its share. The
/// Stripe calls run inside the order's transaction with idempotency keys from the order's
/// refund history, so a failure rolls everything back and a retry repeats nothing at Stripe.
enum RefundFlow {
    struct Args: Decodable, Sendable {
        var id: String
        var amountCents: Int64?
        var reason: String?
    }

    /// A refusal that rolls the transaction back.
    struct Refusal: Error {
        var error: UserError
    }

    static func refund(_ args: Args, _ ctx: Context) async throws -> OrderPayload {
        let viewer = try ctx.requireViewer()
        let orderID = try GlobalID.parse(args.id, as: "Order")
        if let reason = args.reason, reason.count > OrderFlows.maximumReasonLength {
            return .failure(UserError(field: ["reason"], code: .invalidInput, message: "The reason must be at most 500 characters."))
        }
        guard try await ctx.loaders.orders.load(orderID) != nil else { throw APIError.notFound("There is no such order.") }
        guard let stripe = ctx.services.stripe else {
            ctx.logger.error("refundOrder: Stripe is not configured (set STRIPE_SECRET_KEY)")
            throw APIError.internalServerError()
        }
        do {
            try await ctx.sql.transaction { tx in
                guard let order = try await PaymentStore.lockOrder(tx, id: orderID) else {
                    throw APIError.notFound("There is no such order.")
                }
                let payees = try await PaymentStore.payees(tx, orderID: orderID)
                try await authorize(viewer, payees: payees, ctx)
                let refundable: Set<OrderStatus> = [.paid, .inProgress, .completed, .partiallyRefunded]
                guard refundable.contains(order.status), let paymentIntent = order.paymentIntentID else {
                    throw Refusal(error: UserError(
                        field: nil, code: .invalidStatus,
                        message: "Only a paid order can be refunded. This one is \(order.status.graphQLName)."))
                }
                let left = order.totalCents - order.refundedCents
                let amount = args.amountCents ?? left
                guard amount > 0, amount <= left else {
                    throw Refusal(error: UserError(
                        field: ["amountCents"], code: .invalidInput,
                        message: "The refund must be 1 to \(left) cents: what is left of the payment."))
                }
                let key = "refund-\(orderID.uuidString.lowercased())-\(order.refundedCents)-\(amount)"
                let refund = try await stripe.createRefund(
                    .paymentIntent(paymentIntent), amount: Int(amount), reason: "requested_by_customer",
                    metadata: ["order_id": orderID.uuidString.lowercased()], idempotencyKey: key)
                let shares = split(amount, over: payees.map { $0.invoice.totalCents - $0.invoice.refundedCents })
                for (payee, share) in zip(payees, shares) where share > 0 {
                    // The provider gives back its part of the share: the payout's proportion of the invoice.
                    let reversal = payee.invoice.totalCents == 0 ? 0 : share * payee.invoice.payoutCents / payee.invoice.totalCents
                    if let transfer = payee.invoice.transferID, reversal > 0 {
                        _ = try await stripe.createTransferReversal(
                            transferID: transfer, amount: Int(reversal), metadata: ["order_id": orderID.uuidString.lowercased()],
                            idempotencyKey: "\(key)-\(payee.invoice.id.uuidString.lowercased())")
                    }
                    try await PaymentStore.recordInvoiceRefund(tx, invoice: payee.invoice, share: share, reversal: reversal)
                }
                let full = amount == left
                try await PaymentStore.recordRefund(
                    tx, order: order, amount: amount, refundID: refund.id, full: full, reason: args.reason)
                try await EventLog.append(
                    tx, type: "ORDER_REFUNDED", entityID: orderID, actorID: viewer.userID,
                    payload: ["amountCents": String(amount), "status": (full ? OrderStatus.refunded : .partiallyRefunded).graphQLName])
                try await AuditLog.append(
                    tx, actorID: viewer.userID, action: "ORDER_REFUNDED", entityType: "order", entityID: orderID,
                    before: ["refundedCents": String(order.refundedCents), "status": order.status.graphQLName],
                    after: ["refundedCents": String(order.refundedCents + amount), "refund": refund.id])
            }
        } catch let refusal as Refusal {
            return .failure(refusal.error)
        } catch let error as StripeError {
            ctx.logger.error("refundOrder: Stripe failed; nothing was changed", metadata: ["error": "\(error)"])
            return .failure(UserError(
                field: nil, code: .paymentUnavailable, message: "Stripe could not make the refund now: try again in a moment."))
        }
        ctx.loaders.orders.clear(orderID)
        ctx.loaders.orderItems.clear(orderID)
        ctx.loaders.orderInvoices.clear(orderID)
        return OrderPayload(order: try await ctx.loaders.orders.load(orderID), errors: [])
    }

    /// The provider of every item, or an admin.
    static func authorize(_ viewer: Viewer, payees: [PaymentStore.Payee], _ ctx: Context) async throws {
        if viewer.role == .admin { return }
        let own = try await ctx.loaders.providersByUser.load(viewer.userID)
        guard let own, payees.allSatisfy({ $0.invoice.providerID == own.providerID }) else {
            throw APIError.forbidden("Only the provider of every item of the order, or an admin, can refund it.")
        }
    }

    /// `amount` split over `weights` in proportion, the remainder cents to the largest
    /// fractions (so the parts add up to `amount` exactly).
    static func split(_ amount: Int64, over weights: [Int64]) -> [Int64] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { amount * $0 / total }
        let remainders = weights.enumerated().map { ($0.offset, (amount * $0.element) % total) }
        var left = amount - parts.reduce(0, +)
        for (index, _) in remainders.sorted(by: { $0.1 > $1.1 }) where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
