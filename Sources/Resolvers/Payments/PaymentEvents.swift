import Foundation
import Logging

/// What each Stripe event does to orders and providers, inside the webhook's transaction.
/// Each handler checks the state it finds, so an event that arrives late or twice changes
/// nothing it should not.
enum PaymentEvents {
    /// The order a Checkout Session or PaymentIntent belongs to (we set both fields).
    static func orderID(_ metadata: [String: String]?, _ reference: String?) -> UUID? {
        (metadata?["order_id"] ?? reference).flatMap(UUID.init(uuidString:))
    }

    /// `checkout.session.completed`: the order is paid, its invoices with it, and each
    /// provider gets a transfer of its payout from the charge, grouped under the order.
    static func sessionCompleted(
        _ session: StripeCheckoutSession, stripe: StripeClient, logger: Logger, _ tx: SQLTransaction
    ) async throws {
        guard let id = orderID(session.metadata, session.clientReferenceID),
              let order = try await PaymentStore.lockOrder(tx, id: id), order.checkoutSessionID == session.id
        else {
            logger.warning("checkout.session.completed for no order of ours", metadata: ["session": "\(session.id)"])
            return
        }
        guard order.status == .awaitingPayment else {
            if order.paidAt == nil {
                // Paid after the order ended (the hold expired first): on record for a refund.
                logger.error("an ended order was paid", metadata: ["order": "\(order.id)", "status": "\(order.status)"])
                try await AuditLog.append(
                    tx, actorID: nil, action: "PAID_AFTER_END", entityType: "order", entityID: order.id,
                    before: ["status": order.status.graphQLName], after: ["session": session.id])
            }
            return
        }
        let paymentIntentID = session.paymentIntent?.id
        var chargeID: String?
        if let paymentIntentID {
            chargeID = try await stripe.retrievePaymentIntent(paymentIntentID).latestCharge?.id
        }
        try await PaymentStore.recordPaid(
            tx, order: order, paymentIntentID: paymentIntentID, chargeID: chargeID, method: "stripe", actorID: nil)
        let orderKey = order.id.uuidString.lowercased()
        for payee in try await PaymentStore.payees(tx, orderID: order.id)
        where payee.invoice.transferID == nil && payee.invoice.payoutCents > 0 {
            guard let account = payee.stripeAccountID else { continue }
            let transfer = try await stripe.createTransfer(
                amount: Int(payee.invoice.payoutCents), currency: order.currency.lowercased(), destination: account,
                sourceTransaction: chargeID, transferGroup: orderKey,
                metadata: ["order_id": orderKey, "invoice": payee.invoice.number],
                idempotencyKey: "transfer-\(payee.invoice.id.uuidString.lowercased())")
            try await PaymentStore.recordTransfer(tx, invoice: payee.invoice, transferID: transfer.id)
        }
        try await AuditLog.append(
            tx, actorID: nil, action: "ORDER_PAID", entityType: "order", entityID: order.id,
            before: ["status": order.status.graphQLName],
            after: ["status": OrderStatus.paid.graphQLName, "totalCents": String(order.totalCents), "charge": chargeID ?? ""])
    }

    /// `checkout.session.expired`: an order still awaiting payment expires and frees its holds.
    static func sessionExpired(_ session: StripeCheckoutSession, _ tx: SQLTransaction) async throws {
        guard let id = orderID(session.metadata, session.clientReferenceID),
              let order = try await PaymentStore.lockOrder(tx, id: id), order.checkoutSessionID == session.id,
              order.status == .awaitingPayment
        else { return }
        try await PaymentStore.end(tx, order: order, status: .expired, reason: nil)
        try await EventLog.append(
            tx, type: "ORDER_EXPIRED", entityID: order.id, actorID: nil,
            payload: ["number": order.number, "status": OrderStatus.expired.graphQLName])
        try await AuditLog.append(
            tx, actorID: nil, action: "ORDER_EXPIRED", entityType: "order", entityID: order.id,
            before: ["status": order.status.graphQLName], after: ["status": OrderStatus.expired.graphQLName, "session": session.id])
    }

    /// `payment_intent.payment_failed`: recorded; the hold stays, so the buyer can try again
    /// until it expires.
    static func paymentFailed(_ intent: StripePaymentIntent, _ tx: SQLTransaction) async throws {
        guard let id = orderID(intent.metadata, nil), let order = try await PaymentStore.lockOrder(tx, id: id) else { return }
        try await PaymentStore.recordFailure(
            tx, order: order, paymentIntentID: intent.id, amount: Int64(intent.amount),
            message: intent.lastPaymentError?.message)
        try await EventLog.append(
            tx, type: "PAYMENT_FAILED", entityID: order.id, actorID: nil, payload: ["paymentIntent": intent.id])
    }

    /// `charge.refunded`: refunds made through `refundOrder` are on record already (its
    /// transaction held the order while Stripe sent this); one made elsewhere (Stripe's
    /// dashboard) is recorded here, the transfers left for people to settle, on the audit trail.
    static func chargeRefunded(_ charge: StripeCharge, logger: Logger, _ tx: SQLTransaction) async throws {
        var id = orderID(charge.metadata, nil)
        if id == nil, let intent = charge.paymentIntent?.id {
            id = try await tx.query("""
                SELECT id FROM marketplace.orders WHERE stripe_payment_intent_id = \(intent)
                """).first?.decode(UUID.self)
        }
        guard let id, let order = try await PaymentStore.lockOrder(tx, id: id) else {
            logger.warning("charge.refunded for no order of ours", metadata: ["charge": "\(charge.id)"])
            return
        }
        let refunded = min(Int64(charge.amountRefunded ?? 0), order.totalCents)
        guard refunded > order.refundedCents else { return }
        let amount = refunded - order.refundedCents
        try await PaymentStore.recordRefund(
            tx, order: order, amount: amount, refundID: "\(charge.id):\(refunded)", full: refunded == order.totalCents,
            reason: "Refunded at Stripe")
        try await EventLog.append(
            tx, type: "CHARGE_REFUNDED", entityID: order.id, actorID: nil,
            payload: [
                "amountCents": String(amount),
                "status": (refunded == order.totalCents ? OrderStatus.refunded : .partiallyRefunded).graphQLName,
            ])
        try await AuditLog.append(
            tx, actorID: nil, action: "CHARGE_REFUNDED", entityType: "order", entityID: order.id,
            before: ["refundedCents": String(order.refundedCents)],
            after: ["refundedCents": String(refunded), "charge": charge.id, "transfers": "not reversed"])
    }

    /// `account.updated`: the provider's onboarding flags follow Stripe's.
    static func accountUpdated(_ account: StripeAccount, logger: Logger, _ tx: SQLTransaction) async throws {
        guard let providerID = try await PaymentStore.updateAccount(
            tx, accountID: account.id, detailsSubmitted: account.detailsSubmitted ?? false,
            chargesEnabled: account.chargesEnabled ?? false, payoutsEnabled: account.payoutsEnabled ?? false)
        else {
            logger.warning("account.updated for no provider of ours", metadata: ["account": "\(account.id)"])
            return
        }
        try await EventLog.append(tx, type: "PROVIDER_ONBOARDING_UPDATED", entityID: providerID, actorID: nil)
    }
}
