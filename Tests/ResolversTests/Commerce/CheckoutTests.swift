import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// `checkout` against the local Stripe: one order for the whole cart, holds, one Checkout
/// Session, and the refusals (the race for the last ticket, Stripe down).
final class CheckoutTests: XCTestCase {
    func testTheCartBecomesOneOrderWithInvoicesHoldsAndACheckoutSession() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.onboardedSeller("ada@example.com", "Ada's Music")
            let bob = try await h.onboardedSeller("bob@example.com", "Bob's Tickets")
            let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 4500], token: ada.token)
            let ticket = try await h.publishedListing(
                "TICKET", title: "Jazz night", ["priceCents": 2050, "quantity": 10], token: bob.token)
            let buyer = try await h.account("buyer@example.com")
            for (id, quantity) in [(lesson, 1), (ticket, 3)] {
                let added = try await h.run(
                    "mutation($id: ID!, $q: Int) { addToCart(listingId: $id, quantity: $q) { errors { code } } }",
                    ["id": .string(id), "q": .int(quantity)], token: buyer.token)
                XCTAssertEqual(added.errorCodes("data.addToCart.errors"), [])
            }
            let before = Date()
            let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertEqual(response.errorCodes("data.checkout.errors"), [], "\(response.json)")
            XCTAssertEqual(response.string("data.checkout.order.status"), "AWAITING_PAYMENT")
            XCTAssertEqual(response["data.checkout.order.subtotal.cents"] as? Int, 4500 + 3 * 2050)
            XCTAssertEqual(response["data.checkout.order.total.cents"] as? Int, 10_650)
            // 10% of each line, rounded half up: 450 + 615.
            XCTAssertEqual(response["data.checkout.order.platformFee.cents"] as? Int, 1065)
            XCTAssertTrue(response.string("data.checkout.order.number")?.hasPrefix("MP-") == true)
            let items = try XCTUnwrap(response["data.checkout.order.items"] as? [[String: Any]])
            XCTAssertEqual(Set(items.compactMap { $0["title"] as? String }), ["Guitar lesson", "Jazz night"])
            XCTAssertTrue(items.allSatisfy { $0["status"] as? String == "AWAITING_PAYMENT" })
            let invoices = try XCTUnwrap(response["data.checkout.order.invoices"] as? [[String: Any]])
            XCTAssertEqual(
                Set(invoices.compactMap { ($0["total"] as? [String: Any])?["cents"] as? Int }), [4500, 6150])
            XCTAssertEqual(
                Set(invoices.compactMap { ($0["payout"] as? [String: Any])?["cents"] as? Int }), [4050, 5535])
            let checkoutURL = try XCTUnwrap(response.string("data.checkout.checkoutUrl"))
            let expiresAt = try XCTUnwrap(response.string("data.checkout.expiresAt").flatMap(Scalars.parseDateTime))
            XCTAssertEqual(expiresAt.timeIntervalSince(before), 30 * 60 + 5, accuracy: 3)

            // The session: the order's lines, transfer group and id, and the hold's end.
            let orderID = try XCTUnwrap(GlobalID(decoding: response.string("data.checkout.order.id") ?? "")?.id)
            let sessionRows = try await h.sql(
                "SELECT stripe_checkout_session_id FROM marketplace.orders WHERE id = \(orderID)")
            let sessionID = try XCTUnwrap(try sessionRows.first?.decode(String?.self))
            let session = try await h.stripe.retrieveCheckoutSession(sessionID)
            XCTAssertEqual(session.url, checkoutURL)
            XCTAssertEqual(session.amountTotal, 10_650)
            XCTAssertEqual(session.clientReferenceID, orderID.uuidString.lowercased())
            XCTAssertEqual(session.metadata?["order_id"], orderID.uuidString.lowercased())
            XCTAssertEqual(session.expiresAt, Int(expiresAt.timeIntervalSince1970))
            let raw = try await h.localStripe("GET", "/v1/checkout/sessions/\(sessionID)")
            XCTAssertEqual(raw["status"] as? String, "open")

            // The cart is empty; the ticket's hold is there until the order's end.
            let cart = try await h.run("{ cart { totalQuantity } }", token: buyer.token)
            XCTAssertEqual(cart["data.cart.totalQuantity"] as? Int, 0)
            let holds = try await h.sql("""
                SELECT quantity, expires_at FROM marketplace.reservations WHERE released_at IS NULL
                """)
            XCTAssertEqual(holds.count, 1)
            let (held, heldUntil) = try holds[0].decode((Int, Date).self)
            XCTAssertEqual(held, 3)
            XCTAssertEqual(heldUntil.timeIntervalSince1970, expiresAt.timeIntervalSince1970, accuracy: 0.001)
            let events = try await h.sql("SELECT count(*)::int FROM marketplace.events WHERE type = 'ORDER_CREATED'")
            XCTAssertEqual(try events[0].decode(Int.self), 1)
        }
    }

    func testRefusedCheckoutsWriteNothing() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.onboardedSeller("ada@example.com", "Ada's Music")
            let lesson = try await h.publishedListing(title: "Guitar lesson", token: ada.token)
            let buyer = try await h.account("buyer@example.com")
            let anonymous = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput)
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let empty = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertEqual(empty.errorCodes("data.checkout.errors"), ["CART_EMPTY"])
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                ["id": .string(lesson)], token: buyer.token)
            let badURL = try await h.run(GraphQLHarness.checkoutDocument, [
                "input": ["successUrl": "javascript:alert(1)", "cancelUrl": "https://shop.test/cart"],
            ], token: buyer.token)
            XCTAssertEqual(badURL.errorCodes("data.checkout.errors"), ["INVALID_INPUT"])
            XCTAssertEqual(badURL["data.checkout.errors.0.field"] as? [String], ["input", "successUrl"])
            // Paused after it was added.
            _ = try await h.statusChange("pauseListing", lesson, token: ada.token)
            let paused = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertEqual(paused.errorCodes("data.checkout.errors"), ["LISTING_UNAVAILABLE"])
            _ = try await h.statusChange("publishListing", lesson, token: ada.token)
            // A provider that cannot take payments yet.
            try await h.sql("UPDATE marketplace.providers SET stripe_charges_enabled = false")
            let notOnboarded = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertEqual(notOnboarded.errorCodes("data.checkout.errors"), ["LISTING_UNAVAILABLE"])
            let orders = try await h.sql("SELECT count(*)::int FROM marketplace.orders")
            XCTAssertEqual(try orders[0].decode(Int.self), 0)
            let cart = try await h.run("{ cart { totalQuantity } }", token: buyer.token)
            XCTAssertEqual(cart["data.cart.totalQuantity"] as? Int, 1)
        }
    }

    /// Many buyers check out the last ticket at once: exactly one order holds it, every
    /// other checkout is SOLD_OUT. Repeated, since a race that loses once can win the next time.
    func testTheLastTicketGoesToExactlyOneBuyer() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.onboardedSeller("seller@example.com", "Last Seats")
            for round in 0..<3 {
                // Fresh buyers each round: a loser's cart keeps the sold-out line.
                var buyers: [String] = []
                for n in 0..<8 { buyers.append(try await h.account("buyer\(round)-\(n)@example.com").token) }
                let ticket = try await h.publishedListing(
                    "TICKET", title: "Last seat \(round)", ["quantity": 1], token: seller.token)
                for token in buyers {
                    let added = try await h.run(
                        "mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }", ["id": .string(ticket)],
                        token: token)
                    XCTAssertEqual(added.errorCodes("data.addToCart.errors"), [])
                }
                let outcomes = try await withThrowingTaskGroup(of: [String].self) { group in
                    for token in buyers {
                        group.addTask {
                            let response = try await h.run(
                                GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: token)
                            return response.errorCodes("data.checkout.errors")
                        }
                    }
                    return try await group.reduce(into: [[String]]()) { $0.append($1) }
                }
                XCTAssertEqual(outcomes.filter(\.isEmpty).count, 1, "round \(round): \(outcomes)")
                XCTAssertEqual(outcomes.filter { $0 == ["SOLD_OUT"] }.count, buyers.count - 1, "round \(round)")
                let holds = try await h.sql("""
                    SELECT coalesce(sum(r.quantity), 0)::int FROM marketplace.reservations r
                    JOIN marketplace.listings l ON l.id = r.listing_id
                    WHERE l.title = \("Last seat \(round)") AND r.released_at IS NULL
                    """)
                XCTAssertEqual(try holds[0].decode(Int.self), 1)
                // The losers' carts keep the ticket, shown as sold out.
                for token in buyers {
                    let cart = try await h.run("{ cart { lines { title availability } } }", token: token)
                    let lines = (cart["data.cart.lines"] as? [[String: Any]]) ?? []
                    for line in lines where line["title"] as? String == "Last seat \(round)" {
                        XCTAssertEqual(line["availability"] as? String, "SOLD_OUT")
                    }
                }
            }
        }
    }

    /// Stripe cannot be reached: a clear error, no order, no hold, the cart as it was.
    func testStripeUnreachableLeavesNothingBehind() async throws {
        try await GraphQLHarness.with(stripe: { stripe in
            stripe.apiBase = URL(string: "http://127.0.0.1:9")!  // discard: nothing listens
            stripe.maxRetries = 1
            stripe.retryBaseDelay = .milliseconds(10)
            stripe.connectTimeout = .milliseconds(300)
            stripe.requestTimeout = .milliseconds(500)
        }) { h in
            let seller = try await h.account("seller@example.com", provider: "Down Shop")
            try await h.sql("""
                UPDATE marketplace.providers SET payment_mode = 'stripe_connect', stripe_account_id = 'acct_unreachable',
                    stripe_details_submitted = true,
                    stripe_charges_enabled = true
                """)
            let ticket = try await h.publishedListing("TICKET", title: "Jazz night", ["quantity": 2], token: seller.token)
            let buyer = try await h.account("buyer@example.com")
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id, quantity: 2) { errors { code } } }",
                                ["id": .string(ticket)], token: buyer.token)
            let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertEqual(response.topLevelCodes, [])
            XCTAssertEqual(response.errorCodes("data.checkout.errors"), ["PAYMENT_UNAVAILABLE"])
            XCTAssertNil(response["data.checkout.order"])
            for table in ["orders", "order_items", "invoices", "reservations", "payments"] {
                let rows = try await h.sql(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM marketplace.\(table)"))
                XCTAssertEqual(try rows[0].decode(Int.self), 0, table)
            }
            let cart = try await h.run("{ cart { totalQuantity isCheckoutReady } }", token: buyer.token)
            XCTAssertEqual(cart["data.cart.totalQuantity"] as? Int, 2)
            XCTAssertEqual(cart["data.cart.isCheckoutReady"] as? Bool, true, "the holds were released")
        }
    }
}
