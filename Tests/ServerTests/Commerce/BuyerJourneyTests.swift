import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Resolvers
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import Server

/// A seller's and a buyer's whole way over HTTP, with the local Stripe delivering its
/// signed webhooks to this server: onboarding, publishing, saving, the cart, checkout, the
/// payment on Stripe's side, the order PAID with its transfers, and a refund.
final class BuyerJourneyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testFromOnboardingToRefund() async throws {
        var configuration = try TestSettings.configuration()
        configuration.accounts.bcryptCost = 4
        let stripe = try XCTUnwrap(configuration.stripe, "Stripe is not configured: run `make test`")
        try await withScratchDatabase(configuration.databaseURL) { database in
            let services = await makeMarketplaceServices(configuration: configuration, database: database, logger: TestSettings.logger)
            let service = try await makeGraphQLService(
                configuration: configuration, database: database, metrics: ServerMetrics(), logger: TestSettings.logger,
                schemaPath: Self.root.appendingPathComponent("schema.graphql").path, services: services)
            let app = try buildApplication(
                configuration: configuration, logger: TestSettings.logger, graphQL: try XCTUnwrap(service), database: database,
                webhooks: StripeWebhookProcessor(services: services, logger: TestSettings.logger))
            try await app.test(.live) { client in
                let port = try XCTUnwrap(client.port)
                // The local Stripe's events for this journey go to this server.
                try await StripeWebhookEndpointTests.localStripe(
                    stripe, "/_config/webhooks/journey-\(UUID().uuidString.prefix(8))",
                    form: "url=http://127.0.0.1:\(port)/webhooks/stripe&secret=\(stripe.webhookSecret ?? "")"
                        + "&events[]=account.updated&events[]=checkout.session.completed&events[]=charge.refunded")
                func gql(_ query: String, _ token: String? = nil) async throws -> [String: Any] {
                    try await AccountsEndToEndTests.graphQL(client, query, token: token)
                }
                func value(_ json: [String: Any], _ path: String) -> Any? { AccountsEndToEndTests.value(json, path) }

                // The seller: an account, a provider, Stripe onboarding finished on Stripe's side.
                let sellerRegistered = try await gql("""
                    mutation { register(input: {email: "seller@example.com", password: "sells things 1", firstName: "Sal", lastName: "Ler"}) { accessToken } }
                    """)
                let seller = try XCTUnwrap(value(sellerRegistered, "data.register.accessToken") as? String)
                _ = try await gql(#"mutation { becomeProvider(input: { businessName: "Jazz Club" }) { provider { id } } }"#, seller)
                let onboarding = try await gql("""
                    mutation { startProviderOnboarding(returnUrl: "https://shop.test/back", refreshUrl: "https://shop.test/again") { url errors { code } } }
                    """, seller)
                let link = try XCTUnwrap(value(onboarding, "data.startProviderOnboarding.url") as? String)
                let account = try XCTUnwrap(URL(string: link)?.pathComponents.last)
                try await StripeWebhookEndpointTests.localStripe(stripe, "/_test/accounts/\(account)/onboard", form: "")
                try await Self.waitUntil {
                    let me = try await gql("{ me { provider { stripeOnboardingComplete } } }", seller)
                    return value(me, "data.me.provider.stripeOnboardingComplete") as? Bool == true
                }
                let created = try await gql("""
                    mutation { createListing(input: { kind: TICKET, title: "Friday jazz", category: "Concerts", priceCents: 2500,
                      quantity: 40, eventStartsAt: "2030-05-01T20:00:00Z", venue: "The Cellar" }) { listing { id } errors { code } } }
                    """, seller)
                let ticket = try XCTUnwrap(value(created, "data.createListing.listing.id") as? String)
                let published = try await gql(#"mutation { publishListing(id: "\#(ticket)") { listing { status } errors { code } } }"#, seller)
                XCTAssertEqual(value(published, "data.publishListing.listing.status") as? String, "ACTIVE")

                // The buyer: save, cart, checkout.
                let buyerRegistered = try await gql("""
                    mutation { register(input: {email: "buyer@example.com", password: "buys things 1", firstName: "Bu", lastName: "Yer"}) { accessToken } }
                    """)
                let buyer = try XCTUnwrap(value(buyerRegistered, "data.register.accessToken") as? String)
                let saved = try await gql(#"mutation { saveListing(listingId: "\#(ticket)") { listing { isSaved } } }"#, buyer)
                XCTAssertEqual(value(saved, "data.saveListing.listing.isSaved") as? Bool, true)
                let cart = try await gql(#"mutation { addToCart(listingId: "\#(ticket)", quantity: 2) { cart { subtotal { cents } isCheckoutReady } } }"#, buyer)
                XCTAssertEqual(value(cart, "data.addToCart.cart.subtotal.cents") as? Int, 5000)
                let checkout = try await gql("""
                    mutation { checkout(input: { successUrl: "https://shop.test/thanks", cancelUrl: "https://shop.test/cart" }) {
                      checkoutUrl order { id status } errors { code message } } }
                    """, buyer)
                XCTAssertEqual(value(checkout, "data.checkout.order.status") as? String, "AWAITING_PAYMENT", "\(checkout)")
                let order = try XCTUnwrap(value(checkout, "data.checkout.order.id") as? String)
                let page = try XCTUnwrap(value(checkout, "data.checkout.checkoutUrl") as? String)
                let session = try XCTUnwrap(URL(string: page)?.pathComponents.last)

                // Paid on Stripe's side; its signed webhook makes the order PAID and pays the seller.
                try await StripeWebhookEndpointTests.localStripe(stripe, "/_test/checkout/sessions/\(session)/complete", form: "")
                let orderQuery = #"{ order(id: "\#(order)") { status refunded { cents } invoices { status transferId payout { cents } } } }"#
                try await Self.waitUntil {
                    let current = try await gql(orderQuery, buyer)
                    return value(current, "data.order.status") as? String == "PAID"
                }
                let paid = try await gql(orderQuery, buyer)
                let invoice = try XCTUnwrap((value(paid, "data.order.invoices") as? [[String: Any]])?.first)
                XCTAssertEqual(invoice["status"] as? String, "PAID")
                XCTAssertEqual((invoice["payout"] as? [String: Any])?["cents"] as? Int, 4500)
                let transfer = try XCTUnwrap(invoice["transferId"] as? String)
                let stripeTransfer = try await Self.get(stripe, "/v1/transfers/\(transfer)")
                XCTAssertEqual(stripeTransfer["amount"] as? Int, 4500)
                XCTAssertEqual(stripeTransfer["destination"] as? String, account)
                let left = try await gql(#"{ listing(id: "\#(ticket)") { quantityAvailable } }"#)
                XCTAssertEqual(value(left, "data.listing.quantityAvailable") as? Int, 38)

                // The seller refunds; Stripe's charge.refunded finds it on record already.
                let refund = try await gql(#"mutation { refundOrder(id: "\#(order)") { order { status refunded { cents } } errors { code message } } }"#, seller)
                XCTAssertEqual(value(refund, "data.refundOrder.order.status") as? String, "REFUNDED", "\(refund)")
                XCTAssertEqual(value(refund, "data.refundOrder.order.refunded.cents") as? Int, 5000)
                let reversed = try await Self.get(stripe, "/v1/transfers/\(transfer)")
                XCTAssertEqual(reversed["amount_reversed"] as? Int, 4500)
                try await Self.waitUntil {
                    try await database.client.query(
                        "SELECT count(*)::int FROM marketplace.stripe_events WHERE type = 'charge.refunded' AND processed_at IS NOT NULL",
                        logger: TestSettings.logger
                    ).collect().first?.decode(Int.self) == 1
                }
                let refunds = try await database.client.query(
                    "SELECT count(*)::int FROM marketplace.payments WHERE status = 'refunded'", logger: TestSettings.logger
                ).collect()
                XCTAssertEqual(try refunds[0].decode(Int.self), 1, "the webhook did not record the refund twice")
            }
        }
    }

    /// Polls `condition` for up to 10 seconds (webhooks arrive asynchronously).
    static func waitUntil(_ condition: () async throws -> Bool, file: StaticString = #filePath, line: UInt = #line) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("the condition did not hold within 10 seconds", file: file, line: line)
    }

    static func get(_ stripe: StripeConfiguration, _ path: String) async throws -> [String: Any] {
        var request = URLRequest(url: stripe.apiBase.appendingPathComponent(path))
        request.setValue("Bearer \(stripe.secretKey)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
