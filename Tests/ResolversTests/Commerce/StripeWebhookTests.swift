import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Stripe's events through `StripeWebhookProcessor`, with the local Stripe behind them:
/// payment, transfers, replays, events out of order, signatures, failures, onboarding.
final class StripeWebhookTests: XCTestCase {
    /// A buyer's order of a DIGITAL file from one provider and 2 tickets from another.
    struct Scenario {
        var buyer: GraphQLHarness.Account
        var orderID: UUID
        var order: String
        var ebook: String
        var ticket: String
    }

    func makeOrder(_ h: GraphQLHarness) async throws -> Scenario {
        let ada = try await h.onboardedSeller("ada@example.com", "Ada's Books")
        let bob = try await h.onboardedSeller("bob@example.com", "Bob's Tickets")
        let file = try await h.upload(minimalPDF, purpose: "LISTING_FILE", contentType: "application/pdf", token: ada.token)
        let ebook = try await h.publishedListing(
            "DIGITAL", title: "Chord book", ["fileKey": .string(file), "priceCents": 1500], token: ada.token)
        let ticket = try await h.publishedListing(
            "TICKET", title: "Jazz night", ["priceCents": 2000, "quantity": 5], token: bob.token)
        let buyer = try await h.account("buyer@example.com")
        for (id, quantity) in [(ebook, 1), (ticket, 2)] {
            _ = try await h.run("mutation($id: ID!, $q: Int) { addToCart(listingId: $id, quantity: $q) { errors { code } } }",
                                ["id": .string(id), "q": .int(quantity)], token: buyer.token)
        }
        let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
        XCTAssertEqual(response.errorCodes("data.checkout.errors"), [])
        let order = try XCTUnwrap(response.string("data.checkout.order.id"))
        return Scenario(buyer: buyer, orderID: try XCTUnwrap(GlobalID(decoding: order)?.id), order: order, ebook: ebook, ticket: ticket)
    }

    func testCompletedCheckoutPaysTheOrderAndTransfersEachProvidersShare() async throws {
        try await GraphQLHarness.with { h in
            let s = try await makeOrder(h)
            _ = try await h.pay(sessionOf: s.orderID)

            let order = try await h.run("""
                query($id: ID!) { order(id: $id) { status paidAt items { title status downloadUrl } invoices { status total { cents } payout { cents } } } }
                """, ["id": .string(s.order)], token: s.buyer.token)
            XCTAssertEqual(order.string("data.order.status"), "PAID")
            XCTAssertNotNil(order["data.order.paidAt"])
            let items = try XCTUnwrap(order["data.order.items"] as? [[String: Any]])
            let byTitle = Dictionary(uniqueKeysWithValues: items.map { ($0["title"] as? String ?? "", $0) })
            XCTAssertEqual(byTitle["Chord book"]?["status"] as? String, "COMPLETED", "a digital item is delivered when paid")
            XCTAssertEqual(byTitle["Jazz night"]?["status"] as? String, "PAID")
            XCTAssertTrue(byTitle["Jazz night"]?["downloadUrl"] is NSNull)
            let download = try XCTUnwrap(byTitle["Chord book"]?["downloadUrl"] as? String)
            let (pdf, answer) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: download)))
            XCTAssertEqual((answer as? HTTPURLResponse)?.statusCode, 200)
            XCTAssertEqual(pdf, minimalPDF)
            let listing = try await h.run("query($id: ID!) { listing(id: $id) { downloadUrl quantityAvailable } }",
                                          ["id": .string(s.ebook)], token: s.buyer.token)
            XCTAssertNotNil(listing.string("data.listing.downloadUrl"), "the buyer may download what they paid for")
            let tickets = try await h.run("query($id: ID!) { listing(id: $id) { quantityAvailable } }", ["id": .string(s.ticket)])
            XCTAssertEqual(tickets["data.listing.quantityAvailable"] as? Int, 3)

            // One transfer per provider: its payout, from the charge, grouped under the order.
            let rows = try await h.sql("""
                SELECT v.payout_cents, v.stripe_transfer_id, p.stripe_account_id, o.stripe_charge_id
                FROM marketplace.invoices v JOIN marketplace.providers p ON p.id = v.provider_id
                JOIN marketplace.orders o ON o.id = v.order_id
                """)
            XCTAssertEqual(rows.count, 2)
            for row in rows {
                let (payout, transferID, account, charge) = try row.decode((Int, String?, String, String?).self)
                let transfer = try await h.localStripe("GET", "/v1/transfers/\(try XCTUnwrap(transferID))")
                XCTAssertEqual(transfer["amount"] as? Int, payout)
                XCTAssertEqual(transfer["destination"] as? String, account)
                XCTAssertEqual(transfer["transfer_group"] as? String, s.orderID.uuidString.lowercased())
                XCTAssertEqual(transfer["source_transaction"] as? String, try XCTUnwrap(charge))
            }
            // Stats, payments, events and the audit trail moved in the same transaction.
            let stats = try await h.sql("""
                SELECT sum(order_count)::int, sum(revenue_cents)::int, sum(pending_payout_cents)::int,
                       sum(completed_order_count)::int FROM marketplace.providers
                """)
            let (orders, revenue, pending, completed) = try stats[0].decode((Int, Int, Int, Int).self)
            XCTAssertEqual([orders, revenue, pending, completed], [2, 1350 + 3600, 0, 1])
            let payments = try await h.sql("SELECT status FROM marketplace.payments")
            XCTAssertEqual(try payments.map { try $0.decode(String.self) }, ["completed"])
            let audit = try await h.sql("SELECT action FROM marketplace.audit_log WHERE entity_id = \(s.orderID)")
            XCTAssertEqual(try audit.map { try $0.decode(String.self) }, ["ORDER_PAID"])
            let paidHolds = try await h.sql("SELECT count(*)::int FROM marketplace.reservations WHERE paid_at IS NOT NULL")
            XCTAssertEqual(try paidHolds[0].decode(Int.self), 1)
        }
    }

    /// Delivered ten times, five of them at once: processed once, one transfer per provider.
    func testAReplayedEventIsProcessedOnce() async throws {
        try await GraphQLHarness.with { h in
            let s = try await makeOrder(h)
            let event = try await h.pay(sessionOf: s.orderID, eventID: "evt_replayed")
            let transfers = try await h.sql("SELECT stripe_transfer_id FROM marketplace.invoices ORDER BY number")
            let before = try transfers.map { try $0.decode(String?.self) }
            for _ in 0..<5 {
                let outcome = try await h.webhooks.handle(payload: event.payload, signatureHeader: event.header)
                XCTAssertEqual(outcome, .duplicate)
            }
            let outcomes = try await withThrowingTaskGroup(of: StripeWebhookProcessor.Outcome.self) { group in
                for _ in 0..<5 {
                    group.addTask { try await h.webhooks.handle(payload: event.payload, signatureHeader: event.header) }
                }
                return try await group.reduce(into: [StripeWebhookProcessor.Outcome]()) { $0.append($1) }
            }
            XCTAssertEqual(outcomes, Array(repeating: .duplicate, count: 5))
            let after = try await h.sql("SELECT stripe_transfer_id FROM marketplace.invoices ORDER BY number")
            XCTAssertEqual(try after.map { try $0.decode(String?.self) }, before)
            let stored = try await h.sql("SELECT count(*)::int FROM marketplace.stripe_events")
            XCTAssertEqual(try stored[0].decode(Int.self), 1)
            let stats = try await h.sql("SELECT sum(order_count)::int FROM marketplace.providers")
            XCTAssertEqual(try stats[0].decode(Int.self), 2)
        }
    }

    /// Events that arrive late change nothing they should not; an expiry ends an unpaid order.
    func testEventsOutOfOrder() async throws {
        try await GraphQLHarness.with { h in
            let s = try await makeOrder(h)
            let sessionRows = try await h.sql("SELECT stripe_checkout_session_id FROM marketplace.orders")
            let sessionID = try XCTUnwrap(try sessionRows[0].decode(String?.self))
            let open = try await h.localStripe("GET", "/v1/checkout/sessions/\(sessionID)")
            // The payment failed first: recorded, the order still waits and holds its tickets.
            let failed = try await h.localStripe("POST", "/_test/checkout/sessions/\(sessionID)/fail")
            let failure = try h.signedEvent(
                type: "payment_intent.payment_failed", object: try XCTUnwrap(failed["payment_intent"] as? [String: Any]))
            _ = try await h.webhooks.handle(payload: failure.payload, signatureHeader: failure.header)
            try await expectEqual(try await h.orderStatus(s.orderID), "awaiting_payment")
            let failedRows = try await h.sql("SELECT failure_message FROM marketplace.payments WHERE status = 'failed'")
            XCTAssertEqual(failedRows.count, 1)

            // Then it was paid; an expiry of the same session that arrives afterwards is ignored.
            _ = try await h.pay(sessionOf: s.orderID)
            var expiredObject = open
            expiredObject["status"] = "expired"
            let lateExpiry = try h.signedEvent(type: "checkout.session.expired", object: expiredObject)
            let outcome = try await h.webhooks.handle(payload: lateExpiry.payload, signatureHeader: lateExpiry.header)
            XCTAssertEqual(outcome, .processed)
            try await expectEqual(try await h.orderStatus(s.orderID), "paid")
        }
    }

    func testAnExpiredSessionEndsTheOrderAndFreesItsHolds() async throws {
        try await GraphQLHarness.with { h in
            let s = try await makeOrder(h)
            let sessionRows = try await h.sql("SELECT stripe_checkout_session_id FROM marketplace.orders")
            let sessionID = try XCTUnwrap(try sessionRows[0].decode(String?.self))
            let expired = try await h.stripe.expireCheckoutSession(sessionID)
            XCTAssertEqual(expired.status, "expired")
            let raw = try await h.localStripe("GET", "/v1/checkout/sessions/\(sessionID)")
            let event = try h.signedEvent(type: "checkout.session.expired", object: raw)
            _ = try await h.webhooks.handle(payload: event.payload, signatureHeader: event.header)
            try await expectEqual(try await h.orderStatus(s.orderID), "expired")
            let tickets = try await h.run("query($id: ID!) { listing(id: $id) { quantityAvailable } }", ["id": .string(s.ticket)])
            XCTAssertEqual(tickets["data.listing.quantityAvailable"] as? Int, 5)
            let order = try await h.run("query($id: ID!) { order(id: $id) { status checkoutUrl invoices { status } } }",
                                        ["id": .string(s.order)], token: s.buyer.token)
            XCTAssertEqual(order.string("data.order.status"), "EXPIRED")
            XCTAssertNil(order["data.order.checkoutUrl"])
            XCTAssertEqual((order["data.order.invoices"] as? [[String: Any]])?.compactMap { $0["status"] as? String }, ["VOID", "VOID"])
        }
    }

    func testSignaturesAreChecked() async throws {
        try await GraphQLHarness.with { h in
            let object: [String: Any] = ["id": "cs_test_x", "object": "checkout.session", "created": 1_700_000_000]
            let wrongSecret = try h.signedEvent(type: "checkout.session.completed", object: object, secret: "whsec_wrong")
            let stale = try h.signedEvent(
                type: "checkout.session.completed", object: object, signedAt: Date().addingTimeInterval(-301))
            let good = try h.signedEvent(type: "checkout.session.completed", object: object)
            var tampered = good.payload
            tampered[tampered.count - 2] ^= 0x01
            for (payload, header) in [
                (wrongSecret.payload, wrongSecret.header), (stale.payload, stale.header), (tampered, good.header),
                (good.payload, ""), (good.payload, "t=1,v1=00"),
            ] {
                do {
                    _ = try await h.webhooks.handle(payload: payload, signatureHeader: header)
                    XCTFail("accepted \(header)")
                } catch let failure as StripeWebhookProcessor.Failure {
                    guard case .badSignature = failure else { return XCTFail("\(failure)") }
                }
            }
            let stored = try await h.sql("SELECT count(*)::int FROM marketplace.stripe_events")
            XCTAssertEqual(try stored[0].decode(Int.self), 0, "refused events are not stored")
            // A well-signed event for no order of ours is stored, processed, and changes nothing.
            let outcome = try await h.webhooks.handle(payload: good.payload, signatureHeader: good.header)
            XCTAssertEqual(outcome, .processed)
        }
    }

    func testAccountUpdatedFollowsStripesFlags() async throws {
        try await GraphQLHarness.with { h in
            _ = try await h.account("ada@example.com", provider: "Ada's Music")
            let account = try await h.stripe.createAccount(country: "US", email: "ada@example.com")
            try await h.sql("UPDATE marketplace.providers SET stripe_account_id = \(account.id)")
            try await h.localStripe("POST", "/_test/accounts/\(account.id)/onboard")
            let onboarded = try await h.localStripe("GET", "/v1/accounts/\(account.id)")
            let event = try h.signedEvent(type: "account.updated", object: onboarded)
            let outcome = try await h.webhooks.handle(payload: event.payload, signatureHeader: event.header)
            XCTAssertEqual(outcome, .processed)
            let flags = try await h.sql("""
                SELECT stripe_details_submitted, stripe_charges_enabled, stripe_payouts_enabled FROM marketplace.providers
                """)
            let (details, charges, payouts) = try flags[0].decode((Bool, Bool, Bool).self)
            XCTAssertEqual([details, charges, payouts], [true, true, true])
        }
    }
}
