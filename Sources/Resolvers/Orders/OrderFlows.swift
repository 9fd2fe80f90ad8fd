import Foundation
import GraphQLEngine

/// Ending unpaid orders: `cancelOrder` (the buyer leaves checkout) and the sweeper's expiry
/// (the hold ran out). Both stop the Stripe Checkout page first, so nobody pays an order
/// that is being ended; a session Stripe reports complete is left to its webhook.
enum OrderFlows {
    static let maximumReasonLength = 500

    static func cancel(id: String, reason: String?, _ ctx: Context) async throws -> OrderPayload {
        let viewer = try ctx.requireViewer()
        let orderID = try GlobalID.parse(id, as: "Order")
        if let reason, reason.count > maximumReasonLength {
            return .failure(UserError(
                field: ["reason"], code: .invalidInput, message: "The reason must be at most 500 characters."))
        }
        guard let order = try await ctx.loaders.orders.load(orderID) else {
            throw APIError.notFound("There is no such order.")
        }
        guard order.buyerID == viewer.userID || viewer.role == .admin else {
            throw APIError.forbidden("Only the order's buyer can cancel it.")
        }
        guard order.status == .awaitingPayment else { return .failure(notAwaitingPayment(order.status)) }
        switch try await stopCheckout(order, ctx.services) {
        case .stopped: break
        case .paid: return .failure(notAwaitingPayment(.paid))
        case .unreachable:
            return .failure(UserError(
                field: nil, code: .paymentUnavailable,
                message: "Payments are unavailable right now, so the order cannot be cancelled yet: try again in a moment."))
        }
        let ended: OrderStatus? = try await ctx.sql.transaction { tx in
            guard let locked = try await PaymentStore.lockOrder(tx, id: orderID) else { return nil }
            guard locked.status == .awaitingPayment else { return locked.status }
            try await PaymentStore.end(tx, order: locked, status: .cancelled, reason: reason)
            try await EventLog.append(
                tx, type: "ORDER_CANCELLED", entityID: orderID, actorID: viewer.userID,
                payload: ["number": locked.number, "status": OrderStatus.cancelled.graphQLName])
            try await AuditLog.append(
                tx, actorID: viewer.userID, action: "ORDER_CANCELLED", entityType: "order", entityID: orderID,
                before: ["status": locked.status.graphQLName],
                after: ["status": OrderStatus.cancelled.graphQLName, "reason": reason ?? ""])
            return .cancelled
        }
        if let ended, ended != .cancelled { return .failure(notAwaitingPayment(ended)) }
        ctx.loaders.orders.clear(orderID)
        return OrderPayload(order: try await ctx.loaders.orders.load(orderID), errors: [])
    }

    static func notAwaitingPayment(_ status: OrderStatus) -> UserError {
        UserError(
            field: nil, code: .invalidStatus,
            message: "Only an order awaiting payment can be cancelled. This one is \(status.graphQLName).")
    }

    enum CheckoutStop: Equatable {
        /// The page no longer takes payments (expired now or before, or there was none).
        case stopped
        /// Stripe took the payment: the completion webhook is on its way.
        case paid
        /// Stripe could not be asked.
        case unreachable
    }

    /// Expires the order's Checkout Session at Stripe (idempotently).
    static func stopCheckout(_ order: OrderRow, _ services: MarketplaceServices) async throws -> CheckoutStop {
        guard let sessionID = order.checkoutSessionID else { return .stopped }
        guard let stripe = services.stripe else { return .unreachable }
        do {
            _ = try await stripe.expireCheckoutSession(sessionID, idempotencyKey: "expire-\(sessionID)")
            return .stopped
        } catch let error as StripeError where error.status == 400 {
            // Not open any more: expired already, or paid.
            let session = try? await stripe.retrieveCheckoutSession(sessionID)
            return session?.status == "complete" ? .paid : .stopped
        } catch {
            services.logger.warning("could not expire a Checkout Session", metadata: [
                "session": "\(sessionID)", "error": "\(error)",
            ])
            return .unreachable
        }
    }
}

/// `OrderPayload`.
public struct OrderPayload: Sendable {
    public var order: OrderRow?
    public var errors: [UserError]

    static func failure(_ errors: UserError...) -> OrderPayload {
        OrderPayload(order: nil, errors: errors)
    }
}

/// Expires unpaid orders whose hold has ended, in every server instance at once: each
/// order is taken with `FOR UPDATE SKIP LOCKED`, so two sweepers never end the same one,
/// and its Checkout Session is expired at Stripe before the order is.
public struct OrderSweeper: Sendable {
    let services: MarketplaceServices

    public init(services: MarketplaceServices) {
        self.services = services
    }

    /// Ends up to `limit` overdue orders; how many it ended.
    @discardableResult
    public func sweep(limit: Int = 100) async throws -> Int {
        let sql = SQLExecutor(database: services.database, logger: services.logger)
        let overdue = try await sql.query("""
            SELECT \(unescaped: OrderRow.columns.description) FROM marketplace.orders o
            WHERE o.status = 'awaiting_payment' AND o.expires_at <= now()
            ORDER BY o.expires_at LIMIT \(limit)
            """).map { try OrderRow.decode($0.makeRandomAccess()) }
        var ended = 0
        for order in overdue {
            guard try await OrderFlows.stopCheckout(order, services) == .stopped else { continue }
            let expired: Bool = try await sql.transaction { tx in
                let rows = try await tx.query("""
                    SELECT \(unescaped: OrderRow.columns.description) FROM marketplace.orders o
                    WHERE o.id = \(order.id) AND o.status = 'awaiting_payment' FOR UPDATE SKIP LOCKED
                    """)
                guard let row = rows.first else { return false }
                let locked = try OrderRow.decode(row.makeRandomAccess())
                try await PaymentStore.end(tx, order: locked, status: .expired, reason: nil)
                try await EventLog.append(
                    tx, type: "ORDER_EXPIRED", entityID: locked.id, actorID: nil,
                    payload: ["number": locked.number, "status": OrderStatus.expired.graphQLName])
                try await AuditLog.append(
                    tx, actorID: nil, action: "ORDER_EXPIRED", entityType: "order", entityID: locked.id,
                    before: ["status": locked.status.graphQLName], after: ["status": OrderStatus.expired.graphQLName])
                return true
            }
            if expired { ended += 1 }
        }
        return ended
    }
}
