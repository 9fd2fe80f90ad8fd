import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// The rules around getting paid: paid listings need payments set up, a held listing's
/// price is locked, offline providers mark invoices paid, free orders are paid at once,
/// and a slow Stripe leaves nothing behind.
final class PaymentRulesTests: XCTestCase {
    static let invoicePaid = """
        mutation($id: ID!, $method: ManualPaymentMethod!, $reference: String) {
          markInvoicePaid(id: $id, method: $method, reference: $reference) { invoice { status paidAt } errors { code message } }
        }
        """

    func testAPaidListingNeedsPaymentsSetUpBeforeItIsPublished() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.register("seller@example.com")
            _ = try await h.run("mutation { becomeProvider(input: { businessName: \"Stripe Shop\" }) { errors { code } } }",
                                token: seller.access)
            let mode = try await h.run("{ me { provider { paymentMode stripeOnboardingComplete } } }", token: seller.access)
            XCTAssertEqual(mode.string("data.me.provider.paymentMode"), "STRIPE_CONNECT")
            let paid = try await h.createListing("SERVICE", title: "Paid lesson", token: seller.access)
            let paidID = try XCTUnwrap(paid.string("data.createListing.listing.id"))
            let refused = try await h.statusChange("publishListing", paidID, token: seller.access)
            XCTAssertEqual(refused.errorCodes("data.publishListing.errors"), ["ONBOARDING_REQUIRED"])
            // Free listings need no payments.
            let free = try await h.createListing("SERVICE", title: "Free lesson", ["priceCents": 0], token: seller.access)
            let freeID = try XCTUnwrap(free.string("data.createListing.listing.id"))
            let freePublished = try await h.statusChange("publishListing", freeID, token: seller.access)
            XCTAssertEqual(freePublished.string("data.publishListing.listing.status"), "ACTIVE")
            // Onboarding complete (account.updated), or the offline mode, lets it through.
            try await h.sql("""
                UPDATE marketplace.providers SET stripe_account_id = 'acct_x', stripe_details_submitted = true,
                    stripe_charges_enabled = true
                """)
            let published = try await h.statusChange("publishListing", paidID, token: seller.access)
            XCTAssertEqual(published.string("data.publishListing.listing.status"), "ACTIVE")
            let other = try await h.register("offline@example.com")
            let offline = try await h.run("""
                mutation { becomeProvider(input: { businessName: "Cash Shop", paymentMode: OFFLINE }) { provider { paymentMode } } }
                """, token: other.access)
            XCTAssertEqual(offline.string("data.becomeProvider.provider.paymentMode"), "OFFLINE")
            let cash = try await h.createListing("SERVICE", title: "Cash lesson", token: other.access)
            let cashPublished = try await h.statusChange(
                "publishListing", try XCTUnwrap(cash.string("data.createListing.listing.id")), token: other.access)
            XCTAssertEqual(cashPublished.string("data.publishListing.listing.status"), "ACTIVE")
        }
    }

    func testAHeldListingsPriceIsLocked() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.onboardedSeller("seller@example.com", "Last Seats")
            let ticket = try await h.publishedListing("TICKET", title: "Jazz night", ["priceCents": 2000, "quantity": 5], token: seller.token)
            let buyer = try await h.account("buyer@example.com")
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                ["id": .string(ticket)], token: buyer.token)
            let checkout = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            let order = try XCTUnwrap(checkout.string("data.checkout.order.id"))
            let reprice = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(ticket), "input": ["priceCents": 2500],
            ], token: seller.token)
            XCTAssertEqual(reprice.errorCodes("data.updateListing.errors"), ["LISTING_LOCKED"])
            // Other changes go through; after the hold ends the price may change.
            let retitle = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(ticket), "input": ["title": "Jazz night (late show)"],
            ], token: seller.token)
            XCTAssertEqual(retitle.errorCodes("data.updateListing.errors"), [])
            _ = try await h.run("mutation($id: ID!) { cancelOrder(id: $id) { errors { code } } }", ["id": .string(order)],
                                token: buyer.token)
            let after = try await h.run(GraphQLHarness.updateListingDocument, [
                "id": .string(ticket), "input": ["priceCents": 2500],
            ], token: seller.token)
            XCTAssertEqual(after.errorCodes("data.updateListing.errors"), [])
        }
    }

    /// An offline provider's order: no Stripe session; each invoice marked paid by hand; PAID
    /// once all are, with no payout pending.
    func testOfflineOrdersArePaidByHand() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Cash Shop")
            let lesson = try await h.publishedListing(title: "Cash lesson", ["priceCents": 4000], token: seller.token)
            let buyer = try await h.account("buyer@example.com")
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                ["id": .string(lesson)], token: buyer.token)
            let checkout = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertEqual(checkout.errorCodes("data.checkout.errors"), [])
            XCTAssertNil(checkout["data.checkout.checkoutUrl"], "no Stripe page for an offline provider")
            let order = try XCTUnwrap(checkout.string("data.checkout.order.id"))
            let invoices = try await h.run("query($id: ID!) { order(id: $id) { invoices { id status } } }",
                                           ["id": .string(order)], token: seller.token)
            let invoice = try XCTUnwrap((invoices["data.order.invoices"] as? [[String: Any]])?.first?["id"] as? String)
            XCTAssertEqual((invoices["data.order.invoices"] as? [[String: Any]])?.first?["status"] as? String, "SENT")

            let byBuyer = try await h.run(Self.invoicePaid, ["id": .string(invoice), "method": "CASH"], token: buyer.token)
            XCTAssertEqual(byBuyer.topLevelCodes, ["FORBIDDEN"])
            let paid = try await h.run(Self.invoicePaid, ["id": .string(invoice), "method": "CASH", "reference": "Receipt 12"],
                                       token: seller.token)
            XCTAssertEqual(paid.errorCodes("data.markInvoicePaid.errors"), [])
            XCTAssertEqual(paid.string("data.markInvoicePaid.invoice.status"), "PAID")
            let status = try await h.run("query($id: ID!) { order(id: $id) { status } }", ["id": .string(order)], token: buyer.token)
            XCTAssertEqual(status.string("data.order.status"), "PAID")
            let again = try await h.run(Self.invoicePaid, ["id": .string(invoice), "method": "CASH"], token: seller.token)
            XCTAssertEqual(again.errorCodes("data.markInvoicePaid.errors"), ["INVALID_STATUS"])
            let stats = try await h.sql("SELECT revenue_cents, pending_payout_cents FROM marketplace.providers")
            let (revenue, pending) = try stats[0].decode((Int, Int).self)
            XCTAssertEqual([revenue, pending], [3600, 0])
            let audit = try await h.sql("SELECT action FROM marketplace.audit_log")
            XCTAssertEqual(try audit.map { try $0.decode(String.self) }, ["INVOICE_MARKED_PAID"])
        }
    }

    func testAFreeOrderIsPaidAtOnce() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.onboardedSeller("seller@example.com", "Free Shop")
            let talk = try await h.publishedListing("TICKET", title: "Free talk", ["priceCents": 0, "quantity": 2], token: seller.token)
            let buyer = try await h.account("buyer@example.com")
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                ["id": .string(talk)], token: buyer.token)
            let checkout = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertEqual(checkout.errorCodes("data.checkout.errors"), [])
            XCTAssertEqual(checkout.string("data.checkout.order.status"), "PAID")
            XCTAssertNil(checkout["data.checkout.checkoutUrl"])
            let left = try await h.run("query($id: ID!) { listing(id: $id) { quantityAvailable } }", ["id": .string(talk)])
            XCTAssertEqual(left["data.listing.quantityAvailable"] as? Int, 1, "a paid hold keeps its seat")
        }
    }

    /// Stripe answers too slowly: the checkout gives up with a clear error and leaves nothing.
    func testASlowStripeLeavesNothingBehind() async throws {
        let fake = try FakeStripeServer()
        defer { fake.stop() }
        try await GraphQLHarness.with(stripe: { stripe in
            // Every request lands on the fake's /v1/slow/5: an answer after 5 seconds.
            stripe.apiBase = fake.baseURL.appendingPathComponent("v1/slow/5")
            stripe.requestTimeout = .milliseconds(300)
            stripe.maxRetries = 1
            stripe.retryBaseDelay = .milliseconds(10)
        }) { h in
            let seller = try await h.account("seller@example.com", provider: "Slow Shop")
            try await h.sql("""
                UPDATE marketplace.providers SET payment_mode = 'stripe_connect', stripe_account_id = 'acct_slow',
                    stripe_details_submitted = true, stripe_charges_enabled = true
                """)
            let ticket = try await h.publishedListing("TICKET", title: "Jazz night", ["quantity": 2], token: seller.token)
            let buyer = try await h.account("buyer@example.com")
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id, quantity: 2) { errors { code } } }",
                                ["id": .string(ticket)], token: buyer.token)
            let started = ContinuousClock.now
            let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(3))
            XCTAssertEqual(response.errorCodes("data.checkout.errors"), ["PAYMENT_UNAVAILABLE"])
            for table in ["orders", "reservations"] {
                let rows = try await h.sql(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM marketplace.\(table)"))
                XCTAssertEqual(try rows[0].decode(Int.self), 0, table)
            }
            let left = try await h.run("query($id: ID!) { listing(id: $id) { quantityAvailable } }", ["id": .string(ticket)])
            XCTAssertEqual(left["data.listing.quantityAvailable"] as? Int, 2)
            let requests = try await fake.requests()
            XCTAssertEqual(requests.count, 2, "one attempt and one retry")
            XCTAssertEqual(Set(requests.compactMap { $0.headers["idempotency-key"] }).count, 1, "the same key for both")
        }
    }
}
