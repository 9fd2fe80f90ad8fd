import Foundation
import GraphQLEngine

/// `startOrderItem` and `completeOrderItem`: the item's provider moves a paid item along;
/// the order follows (IN_PROGRESS once an item is, COMPLETED once every item is done).
enum OrderItemFlows {
    enum Step {
        case start, complete

        var from: Set<OrderItemStatus> { self == .start ? [.paid] : [.paid, .inProgress] }
        var to: OrderItemStatus { self == .start ? .inProgress : .completed }
        var event: String { self == .start ? "ORDER_ITEM_STARTED" : "ORDER_ITEM_COMPLETED" }
    }

    /// A refusal that rolls the transaction back.
    struct Refusal: Error {
        var error: UserError
    }

    static func move(_ step: Step, id: String, _ ctx: Context) async throws -> OrderItemPayload {
        let viewer = try ctx.requireViewer()
        let itemID = try GlobalID.parse(id, as: "OrderItem")
        guard let visible = try await ctx.loaders.visibleOrderItems.load(itemID) else {
            throw APIError.notFound("There is no such order item.")
        }
        let provider = try await ctx.loaders.providersByUser.load(viewer.userID)
        guard provider?.providerID == visible.providerID else {
            throw APIError.forbidden("Only the item's provider can move it along.")
        }
        do {
            try await ctx.sql.transaction { tx in
                // The order first, then its item: the webhook and the sweeper lock in that order too.
                let before = try await PaymentStore.lockOrder(tx, id: visible.orderID)
                let rows = try await tx.query("""
                    SELECT status FROM marketplace.order_items WHERE id = \(itemID) FOR UPDATE
                    """)
                guard let raw = try rows.first?.decode(String.self), let status = OrderItemStatus(rawValue: raw) else {
                    throw APIError.notFound("There is no such order item.")
                }
                guard step.from.contains(status) else {
                    throw Refusal(error: UserError(
                        field: nil, code: .invalidStatus,
                        message: "This item is \(status.graphQLName): it can be \(step == .start ? "started" : "completed") only when "
                            + step.from.map(\.graphQLName).sorted().joined(separator: " or ") + "."))
                }
                try await tx.query("""
                    UPDATE marketplace.order_items SET status = \(step.to.rawValue),
                        completed_at = CASE WHEN \(step.to.rawValue) = 'completed' THEN now() END
                    WHERE id = \(itemID)
                    """)
                if step == .complete {
                    try await tx.query("""
                        UPDATE marketplace.providers SET completed_order_count = completed_order_count + 1
                        WHERE id = \(visible.providerID)
                        """)
                }
                // The order: IN_PROGRESS while any item is under way, COMPLETED when none is left to do.
                let orderStatus = try await tx.query("""
                    UPDATE marketplace.orders o SET status = CASE
                        WHEN NOT EXISTS (SELECT 1 FROM marketplace.order_items i WHERE i.order_id = o.id
                                         AND i.status NOT IN ('completed', 'refunded')) THEN 'completed'
                        ELSE 'in_progress' END
                    WHERE o.id = \(visible.orderID) AND o.status IN ('paid', 'in_progress')
                    RETURNING o.status
                    """).first?.decode(String.self)
                try await EventLog.append(
                    tx, type: step.event, entityID: itemID, actorID: viewer.userID,
                    payload: ["orderId": visible.orderID.uuidString.lowercased(), "status": step.to.graphQLName])
                try await AuditLog.append(
                    tx, actorID: viewer.userID, action: step.event, entityType: "order_item", entityID: itemID,
                    before: ["status": status.graphQLName], after: ["status": step.to.graphQLName])
                // Only a change is an event: completing one item of an order in progress leaves it so.
                if let orderStatus, orderStatus != before?.status.rawValue {
                    try await EventLog.append(
                        tx, type: "ORDER_STATUS_CHANGED", entityID: visible.orderID, actorID: viewer.userID,
                        payload: ["status": orderStatus.uppercased()])
                }
            }
        } catch let refusal as Refusal {
            return OrderItemPayload(orderItem: nil, errors: [refusal.error])
        }
        ctx.loaders.visibleOrderItems.clear(itemID)
        ctx.loaders.orders.clear(visible.orderID)
        ctx.loaders.orderItems.clear(visible.orderID)
        return OrderItemPayload(orderItem: try await ctx.loaders.visibleOrderItems.load(itemID), errors: [])
    }
}

/// `OrderItemPayload`.
public struct OrderItemPayload: Sendable {
    public var orderItem: OrderItemRow?
    public var errors: [UserError]
}
