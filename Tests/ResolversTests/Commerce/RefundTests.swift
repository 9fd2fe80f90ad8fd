import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// `refundOrder` through the local Stripe: refunds bounded by the payment, transfers
/// reversed for each provider's share, and who may refund.
final class RefundTests: XCTestCase {
    static let refund = """
        mutation($id: ID!, $amount: BigInt) {
          refundOrder(id: $id, amountCents: $amount, reason: "Asked for") {
            order { status refunded { cents } total { cents } items { status } } errors { field code message }
          }
        }
        """

    /// A paid order: 2 lessons from Ada (2 × 5000) and 1 ticket from Bob (3000).
    static func paidOrder(_ h: GraphQLHarness) async throws
        -> (buyer: GraphQLHarness.Account, ada: GraphQLHarness.Account, bob: GraphQLHarness.Account, order: String, id: UUID)
    {
        let ada = try await h.onboardedSeller("ada@example.com", "Ada's Music")
        let bob = try await h.onboardedSeller("bob@example.com", "Bob's Tickets")
        let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 5000], token: ada.token)
        let show = try await h.publishedListing("TICKET", title: "Jazz night", ["priceCents": 3000, "quantity": 4], token: bob.token)
        let buyer = try await h.account("buyer@example.com")
        for (id, quantity) in [(lesson, 2), (show, 1)] {
            _ = try await h.run("mutation($id: ID!, $q: Int) { addToCart(listingId: $id, quantity: $q) { errors { code } } }",
                                ["id": .string(id), "q": .int(quantity)], token: buyer.token)
        }
        let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
        let order = try XCTUnwrap(response.string("data.checkout.order.id"))
        let id = try XCTUnwrap(GlobalID(decoding: order)?.id)
        _ = try await h.pay(sessionOf: id)
        return (buyer, ada, bob, order, id)
    }

    /// What Stripe holds: the charge's refunded amount and each transfer's reversed amount.
    func stripeState(_ h: GraphQLHarness) async throws -> (refunded: Int, reversed: [Int]) {
        let rows = try await h.sql("SELECT stripe_charge_id FROM marketplace.orders")
        let charge = try await h.localStripe("GET", "/v1/charges/\(try XCTUnwrap(try rows[0].decode(String?.self)))")
        var reversed: [Int] = []
        for row in try await h.sql("SELECT stripe_transfer_id FROM marketplace.invoices ORDER BY total_cents DESC") {
            let transfer = try await h.localStripe("GET", "/v1/transfers/\(try XCTUnwrap(try row.decode(String?.self)))")
            reversed.append(transfer["amount_reversed"] as? Int ?? -1)
        }
        return (charge["amount_refunded"] as? Int ?? -1, reversed)
    }

    func testPartialRefundsUpToWhatWasPaidThenNoMore() async throws {
        try await GraphQLHarness.with { h in
            let o = try await Self.paidOrder(h)
            let admin = try await h.account("admin@example.com", admin: true)
            // 1300 of 13000: Ada's invoice (10000) takes 1000, Bob's (3000) 300; each gives back 90%.
            let partial = try await h.run(Self.refund, ["id": .string(o.order), "amount": 1300], token: admin.token)
            XCTAssertEqual(partial.errorCodes("data.refundOrder.errors"), [])
            XCTAssertEqual(partial.string("data.refundOrder.order.status"), "PARTIALLY_REFUNDED")
            XCTAssertEqual(partial["data.refundOrder.order.refunded.cents"] as? Int, 1300)
            var stripe = try await stripeState(h)
            XCTAssertEqual(stripe.refunded, 1300)
            XCTAssertEqual(stripe.reversed, [900, 270])

            let tooMuch = try await h.run(Self.refund, ["id": .string(o.order), "amount": 11_701], token: admin.token)
            XCTAssertEqual(tooMuch.errorCodes("data.refundOrder.errors"), ["INVALID_INPUT"])
            XCTAssertEqual(tooMuch.string("data.refundOrder.errors.0.message"),
                           "The refund must be 1 to 11700 cents: what is left of the payment.")
            for amount in [0, -5] {
                let refused = try await h.run(Self.refund, ["id": .string(o.order), "amount": .int(amount)], token: admin.token)
                XCTAssertEqual(refused.errorCodes("data.refundOrder.errors"), ["INVALID_INPUT"])
            }
            stripe = try await stripeState(h)
            XCTAssertEqual(stripe.refunded, 1300, "a refused refund asks Stripe for nothing")

            // The rest: the order is refunded, its items too, its tickets back on sale.
            let rest = try await h.run(Self.refund, ["id": .string(o.order)], token: admin.token)
            XCTAssertEqual(rest.errorCodes("data.refundOrder.errors"), [])
            XCTAssertEqual(rest.string("data.refundOrder.order.status"), "REFUNDED")
            XCTAssertEqual(rest["data.refundOrder.order.refunded.cents"] as? Int, 13_000)
            XCTAssertEqual((rest["data.refundOrder.order.items"] as? [[String: Any]])?.compactMap { $0["status"] as? String },
                           ["REFUNDED", "REFUNDED"])
            stripe = try await stripeState(h)
            XCTAssertEqual(stripe.refunded, 13_000)
            XCTAssertEqual(stripe.reversed, [9000, 2700])
            let held = try await h.sql("SELECT count(*)::int FROM marketplace.reservations WHERE released_at IS NULL")
            XCTAssertEqual(try held[0].decode(Int.self), 0)
            let again = try await h.run(Self.refund, ["id": .string(o.order)], token: admin.token)
            XCTAssertEqual(again.errorCodes("data.refundOrder.errors"), ["INVALID_STATUS"])

            // The books: revenue back to 0, refunds on record, on the audit trail.
            let revenue = try await h.sql("SELECT sum(revenue_cents)::int FROM marketplace.providers")
            XCTAssertEqual(try revenue[0].decode(Int.self), 0)
            let refunds = try await h.sql("SELECT amount_cents FROM marketplace.payments WHERE status = 'refunded' ORDER BY created_at")
            XCTAssertEqual(try refunds.map { try $0.decode(Int.self) }, [1300, 11_700])
            let audit = try await h.sql("SELECT count(*)::int FROM marketplace.audit_log WHERE action = 'ORDER_REFUNDED'")
            XCTAssertEqual(try audit[0].decode(Int.self), 2)
        }
    }

    func testWhoMayRefund() async throws {
        try await GraphQLHarness.with { h in
            let o = try await Self.paidOrder(h)
            let byBuyer = try await h.run(Self.refund, ["id": .string(o.order)], token: o.buyer.token)
            XCTAssertEqual(byBuyer.topLevelCodes, ["FORBIDDEN"])
            // Ada sells only part of the order.
            let byAda = try await h.run(Self.refund, ["id": .string(o.order)], token: o.ada.token)
            XCTAssertEqual(byAda.topLevelCodes, ["FORBIDDEN"])
            let anonymous = try await h.run(Self.refund, ["id": .string(o.order)])
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let stranger = try await h.account("stranger@example.com")
            let byStranger = try await h.run(Self.refund, ["id": .string(o.order)], token: stranger.token)
            XCTAssertEqual(byStranger.topLevelCodes, ["NOT_FOUND"])
            let stripe = try await stripeState(h)
            XCTAssertEqual(stripe.refunded, 0)
            try await expectEqual(try await h.orderStatus(o.id), "paid")
        }
    }

    /// One provider's whole order: that provider may refund it; an unpaid one cannot be.
    func testTheProviderOfEveryItemRefunds() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.onboardedSeller("ada@example.com", "Ada's Music")
            let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 5000], token: ada.token)
            let buyer = try await h.account("buyer@example.com")
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                ["id": .string(lesson)], token: buyer.token)
            let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            let order = try XCTUnwrap(response.string("data.checkout.order.id"))
            let unpaid = try await h.run(Self.refund, ["id": .string(order)], token: ada.token)
            XCTAssertEqual(unpaid.errorCodes("data.refundOrder.errors"), ["INVALID_STATUS"])
            _ = try await h.pay(sessionOf: try XCTUnwrap(GlobalID(decoding: order)?.id))
            let refunded = try await h.run(Self.refund, ["id": .string(order)], token: ada.token)
            XCTAssertEqual(refunded.string("data.refundOrder.order.status"), "REFUNDED")
        }
    }
}

/// `charge.refunded` for a refund made outside the API (Stripe's dashboard).
final class ChargeRefundedTests: XCTestCase {
    func testARefundMadeAtStripeIsRecordedOnce() async throws {
        try await GraphQLHarness.with { h in
            let o = try await RefundTests.paidOrder(h)
            let rows = try await h.sql("SELECT stripe_payment_intent_id, stripe_charge_id FROM marketplace.orders")
            let (intent, charge) = try rows[0].decode((String?, String?).self)
            _ = try await h.stripe.createRefund(.paymentIntent(try XCTUnwrap(intent)), amount: 2500)
            let refunded = try await h.localStripe("GET", "/v1/charges/\(try XCTUnwrap(charge))")
            let event = try h.signedEvent(type: "charge.refunded", object: refunded)
            for expected in [StripeWebhookProcessor.Outcome.processed, .duplicate] {
                let outcome = try await h.webhooks.handle(payload: event.payload, signatureHeader: event.header)
                XCTAssertEqual(outcome, expected)
            }
            // The same state sent again as a new event changes nothing either.
            let later = try h.signedEvent(type: "charge.refunded", object: refunded)
            _ = try await h.webhooks.handle(payload: later.payload, signatureHeader: later.header)
            try await expectEqual(try await h.orderStatus(o.id), "partially_refunded")
            let totals = try await h.sql("SELECT refunded_cents FROM marketplace.orders")
            XCTAssertEqual(try totals[0].decode(Int.self), 2500)
            let payments = try await h.sql("SELECT count(*)::int FROM marketplace.payments WHERE status = 'refunded'")
            XCTAssertEqual(try payments[0].decode(Int.self), 1)
        }
    }
}
