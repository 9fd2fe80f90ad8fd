import Foundation
import PostgresNIO

/// The schema's `OrderStatus` (database values in lower case).
public enum OrderStatus: String, Sendable, CaseIterable {
    case awaitingPayment = "awaiting_payment"
    case paid, cancelled, expired, completed, refunded
    case inProgress = "in_progress"
    case partiallyRefunded = "partially_refunded"

    var graphQLName: String { rawValue.uppercased() }
    init?(graphQLName: String) { self.init(rawValue: graphQLName.lowercased()) }
}

/// The schema's `OrderItemStatus`.
public enum OrderItemStatus: String, Sendable, CaseIterable {
    case awaitingPayment = "awaiting_payment"
    case paid, cancelled, expired, completed, refunded
    case inProgress = "in_progress"

    var graphQLName: String { rawValue.uppercased() }
}

/// One row of `marketplace.orders`.
public struct OrderRow: Sendable, Equatable {
    public var id: UUID
    public var number: String
    public var buyerID: UUID
    public var status: OrderStatus
    public var currency: String
    public var subtotalCents: Int64
    public var platformFeeCents: Int64
    public var totalCents: Int64
    public var refundedCents: Int64
    public var checkoutSessionID: String?
    public var checkoutURL: String?
    public var paymentIntentID: String?
    public var chargeID: String?
    public var expiresAt: Date
    public var paidAt: Date?
    public var createdAt: Date

    static let columns: StaticString = """
        o.id, o.number, o.buyer_id, o.status, o.currency::text, o.subtotal_cents, o.platform_fee_cents, \
        o.total_cents, o.refunded_cents, o.stripe_checkout_session_id, o.stripe_checkout_url, \
        o.stripe_payment_intent_id, o.stripe_charge_id, o.expires_at, o.paid_at, o.created_at
        """
    static let columnCount = 16

    static func decode(_ row: PostgresRandomAccessRow) throws -> OrderRow {
        var r = ColumnReader(row: row)
        return OrderRow(
            id: try r.next(UUID.self), number: try r.next(String.self), buyerID: try r.next(UUID.self),
            status: try r.nextEnum(OrderStatus.self), currency: try r.next(String.self),
            subtotalCents: try r.next(Int64.self), platformFeeCents: try r.next(Int64.self),
            totalCents: try r.next(Int64.self), refundedCents: try r.next(Int64.self),
            checkoutSessionID: try r.next(String?.self), checkoutURL: try r.next(String?.self),
            paymentIntentID: try r.next(String?.self), chargeID: try r.next(String?.self),
            expiresAt: try r.next(Date.self), paidAt: try r.next(Date?.self), createdAt: try r.next(Date.self))
    }

    func money(_ cents: Int64) -> Money { Money(cents: cents, currency: currency) }
}

/// One row of `marketplace.order_items`, with its order's buyer (who may download it).
public struct OrderItemRow: Sendable, Equatable {
    public var id: UUID
    public var orderID: UUID
    public var listingID: UUID
    public var providerID: UUID
    public var kind: ListingKind
    public var title: String
    public var unitPriceCents: Int64
    public var quantity: Int
    public var lineTotalCents: Int64
    public var platformFeeCents: Int64
    public var payoutCents: Int64
    public var refundedCents: Int64
    public var status: OrderItemStatus
    public var completedAt: Date?
    public var currency: String
    public var buyerID: UUID

    static let columns = """
        i.id, i.order_id, i.listing_id, i.provider_id, i.kind, i.title, i.unit_price_cents, i.quantity, \
        i.line_total_cents, i.platform_fee_cents, i.provider_payout_cents, i.refunded_cents, i.status, \
        i.completed_at, o.currency::text, o.buyer_id
        """

    static func decode(_ row: PostgresRandomAccessRow) throws -> OrderItemRow {
        var r = ColumnReader(row: row)
        return OrderItemRow(
            id: try r.next(UUID.self), orderID: try r.next(UUID.self), listingID: try r.next(UUID.self),
            providerID: try r.next(UUID.self), kind: try r.nextEnum(ListingKind.self), title: try r.next(String.self),
            unitPriceCents: try r.next(Int64.self), quantity: try r.next(Int.self), lineTotalCents: try r.next(Int64.self),
            platformFeeCents: try r.next(Int64.self), payoutCents: try r.next(Int64.self),
            refundedCents: try r.next(Int64.self), status: try r.nextEnum(OrderItemStatus.self),
            completedAt: try r.next(Date?.self), currency: try r.next(String.self), buyerID: try r.next(UUID.self))
    }
}

/// One row of `marketplace.invoices`.
public struct InvoiceRow: Sendable, Equatable {
    public var id: UUID
    public var number: String
    public var orderID: UUID
    public var providerID: UUID
    public var status: String
    public var currency: String
    public var totalCents: Int64
    public var payoutCents: Int64
    public var paidCents: Int64
    public var refundedCents: Int64
    public var transferID: String?
    public var paidAt: Date?

    static let columns = """
        v.id, v.number, v.order_id, v.provider_id, v.status, v.currency::text, v.total_cents, v.payout_cents, \
        v.paid_cents, v.refunded_cents, v.stripe_transfer_id, v.paid_at
        """

    static func decode(_ row: PostgresRandomAccessRow) throws -> InvoiceRow {
        var r = ColumnReader(row: row)
        return InvoiceRow(
            id: try r.next(UUID.self), number: try r.next(String.self), orderID: try r.next(UUID.self),
            providerID: try r.next(UUID.self), status: try r.next(String.self), currency: try r.next(String.self),
            totalCents: try r.next(Int64.self), payoutCents: try r.next(Int64.self), paidCents: try r.next(Int64.self),
            refundedCents: try r.next(Int64.self), transferID: try r.next(String?.self), paidAt: try r.next(Date?.self))
    }
}
