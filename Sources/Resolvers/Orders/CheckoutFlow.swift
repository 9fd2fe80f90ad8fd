import Foundation
import GraphQLEngine

/// `checkout`: the whole cart becomes one order, held and priced in one transaction, then
/// one Stripe Checkout Session for it. Stripe is called outside the transaction (no lock is
/// held across the network); if it fails, the order is discarded with its holds, so a
/// failed checkout leaves nothing behind and the cart as it was.
enum CheckoutFlow {
    struct Input: Decodable, Sendable {
        var successUrl: String
        var cancelUrl: String
    }

    /// A refusal that rolls the transaction back.
    struct Refusal: Error {
        var errors: [UserError]
    }

    static func checkout(_ input: Input, _ ctx: Context, now: Date = Date()) async throws -> CheckoutPayload {
        let viewer = try ctx.requireViewer()
        let urlErrors = [("successUrl", input.successUrl), ("cancelUrl", input.cancelUrl)].compactMap { name, url in
            isWebURL(url) ? nil : UserError(field: ["input", name], code: .invalidInput, message: "Enter an http or https URL.")
        }
        if !urlErrors.isEmpty { return .failure(urlErrors) }
        let commerce = ctx.services.commerce
        // Whole seconds (Stripe's unit), plus a little slack so that the session, created a
        // moment later, is still at least the hold's length from its creation at Stripe.
        let expiresAt = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + commerce.holdDuration + 5).rounded(.up))

        let created: (order: OrderRow, items: [CheckoutStore.NewItem])
        do {
            created = try await ctx.sql.transaction { tx in
                let lines = try await CheckoutStore.lockCart(tx, userID: viewer.userID)
                guard !lines.isEmpty else {
                    throw Refusal(errors: [UserError(field: nil, code: .cartEmpty, message: "Your cart is empty.")])
                }
                let held = try await CheckoutStore.held(tx, listingIDs: lines.filter { $0.listing.quantity != nil }.map(\.listing.id))
                let errors = lines.compactMap { problem($0, held: held[$0.listing.id] ?? 0, buyer: viewer.userID, cart: lines) }
                if !errors.isEmpty { throw Refusal(errors: errors) }
                let items = lines.map { line in
                    let total = line.listing.priceCents * Int64(line.quantity)
                    let fee = commerce.platformFee(on: total)
                    return CheckoutStore.NewItem(line: line, lineTotalCents: total, feeCents: fee, payoutCents: total - fee)
                }
                let order = try await CheckoutStore.insert(
                    tx, buyerID: viewer.userID, currency: lines[0].listing.currency, items: items, expiresAt: expiresAt)
                return (order, items)
            }
        } catch let refusal as Refusal {
            return .failure(refusal.errors)
        }

        var session: (id: String, url: String?)?
        if created.order.totalCents > 0, created.items.first?.line.paymentMode == "stripe_connect" {
            do {
                session = try await createSession(created.order, created.items, input, viewer, ctx, now: now)
            } catch {
                ctx.logger.error("checkout: Stripe failed; the order is discarded", metadata: [
                    "order": "\(created.order.id)", "error": "\(error)",
                ])
                try await CheckoutStore.discard(ctx.sql, orderID: created.order.id)
                return .failure([UserError(
                    field: nil, code: .paymentUnavailable,
                    message: "Payments are unavailable right now. Nothing was charged and your cart is unchanged: try again in a moment.")])
            }
        }
        let order = try await ctx.sql.transaction { tx in
            let order = try await CheckoutStore.attachSession(
                tx, order: created.order, sessionID: session?.id, url: session?.url,
                listingIDs: created.items.map(\.line.listing.id))
            // Nothing to pay (free listings): paid at once.
            guard order.totalCents == 0 else { return order }
            try await PaymentStore.recordPaid(
                tx, order: order, paymentIntentID: nil, chargeID: nil, method: "other", payoutPending: false,
                actorID: viewer.userID)
            return try await PaymentStore.lockOrder(tx, id: order.id) ?? order
        }
        return CheckoutPayload(order: order, checkoutUrl: session?.url, expiresAt: order.expiresAt, errors: [])
    }

    /// Why a line cannot be checked out, or nil.
    static func problem(_ line: CheckoutStore.Line, held: Int, buyer: UUID, cart: [CheckoutStore.Line]) -> UserError? {
        let listing = line.listing
        func refuse(_ code: UserErrorCode, _ message: String) -> UserError {
            // Not an input field: the message names the cart's listing.
            UserError(field: nil, code: code, message: message)
        }
        if line.providerUserID == buyer { return refuse(.ownListing, "You cannot buy your own listing \(listing.title).") }
        if listing.status == .soldOut { return refuse(.soldOut, "\(listing.title) is sold out.") }
        if listing.deletedAt != nil || listing.status != .active || !line.providerActive {
            return refuse(.listingUnavailable, "\(listing.title) is not for sale right now: remove it from your cart.")
        }
        if listing.currency != cart[0].listing.currency {
            return refuse(.currencyMismatch, "\(listing.title) is priced in \(listing.currency): check out one currency at a time.")
        }
        if line.paymentMode != cart[0].paymentMode {
            return refuse(.listingUnavailable,
                          "\(listing.title) is paid to its provider directly: check it out separately from the others.")
        }
        if line.paymentMode == "stripe_connect", !line.stripeReady, listing.priceCents > 0 {
            return refuse(.listingUnavailable, "The provider of \(listing.title) cannot take payments yet.")
        }
        if let quantity = listing.quantity {
            let available = quantity - held
            if available <= 0 { return refuse(.soldOut, "\(listing.title) is sold out.") }
            if line.quantity > available { return refuse(.notEnoughQuantity, "Only \(available) left of \(listing.title).") }
        }
        return nil
    }

    /// The session for the order: its items at the prices bought, the order id as
    /// transfer group and metadata, and the hold's end (or Stripe's 30-minute minimum,
    /// which the sweeper then cuts short through Stripe's expire endpoint).
    static func createSession(
        _ order: OrderRow, _ items: [CheckoutStore.NewItem], _ input: Input, _ viewer: Viewer, _ ctx: Context, now: Date
    ) async throws -> (id: String, url: String?) {
        guard let stripe = ctx.services.stripe else {
            throw CheckoutError.stripeNotConfigured
        }
        let email = try await ctx.loaders.users.load(viewer.userID)?.email
        let orderID = order.id.uuidString.lowercased()
        let minimum = Date(timeIntervalSince1970: (now.timeIntervalSince1970 + 30 * 60 + 5).rounded(.up))
        let params = StripeCheckoutSessionParams(
            lineItems: items.map {
                .init(name: $0.line.listing.title, unitAmount: Int($0.line.listing.priceCents),
                      currency: order.currency.lowercased(), quantity: $0.line.quantity)
            },
            successURL: input.successUrl, cancelURL: input.cancelUrl, customerEmail: email,
            clientReferenceID: orderID, metadata: ["order_id": orderID, "order_number": order.number],
            transferGroup: orderID, paymentIntentMetadata: ["order_id": orderID],
            expiresAt: max(order.expiresAt, minimum))
        let session = try await stripe.createCheckoutSession(params, idempotencyKey: "checkout-session-\(orderID)")
        return (session.id, session.url)
    }

    enum CheckoutError: Error, CustomStringConvertible {
        case stripeNotConfigured
        var description: String { "Stripe is not configured (set STRIPE_SECRET_KEY)" }
    }

    static func isWebURL(_ text: String) -> Bool {
        guard text.utf8.count <= 2000, let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && !(url.host ?? "").isEmpty
    }
}

/// `CheckoutPayload`.
public struct CheckoutPayload: Sendable {
    public var order: OrderRow?
    public var checkoutUrl: String?
    public var expiresAt: Date?
    public var errors: [UserError]

    static func failure(_ errors: [UserError]) -> CheckoutPayload {
        CheckoutPayload(order: nil, checkoutUrl: nil, expiresAt: nil, errors: errors)
    }
}
