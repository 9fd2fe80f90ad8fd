import Foundation
import PostgresNIO

/// The SQL of payments: an order's state changes when Stripe reports on it, each inside the
/// webhook's transaction.
enum PaymentStore {
    /// The order, locked for the change.
    static func lockOrder(_ tx: SQLTransaction, id: UUID) async throws -> OrderRow? {
        let rows = try await tx.query("""
            SELECT \(unescaped: OrderRow.columns.description) FROM marketplace.orders o WHERE o.id = \(id) FOR UPDATE
            """)
        return try rows.first.map { try OrderRow.decode($0.makeRandomAccess()) }
    }

    /// An invoice with where its provider is paid.
    struct Payee: Sendable {
        var invoice: InvoiceRow
        var stripeAccountID: String?
    }

    static func payees(_ tx: SQLTransaction, orderID: UUID) async throws -> [Payee] {
        let rows = try await tx.query("""
            SELECT \(unescaped: InvoiceRow.columns), p.stripe_account_id
            FROM marketplace.invoices v JOIN marketplace.providers p ON p.id = v.provider_id
            WHERE v.order_id = \(orderID) ORDER BY v.number
            """)
        return try rows.map { row in
            let columns = row.makeRandomAccess()
            return Payee(invoice: try InvoiceRow.decode(columns), stripeAccountID: try columns[12].decode(String?.self))
        }
    }

    /// Marks the order paid: its items (a DIGITAL one is delivered by being paid), holds,
    /// invoices and payment row, and the providers' stats.
    /// `markPaid` with its `ORDER_PAID` event; then, when payment delivered every item
    /// (DIGITAL files only), the order is COMPLETED with an `ORDER_STATUS_CHANGED` event of
    /// its own, so a watcher sees PAID, then COMPLETED.
    static func recordPaid(
        _ tx: SQLTransaction, order: OrderRow, paymentIntentID: String?, chargeID: String?, method: String,
        payoutPending: Bool = true, actorID: UUID?
    ) async throws {
        try await markPaid(
            tx, order: order, paymentIntentID: paymentIntentID, chargeID: chargeID, method: method, payoutPending: payoutPending)
        try await EventLog.append(
            tx, type: "ORDER_PAID", entityID: order.id, actorID: actorID,
            payload: ["number": order.number, "status": OrderStatus.paid.graphQLName])
        let delivered = try await tx.query("""
            UPDATE marketplace.orders o SET status = 'completed'
            WHERE o.id = \(order.id) AND o.status = 'paid'
              AND NOT EXISTS (SELECT 1 FROM marketplace.order_items i WHERE i.order_id = o.id AND i.status <> 'completed')
            RETURNING o.id
            """)
        if !delivered.isEmpty {
            try await EventLog.append(
                tx, type: "ORDER_STATUS_CHANGED", entityID: order.id, actorID: actorID,
                payload: ["status": OrderStatus.completed.graphQLName])
        }
    }

    static func markPaid(
        _ tx: SQLTransaction, order: OrderRow, paymentIntentID: String?, chargeID: String?, method: String,
        payoutPending: Bool = true
    ) async throws {
        try await tx.query("""
            UPDATE marketplace.orders SET status = 'paid', paid_at = now(),
                stripe_payment_intent_id = coalesce(\(paymentIntentID), stripe_payment_intent_id),
                stripe_charge_id = coalesce(\(chargeID), stripe_charge_id)
            WHERE id = \(order.id)
            """)
        try await tx.query("""
            UPDATE marketplace.order_items SET
                status = CASE WHEN kind = 'digital' THEN 'completed' ELSE 'paid' END,
                completed_at = CASE WHEN kind = 'digital' THEN now() END
            WHERE order_id = \(order.id)
            """)
        try await tx.query("""
            UPDATE marketplace.reservations SET paid_at = now()
            WHERE order_item_id IN (SELECT id FROM marketplace.order_items WHERE order_id = \(order.id))
              AND released_at IS NULL
            """)
        try await tx.query("""
            UPDATE marketplace.invoices SET status = 'paid', paid_cents = total_cents, payment_method = \(method),
                paid_at = now()
            WHERE order_id = \(order.id) AND status <> 'paid'
            """)
        try await tx.query("""
            UPDATE marketplace.payments SET status = 'completed', stripe_payment_intent_id = \(paymentIntentID),
                stripe_charge_id = \(chargeID)
            WHERE order_id = \(order.id) AND status = 'created'
            """)
        // Revenue counts at payment; a Stripe payout stays pending until its transfer is made
        // (an offline provider has the money already).
        // Completed orders count DIGITAL items, delivered now.
        try await tx.query("""
            UPDATE marketplace.providers p SET
                order_count = p.order_count + 1,
                revenue_cents = p.revenue_cents + v.payout_cents,
                pending_payout_cents = p.pending_payout_cents + CASE WHEN \(payoutPending) THEN v.payout_cents ELSE 0 END,
                completed_order_count = p.completed_order_count + (
                    SELECT count(*) FROM marketplace.order_items i
                    WHERE i.order_id = v.order_id AND i.provider_id = p.id AND i.kind = 'digital')
            FROM marketplace.invoices v
            WHERE v.order_id = \(order.id) AND v.provider_id = p.id
            """)
    }

    /// Records a provider's transfer: the invoice keeps its id, the payout is no longer pending.
    static func recordTransfer(_ tx: SQLTransaction, invoice: InvoiceRow, transferID: String) async throws {
        try await tx.query("""
            WITH v AS (
                UPDATE marketplace.invoices SET stripe_transfer_id = \(transferID)
                WHERE id = \(invoice.id) AND stripe_transfer_id IS NULL RETURNING provider_id, payout_cents
            )
            UPDATE marketplace.providers p SET pending_payout_cents = p.pending_payout_cents - v.payout_cents
            FROM v WHERE p.id = v.provider_id
            """)
    }

    /// Ends an unpaid order (`expired` or `cancelled`): its items, holds and invoices with it.
    static func end(_ tx: SQLTransaction, order: OrderRow, status: OrderStatus, reason: String?) async throws {
        try await tx.query("""
            UPDATE marketplace.orders SET status = \(status.rawValue),
                expired_at = CASE WHEN \(status.rawValue) = 'expired' THEN now() END,
                cancelled_at = CASE WHEN \(status.rawValue) = 'cancelled' THEN now() END,
                cancel_reason = \(reason)
            WHERE id = \(order.id)
            """)
        try await tx.query("""
            UPDATE marketplace.order_items SET status = \(status.rawValue) WHERE order_id = \(order.id)
            """)
        try await tx.query("""
            UPDATE marketplace.reservations SET released_at = now()
            WHERE order_item_id IN (SELECT id FROM marketplace.order_items WHERE order_id = \(order.id))
              AND released_at IS NULL
            """)
        try await tx.query("UPDATE marketplace.invoices SET status = 'void' WHERE order_id = \(order.id)")
    }

    /// A failed attempt to pay (the hold stays until it expires: the buyer may try again).
    static func recordFailure(
        _ tx: SQLTransaction, order: OrderRow, paymentIntentID: String, amount: Int64, message: String?
    ) async throws {
        try await tx.query("""
            INSERT INTO marketplace.payments (order_id, status, amount_cents, currency, stripe_payment_intent_id, failure_message)
            VALUES (\(order.id), 'failed', \(amount), \(order.currency), \(paymentIntentID), \(message))
            """)
    }

    /// Updates the onboarding flags of the provider with this connected account; false when
    /// no provider has it.
    static func updateAccount(
        _ tx: SQLTransaction, accountID: String, detailsSubmitted: Bool, chargesEnabled: Bool, payoutsEnabled: Bool
    ) async throws -> UUID? {
        try await tx.query("""
            UPDATE marketplace.providers SET stripe_details_submitted = \(detailsSubmitted),
                stripe_charges_enabled = \(chargesEnabled), stripe_payouts_enabled = \(payoutsEnabled)
            WHERE stripe_account_id = \(accountID) RETURNING id
            """).first?.decode(UUID.self)
    }

    /// An invoice's part of a refund, and the provider's revenue less what its transfer gave back.
    static func recordInvoiceRefund(_ tx: SQLTransaction, invoice: InvoiceRow, share: Int64, reversal: Int64) async throws {
        try await tx.query("""
            WITH v AS (
                UPDATE marketplace.invoices SET refunded_cents = refunded_cents + \(share),
                    status = CASE WHEN refunded_cents + \(share) = paid_cents THEN 'refunded' ELSE status END
                WHERE id = \(invoice.id) RETURNING provider_id
            )
            UPDATE marketplace.providers p SET revenue_cents = p.revenue_cents - \(reversal) FROM v WHERE p.id = v.provider_id
            """)
    }

    /// The order's refund: its total, status and payment row; a full refund also refunds
    /// the items and gives their tickets back.
    static func recordRefund(
        _ tx: SQLTransaction, order: OrderRow, amount: Int64, refundID: String, full: Bool, reason: String?
    ) async throws {
        let status: OrderStatus = full ? .refunded : .partiallyRefunded
        try await tx.query("""
            UPDATE marketplace.orders SET refunded_cents = refunded_cents + \(amount), status = \(status.rawValue),
                refunded_at = now(), refund_reason = coalesce(\(reason), refund_reason)
            WHERE id = \(order.id)
            """)
        try await tx.query("""
            INSERT INTO marketplace.payments (order_id, status, amount_cents, currency, stripe_payment_intent_id,
                                              stripe_charge_id, stripe_refund_id)
            VALUES (\(order.id), 'refunded', \(amount), \(order.currency), \(order.paymentIntentID), \(order.chargeID), \(refundID))
            ON CONFLICT (stripe_refund_id) DO NOTHING
            """)
        guard full else { return }
        try await tx.query("""
            UPDATE marketplace.order_items SET status = 'refunded', refunded_cents = line_total_cents WHERE order_id = \(order.id)
            """)
        try await tx.query("""
            UPDATE marketplace.reservations SET released_at = now()
            WHERE order_item_id IN (SELECT id FROM marketplace.order_items WHERE order_id = \(order.id))
              AND released_at IS NULL
            """)
    }
}
