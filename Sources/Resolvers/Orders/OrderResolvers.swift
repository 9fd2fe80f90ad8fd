import Foundation
import GraphQLEngine

/// Orders: `checkout`, `order`, `myOrders`, `providerOrders`, and `Order`, `OrderItem`,
/// `Invoice` with their connection and payloads.
enum OrderResolvers {
    struct OrderArgs: Decodable { var id: String }
    struct PageArgs: Decodable { var status: String?; var first: Int?; var after: String? }
    struct CheckoutArgs: Decodable { var input: CheckoutFlow.Input }
    struct CancelArgs: Decodable { var id: String; var reason: String? }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Query") { query in
            query.field("order") { (_: Void, args: OrderArgs, ctx: Context) async throws -> OrderRow? in
                _ = try ctx.requireViewer()
                let id = try GlobalID.parse(args.id, as: "Order")
                return try await ctx.guarded("Query.order") { try await ctx.loaders.orders.load(id) }
            }
            query.field("myOrders") { (_: Void, args: PageArgs, ctx: Context) async throws -> NodeConnection<OrderRow> in
                let viewer = try ctx.requireViewer()
                return try await connection(.buyer(viewer.userID), args, ctx)
            }
            query.field("providerOrders") { (_: Void, args: PageArgs, ctx: Context) async throws -> NodeConnection<OrderRow> in
                let viewer = try ctx.requireViewer()
                guard let provider = try await ctx.guarded("Query.providerOrders", {
                    try await ctx.loaders.providersByUser.load(viewer.userID)
                }) else {
                    throw APIError.forbidden("You have no provider profile: become a provider first.")
                }
                return try await connection(.provider(provider.providerID), args, ctx)
            }
        }
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("checkout") { (_: Void, args: CheckoutArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.checkout") { try await CheckoutFlow.checkout(args.input, ctx) }
            }
            mutation.field("startOrderItem") { (_: Void, args: OrderArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.startOrderItem") { try await OrderItemFlows.move(.start, id: args.id, ctx) }
            }
            mutation.field("completeOrderItem") { (_: Void, args: OrderArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.completeOrderItem") { try await OrderItemFlows.move(.complete, id: args.id, ctx) }
            }
            mutation.field("markInvoicePaid") { (_: Void, args: InvoiceFlows.Args, ctx: Context) async throws in
                try await ctx.guarded("Mutation.markInvoicePaid") { try await InvoiceFlows.markPaid(args, ctx) }
            }
            mutation.field("refundOrder") { (_: Void, args: RefundFlow.Args, ctx: Context) async throws in
                try await ctx.guarded("Mutation.refundOrder") { try await RefundFlow.refund(args, ctx) }
            }
            mutation.field("cancelOrder") { (_: Void, args: CancelArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.cancelOrder") { try await OrderFlows.cancel(id: args.id, reason: args.reason, ctx) }
            }
        }
        registerOrder(in: &resolvers)
        NodeConnection<OrderRow>.register("OrderConnection", edge: "OrderEdge", in: &resolvers)
        resolvers.object("CheckoutPayload", CheckoutPayload.self)
        resolvers.object("OrderPayload", OrderPayload.self)
        resolvers.object("OrderItemPayload", OrderItemPayload.self)
        resolvers.object("InvoicePayload", InvoicePayload.self)
    }

    private static func registerOrder(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.object("Order", OrderRow.self) { order in
            order.field("id") { (o: OrderRow) in GlobalID("Order", o.id).description }
            order.field("status") { (o: OrderRow) in o.status.graphQLName }
            order.field("subtotal") { (o: OrderRow) in o.money(o.subtotalCents) }
            order.field("platformFee") { (o: OrderRow) in o.money(o.platformFeeCents) }
            order.field("total") { (o: OrderRow) in o.money(o.totalCents) }
            order.field("refunded") { (o: OrderRow) in o.money(o.refundedCents) }
            order.field("checkoutUrl") { (o: OrderRow) in o.status == .awaitingPayment ? o.checkoutURL : nil }
            order.field("buyer") { (o: OrderRow, ctx: Context) async throws -> User? in
                try await ctx.guarded("Order.buyer") { try await ctx.loaders.users.load(o.buyerID) }
            }
            order.field("items") { (o: OrderRow, ctx: Context) async throws -> [OrderItemRow] in
                try await ctx.guarded("Order.items") {
                    try await visibleParts(of: o, ctx, all: ctx.loaders.orderItems.load(o.id) ?? [], provider: \.providerID)
                }
            }
            order.field("invoices") { (o: OrderRow, ctx: Context) async throws -> [InvoiceRow] in
                try await ctx.guarded("Order.invoices") {
                    try await visibleParts(of: o, ctx, all: ctx.loaders.orderInvoices.load(o.id) ?? [], provider: \.providerID)
                }
            }
        }
        resolvers.object("OrderItem", OrderItemRow.self) { item in
            item.field("id") { (i: OrderItemRow) in GlobalID("OrderItem", i.id).description }
            item.field("kind") { (i: OrderItemRow) in i.kind.graphQLName }
            item.field("status") { (i: OrderItemRow) in i.status.graphQLName }
            item.field("unitPrice") { (i: OrderItemRow) in Money(cents: i.unitPriceCents, currency: i.currency) }
            item.field("lineTotal") { (i: OrderItemRow) in Money(cents: i.lineTotalCents, currency: i.currency) }
            item.field("listing") { (i: OrderItemRow, ctx: Context) async throws -> ListingRow? in
                try await ctx.guarded("OrderItem.listing") { try await ctx.loaders.listings.load(i.listingID) }
            }
            item.field("provider") { (i: OrderItemRow, ctx: Context) async throws -> Provider? in
                try await ctx.guarded("OrderItem.provider") { try await ctx.loaders.providers.load(i.providerID) }
            }
            item.field("downloadUrl") { (i: OrderItemRow, ctx: Context) async throws -> String? in
                // The buyer's, once paid; the file stays theirs if the listing is deleted later.
                guard i.kind == .digital, i.buyerID == ctx.viewer?.userID,
                      [.paid, .inProgress, .completed].contains(i.status)
                else { return nil }
                guard let listing = try await ctx.guarded("OrderItem.downloadUrl", {
                    try await ctx.loaders.listingsForOrders.load(i.listingID)
                }) else { return nil }
                return try ListingFiles.downloadURL(listing, ctx)
            }
        }
        resolvers.object("Invoice", InvoiceRow.self) { invoice in
            invoice.field("id") { (v: InvoiceRow) in GlobalID("Invoice", v.id).description }
            invoice.field("status") { (v: InvoiceRow) in v.status.uppercased() }
            invoice.field("total") { (v: InvoiceRow) in Money(cents: v.totalCents, currency: v.currency) }
            invoice.field("payout") { (v: InvoiceRow) in Money(cents: v.payoutCents, currency: v.currency) }
            invoice.field("transferId") { (v: InvoiceRow) in v.transferID }
            invoice.field("provider") { (v: InvoiceRow, ctx: Context) async throws -> Provider? in
                try await ctx.guarded("Invoice.provider") { try await ctx.loaders.providers.load(v.providerID) }
            }
        }
    }

    /// The buyer and admins see every item and invoice of an order; a provider only theirs.
    static func visibleParts<Part>(
        of order: OrderRow, _ ctx: Context, all: [Part], provider: KeyPath<Part, UUID>
    ) async throws -> [Part] {
        guard let viewer = ctx.viewer else { return [] }
        if viewer.userID == order.buyerID || viewer.role == .admin { return all }
        guard let own = try await ctx.loaders.providersByUser.load(viewer.userID) else { return [] }
        return all.filter { $0[keyPath: provider] == own.providerID }
    }

    static func connection(
        _ scope: OrderStore.Scope, _ args: PageArgs, _ ctx: Context
    ) async throws -> NodeConnection<OrderRow> {
        let first = try PageSize.resolve(args.first)
        let status = try args.status.map { name in
            guard let status = OrderStatus(graphQLName: name) else { throw APIError.badUserInput("Unknown status \(name).") }
            return status
        }
        let page = try await ctx.guarded("orders") {
            do {
                return try await OrderStore.page(ctx.sql, scope: scope, status: status, first: first, after: args.after)
            } catch let error as ListingSearchError {
                throw APIError.badUserInput(error.description)
            }
        }
        for order in page.rows { _ = ctx.loaders.orders.prime(order.id, order) }
        return NodeConnection(page, after: args.after) { ctx in
            try await OrderStore.count(ctx.sql, scope: scope, status: status)
        }
    }
}
