import Foundation
import PostgresNIO

/// Reads orders: by id for the viewer, their items and invoices for a whole level of
/// orders at once, and the keyset pages of `myOrders` and `providerOrders`.
enum OrderStore {
    /// The orders with these ids that the viewer may see: their buyer, a provider with an
    /// item in them, or an admin.
    static func visible(_ sql: SQLExecutor, ids: [UUID], viewer: Viewer?) async throws -> [UUID: OrderRow] {
        guard let viewer, !ids.isEmpty else { return [:] }
        var statement = SQLBuilder("SELECT ")
        statement.append(OrderRow.columns)
        statement.append(" FROM marketplace.orders o WHERE o.id = ANY(", Array(Set(ids)), cast: "::uuid[]")
        statement.append(")")
        if viewer.role != .admin {
            statement.append(" AND (o.buyer_id = ", viewer.userID)
            statement.append(" OR EXISTS (SELECT 1 FROM marketplace.order_items i JOIN marketplace.providers p")
            statement.append(" ON p.id = i.provider_id WHERE i.order_id = o.id AND p.user_id = ", viewer.userID)
            statement.append("))")
        }
        var orders: [UUID: OrderRow] = [:]
        for row in try await sql.query(statement.query) {
            let order = try OrderRow.decode(row.makeRandomAccess())
            orders[order.id] = order
        }
        return orders
    }

    /// The items with these ids that the viewer may see: the order's buyer, the item's
    /// provider, or an admin.
    static func visibleItems(_ sql: SQLExecutor, ids: [UUID], viewer: Viewer?) async throws -> [UUID: OrderItemRow] {
        guard let viewer, !ids.isEmpty else { return [:] }
        let isAdmin = viewer.role == .admin
        let rows = try await sql.query("""
            SELECT \(unescaped: OrderItemRow.columns) FROM marketplace.order_items i
            JOIN marketplace.orders o ON o.id = i.order_id
            JOIN marketplace.providers p ON p.id = i.provider_id
            WHERE i.id = ANY(\(ids)) AND (\(isAdmin) OR o.buyer_id = \(viewer.userID) OR p.user_id = \(viewer.userID))
            """)
        var items: [UUID: OrderItemRow] = [:]
        for row in rows {
            let item = try OrderItemRow.decode(row.makeRandomAccess())
            items[item.id] = item
        }
        return items
    }

    /// The items of these orders, by order, in the order they were written.
    static func items(_ sql: SQLExecutor, orderIDs: [UUID]) async throws -> [UUID: [OrderItemRow]] {
        let rows = try await sql.query("""
            SELECT \(unescaped: OrderItemRow.columns) FROM marketplace.order_items i
            JOIN marketplace.orders o ON o.id = i.order_id
            WHERE i.order_id = ANY(\(orderIDs)) ORDER BY i.order_id, i.created_at, i.id
            """)
        var items: [UUID: [OrderItemRow]] = [:]
        for row in rows {
            let item = try OrderItemRow.decode(row.makeRandomAccess())
            items[item.orderID, default: []].append(item)
        }
        return Dictionary(uniqueKeysWithValues: orderIDs.map { ($0, items[$0] ?? []) })
    }

    /// The invoices of these orders, by order.
    static func invoices(_ sql: SQLExecutor, orderIDs: [UUID]) async throws -> [UUID: [InvoiceRow]] {
        let rows = try await sql.query("""
            SELECT \(unescaped: InvoiceRow.columns) FROM marketplace.invoices v
            WHERE v.order_id = ANY(\(orderIDs)) ORDER BY v.order_id, v.number
            """)
        var invoices: [UUID: [InvoiceRow]] = [:]
        for row in rows {
            let invoice = try InvoiceRow.decode(row.makeRandomAccess())
            invoices[invoice.orderID, default: []].append(invoice)
        }
        return Dictionary(uniqueKeysWithValues: orderIDs.map { ($0, invoices[$0] ?? []) })
    }

    /// Which of these listings the buyer has paid for (`Listing.downloadUrl`).
    static func paidListingIDs(_ sql: SQLExecutor, buyerID: UUID, among listingIDs: [UUID]) async throws -> Set<UUID> {
        let rows = try await sql.query("""
            SELECT DISTINCT i.listing_id FROM marketplace.order_items i JOIN marketplace.orders o ON o.id = i.order_id
            WHERE o.buyer_id = \(buyerID) AND i.listing_id = ANY(\(listingIDs))
              AND i.status IN ('paid', 'in_progress', 'completed')
            """)
        return Set(try rows.map { try $0.decode(UUID.self) })
    }

    /// Whose orders a page lists.
    enum Scope: Sendable {
        case buyer(UUID)
        case provider(UUID)
    }

    /// One page, newest first, keyset on (created_at, id). The cursor type is the listings'
    /// (a microsecond key and an id), tied to this scope and status by its fingerprint.
    static func page(
        _ sql: SQLExecutor, scope: Scope, status: OrderStatus?, first: Int, after: String?
    ) async throws -> KeysetPage<OrderRow> {
        let fingerprint = fingerprint(scope, status)
        let cursor = try after.map { try ListingCursor.decode($0, sort: .newest, fingerprint: fingerprint) }
        var statement = SQLBuilder("SELECT ")
        statement.append(OrderRow.columns)
        statement.append(", (extract(epoch FROM o.created_at) * 1000000)::bigint::text")
        appendFromAndWhere(scope, status, to: &statement)
        if let cursor { statement.appendBefore(cursor, time: "o.created_at", id: "o.id") }
        statement.append(" ORDER BY o.created_at DESC, o.id DESC LIMIT ", first + 1)
        var rows: [OrderRow] = []
        var cursors: [String] = []
        for row in try await sql.query(statement.query) {
            let columns = row.makeRandomAccess()
            let order = try OrderRow.decode(columns)
            let key = try columns[OrderRow.columnCount].decode(String.self, context: .default)
            rows.append(order)
            cursors.append(ListingCursor(sort: .newest, fingerprint: fingerprint, key: key, id: order.id).encoded())
        }
        return KeysetPage(rows: Array(rows.prefix(first)), cursors: Array(cursors.prefix(first)), hasNextPage: rows.count > first)
    }

    static func count(_ sql: SQLExecutor, scope: Scope, status: OrderStatus?) async throws -> Int {
        var statement = SQLBuilder("SELECT count(*)::int8")
        appendFromAndWhere(scope, status, to: &statement)
        return try await sql.query(statement.query).first?.decode(Int.self) ?? 0
    }

    private static func appendFromAndWhere(_ scope: Scope, _ status: OrderStatus?, to statement: inout SQLBuilder) {
        statement.append(" FROM marketplace.orders o WHERE ")
        switch scope {
        case .buyer(let userID):
            statement.append("o.buyer_id = ", userID)
        case .provider(let providerID):
            statement.append("EXISTS (SELECT 1 FROM marketplace.order_items i WHERE i.order_id = o.id AND i.provider_id = ", providerID)
            statement.append(")")
        }
        if let status { statement.append(" AND o.status = ", status.rawValue) }
    }

    private static func fingerprint(_ scope: Scope, _ status: OrderStatus?) -> String {
        switch scope {
        case .buyer(let id): listingFingerprint(["orders", "buyer", id.uuidString, status?.rawValue ?? ""])
        case .provider(let id): listingFingerprint(["orders", "provider", id.uuidString, status?.rawValue ?? ""])
        }
    }
}
