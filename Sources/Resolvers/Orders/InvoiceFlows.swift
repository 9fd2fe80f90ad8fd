import Foundation
import GraphQLEngine

/// `markInvoicePaid`: an offline provider (or an admin) records that the buyer paid its
/// invoice by hand. Once every invoice of the order is paid, the order is PAID.
enum InvoiceFlows {
    struct Args: Decodable, Sendable {
        var id: String
        var method: String
        var reference: String?
    }

    /// A refusal that rolls the transaction back.
    struct Refusal: Error {
        var error: UserError
    }

    static let methods = ["CASH": "cash", "BANK_TRANSFER": "bank_transfer", "CHECK": "check", "OTHER": "other"]

    static func markPaid(_ args: Args, _ ctx: Context) async throws -> InvoicePayload {
        let viewer = try ctx.requireViewer()
        let invoiceID = try GlobalID.parse(args.id, as: "Invoice")
        guard let method = methods[args.method] else { throw APIError.badUserInput("Unknown method \(args.method).") }
        let reference = args.reference?.trimmingWhitespace()
        if let reference, reference.count > 200 {
            return InvoicePayload(invoice: nil, errors: [UserError(
                field: ["reference"], code: .invalidInput, message: "The reference must be at most 200 characters.")])
        }
        let found = try await ctx.sql.query("""
            SELECT v.order_id, p.user_id, p.payment_mode FROM marketplace.invoices v
            JOIN marketplace.providers p ON p.id = v.provider_id WHERE v.id = \(invoiceID)
            """).first
        guard let found else { throw APIError.notFound("There is no such invoice.") }
        let (orderID, providerUserID, mode) = try found.decode((UUID, UUID, String).self)
        guard providerUserID == viewer.userID || viewer.role == .admin else {
            // The buyer may see the invoice; nobody else may know of it.
            guard try await ctx.loaders.orders.load(orderID) != nil else { throw APIError.notFound("There is no such invoice.") }
            throw APIError.forbidden("Only the invoice's provider, or an admin, can mark it paid.")
        }
        do {
            try await ctx.sql.transaction { tx in
                guard let order = try await PaymentStore.lockOrder(tx, id: orderID) else {
                    throw APIError.notFound("There is no such invoice.")
                }
                guard mode == "offline" else {
                    throw Refusal(error: UserError(
                        field: nil, code: .invalidStatus, message: "This invoice is paid through Stripe, not by hand."))
                }
                let status = try await tx.query("""
                    SELECT status FROM marketplace.invoices WHERE id = \(invoiceID) FOR UPDATE
                    """).first?.decode(String.self)
                guard order.status == .awaitingPayment, status == "sent" else {
                    throw Refusal(error: UserError(
                        field: nil, code: .invalidStatus,
                        message: "Only an unpaid invoice of an order awaiting payment can be marked paid."))
                }
                let paid = try await tx.query("""
                    UPDATE marketplace.invoices SET status = 'paid', paid_cents = total_cents, payment_method = \(method),
                        manual_reference = \(reference), paid_at = now()
                    WHERE id = \(invoiceID) RETURNING total_cents
                    """)[0].decode(Int64.self)
                try await tx.query("""
                    INSERT INTO marketplace.payments (order_id, status, amount_cents, currency)
                    VALUES (\(orderID), 'completed', \(paid), \(order.currency))
                    """)
                try await EventLog.append(tx, type: "INVOICE_PAID", entityID: invoiceID, actorID: viewer.userID,
                                          payload: ["orderId": orderID.uuidString.lowercased(), "method": method])
                try await AuditLog.append(
                    tx, actorID: viewer.userID, action: "INVOICE_MARKED_PAID", entityType: "invoice", entityID: invoiceID,
                    before: ["status": "SENT"], after: ["status": "PAID", "method": method, "reference": reference ?? "",
                                                         "amountCents": String(paid)])
                let unpaid = try await tx.query("""
                    SELECT count(*)::int8 FROM marketplace.invoices WHERE order_id = \(orderID) AND status <> 'paid'
                    """)[0].decode(Int.self)
                if unpaid == 0 {
                    try await PaymentStore.recordPaid(
                        tx, order: order, paymentIntentID: nil, chargeID: nil, method: method, payoutPending: false,
                        actorID: viewer.userID)
                }
            }
        } catch let refusal as Refusal {
            return InvoicePayload(invoice: nil, errors: [refusal.error])
        }
        ctx.loaders.orders.clear(orderID)
        ctx.loaders.orderInvoices.clear(orderID)
        let invoice = try await ctx.loaders.orderInvoices.load(orderID)?.first { $0.id == invoiceID }
        return InvoicePayload(invoice: invoice, errors: [])
    }
}

/// `InvoicePayload`.
public struct InvoicePayload: Sendable {
    public var invoice: InvoiceRow?
    public var errors: [UserError]
}
