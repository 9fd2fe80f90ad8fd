import Foundation
import PostgresNIO

/// The SQL of checkout: the cart's listings locked in id order (two checkouts of
/// overlapping carts queue instead of deadlocking), the live holds read after the locks
/// are taken, and the order with its items, invoices and holds written in one transaction.
enum CheckoutStore {
    /// A cart line with what checkout decides on.
    struct Line: Sendable {
        var listing: ListingRow
        var quantity: Int
        var providerUserID: UUID
        var providerActive: Bool
        /// `stripe_connect` or `offline`.
        var paymentMode: String
        /// Stripe can charge for the provider (details submitted, charges enabled).
        var stripeReady: Bool
    }

    /// The buyer's cart lines, their listings locked until the transaction ends.
    static func lockCart(_ tx: SQLTransaction, userID: UUID) async throws -> [Line] {
        let rows = try await tx.query("""
            SELECT \(unescaped: ListingRow.columns.description), c.quantity, p.user_id,
                   p.status = 'active' AND p.deleted_at IS NULL, p.payment_mode,
                   p.stripe_account_id IS NOT NULL AND p.stripe_details_submitted AND p.stripe_charges_enabled
            FROM marketplace.cart_lines c
            JOIN marketplace.listings l ON l.id = c.listing_id
            JOIN marketplace.providers p ON p.id = l.provider_id
            WHERE c.user_id = \(userID)
            ORDER BY l.id
            FOR UPDATE OF l
            """)
        return try rows.map { row in
            let columns = row.makeRandomAccess()
            let n = ListingRow.columnCount
            return Line(
                listing: try ListingRow.decode(columns), quantity: try columns[n].decode(Int.self),
                providerUserID: try columns[n + 1].decode(UUID.self), providerActive: try columns[n + 2].decode(Bool.self),
                paymentMode: try columns[n + 3].decode(String.self), stripeReady: try columns[n + 4].decode(Bool.self))
        }
    }

    /// The quantity each listing has on hold: paid holds, and unpaid ones not yet expired.
    /// Read in its own statement after the locks, so it sees every hold committed before them.
    static func held(_ sql: some SQLQuerying, listingIDs: [UUID]) async throws -> [UUID: Int] {
        guard !listingIDs.isEmpty else { return [:] }
        let rows = try await sql.query("""
            SELECT listing_id, sum(quantity)::int8 FROM marketplace.reservations
            WHERE listing_id = ANY(\(listingIDs)) AND released_at IS NULL AND (paid_at IS NOT NULL OR expires_at > now())
            GROUP BY listing_id
            """)
        var held: [UUID: Int] = [:]
        for row in rows {
            let (id, quantity) = try row.decode((UUID, Int).self)
            held[id] = quantity
        }
        return held
    }

    /// An item about to be written.
    struct NewItem: Sendable {
        var line: Line
        var lineTotalCents: Int64
        var feeCents: Int64
        var payoutCents: Int64
    }

    /// Writes the order, its items, one invoice per provider and the tickets' holds; the order.
    static func insert(
        _ tx: SQLTransaction, buyerID: UUID, currency: String, items: [NewItem], expiresAt: Date
    ) async throws -> OrderRow {
        let subtotal = items.reduce(Int64(0)) { $0 + $1.lineTotalCents }
        let fee = items.reduce(Int64(0)) { $0 + $1.feeCents }
        let orderRows = try await tx.query("""
            INSERT INTO marketplace.orders AS o (number, buyer_id, currency, subtotal_cents, platform_fee_cents,
                                                 total_cents, expires_at)
            VALUES ('MP-' || nextval('marketplace.order_number_seq'), \(buyerID), \(currency), \(subtotal), \(fee),
                    \(subtotal), \(expiresAt))
            RETURNING \(unescaped: OrderRow.columns.description)
            """)
        let order = try OrderRow.decode(orderRows[0].makeRandomAccess())
        let itemRows = try await tx.query("""
            INSERT INTO marketplace.order_items (order_id, listing_id, provider_id, kind, title, unit_price_cents,
                quantity, line_total_cents, platform_fee_cents, provider_payout_cents)
            SELECT \(order.id), * FROM unnest(\(items.map(\.line.listing.id))::uuid[],
                \(items.map(\.line.listing.providerID))::uuid[], \(items.map(\.line.listing.kind.rawValue))::text[],
                \(items.map(\.line.listing.title))::text[], \(items.map(\.line.listing.priceCents))::int8[],
                \(items.map(\.line.quantity))::int4[], \(items.map(\.lineTotalCents))::int8[],
                \(items.map(\.feeCents))::int8[], \(items.map(\.payoutCents))::int8[])
            RETURNING id, listing_id
            """)
        var itemIDs: [UUID: UUID] = [:]
        for row in itemRows {
            let (itemID, listingID) = try row.decode((UUID, UUID).self)
            itemIDs[listingID] = itemID
        }
        // One invoice per provider: its items' total, and its share after the fee.
        var byProvider: [UUID: (total: Int64, payout: Int64)] = [:]
        for item in items {
            let current = byProvider[item.line.listing.providerID] ?? (0, 0)
            byProvider[item.line.listing.providerID] = (current.total + item.lineTotalCents, current.payout + item.payoutCents)
        }
        let providers = byProvider.keys.sorted { $0.uuidString < $1.uuidString }
        try await tx.query("""
            INSERT INTO marketplace.invoices (number, order_id, provider_id, currency, subtotal_cents, total_cents, payout_cents)
            SELECT 'INV-' || nextval('marketplace.invoice_number_seq'), \(order.id), provider_id, \(currency), total, total, payout
            FROM unnest(\(providers)::uuid[], \(providers.map { byProvider[$0]!.total })::int8[],
                        \(providers.map { byProvider[$0]!.payout })::int8[]) AS t(provider_id, total, payout)
            """)
        let tickets = items.filter { $0.line.listing.quantity != nil }
        if !tickets.isEmpty {
            try await tx.query("""
                INSERT INTO marketplace.reservations (order_item_id, listing_id, quantity, expires_at)
                SELECT item_id, listing_id, quantity, \(expiresAt) FROM unnest(
                    \(tickets.map { itemIDs[$0.line.listing.id]! })::uuid[], \(tickets.map(\.line.listing.id))::uuid[],
                    \(tickets.map(\.line.quantity))::int4[]) AS t(item_id, listing_id, quantity)
                """)
        }
        return order
    }

    /// Records the Checkout Session, empties the cart of what was ordered, and writes the
    /// payment's first row and the event.
    static func attachSession(
        _ tx: SQLTransaction, order: OrderRow, sessionID: String?, url: String?, listingIDs: [UUID]
    ) async throws -> OrderRow {
        let rows = try await tx.query("""
            UPDATE marketplace.orders AS o SET stripe_checkout_session_id = \(sessionID), stripe_checkout_url = \(url)
            WHERE o.id = \(order.id)
            RETURNING \(unescaped: OrderRow.columns.description)
            """)
        try await tx.query("""
            DELETE FROM marketplace.cart_lines WHERE user_id = \(order.buyerID) AND listing_id = ANY(\(listingIDs))
            """)
        if sessionID != nil {
            try await tx.query("""
                INSERT INTO marketplace.payments (order_id, status, amount_cents, currency)
                VALUES (\(order.id), 'created', \(order.totalCents), \(order.currency))
                """)
        }
        try await EventLog.append(
            tx, type: "ORDER_CREATED", entityID: order.id, actorID: order.buyerID,
            payload: ["number": order.number, "status": OrderStatus.awaitingPayment.graphQLName])
        return try OrderRow.decode(rows[0].makeRandomAccess())
    }

    /// Removes an order whose payment could not be set up: nothing was charged, and its
    /// holds go with it (items, invoices and reservations cascade).
    static func discard(_ sql: SQLExecutor, orderID: UUID) async throws {
        try await sql.query("DELETE FROM marketplace.orders WHERE id = \(orderID)")
    }
}
