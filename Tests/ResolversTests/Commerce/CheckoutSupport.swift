import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Steps the checkout and webhook tests share, against the local Stripe `make test` starts.
extension GraphQLHarness {
    static let checkoutDocument = """
        mutation($input: CheckoutInput!) {
          checkout(input: $input) {
            checkoutUrl expiresAt errors { field code message }
            order {
              id number status subtotal { cents currency } platformFee { cents } total { cents } expiresAt
              items { title quantity unitPrice { cents } lineTotal { cents } status kind downloadUrl }
              invoices { number status total { cents } payout { cents } }
            }
          }
        }
        """

    static let checkoutInput: [String: InputValue] = [
        "input": ["successUrl": "https://shop.test/thanks", "cancelUrl": "https://shop.test/cart"],
    ]

    var stripe: StripeClient {
        get throws { try XCTUnwrap(services.stripe, "Stripe is not configured: run `make test` (it starts the local Stripe)") }
    }

    /// A provider whose Stripe Express account has finished onboarding in the local Stripe.
    func onboardedSeller(_ email: String, _ name: String) async throws -> Account {
        let seller = try await account(email, provider: name)
        let stripeAccount = try await stripe.createAccount(country: "US", email: email)
        _ = try await localStripe("POST", "/_test/accounts/\(stripeAccount.id)/onboard")
        try await sql("""
            UPDATE marketplace.providers SET payment_mode = 'stripe_connect', stripe_account_id = \(stripeAccount.id),
                stripe_details_submitted = true,
                stripe_charges_enabled = true, stripe_payouts_enabled = true
            WHERE business_name = \(name)
            """)
        return seller
    }

    /// A raw call to the local Stripe (its test endpoints, or objects the client does not model).
    @discardableResult
    func localStripe(_ method: String, _ path: String) async throws -> [String: Any] {
        let configuration = try stripe.configuration
        var request = URLRequest(url: configuration.apiBase.appendingPathComponent(path))
        request.httpMethod = method
        request.setValue("Bearer \(configuration.secretKey)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        XCTAssertTrue((200..<300).contains(status), "\(method) \(path) answered \(status): \(json)")
        return json
    }

    /// An event as Stripe sends it, with a valid signature (or one made at `signedAt`).
    func signedEvent(
        id: String = "evt_\(UUID().uuidString.prefix(12))", type: String, object: [String: Any], signedAt: Date = Date(),
        secret: String? = nil
    ) throws -> (payload: [UInt8], header: String) {
        let event: [String: Any] = [
            "id": id, "object": "event", "type": type, "created": Int(signedAt.timeIntervalSince1970),
            "livemode": false, "api_version": StripeClient.apiVersion, "data": ["object": object],
        ]
        let payload = Array(try JSONSerialization.data(withJSONObject: event))
        let key = try secret ?? XCTUnwrap(stripe.configuration.webhookSecret)
        return (payload, StripeWebhookSignature.sign(payload: payload, secret: key, timestamp: signedAt))
    }

    var webhooks: StripeWebhookProcessor { StripeWebhookProcessor(services: services, logger: TestDatabase.logger) }

    /// Pays the order's session in the local Stripe and delivers `checkout.session.completed`.
    func pay(sessionOf orderID: UUID, eventID: String = "evt_\(UUID().uuidString.prefix(12))") async throws
        -> (payload: [UInt8], header: String)
    {
        let rows = try await sql("SELECT stripe_checkout_session_id FROM marketplace.orders WHERE id = \(orderID)")
        let session = try XCTUnwrap(try rows.first?.decode(String?.self), "the order has no Checkout Session")
        let completed = try await localStripe("POST", "/_test/checkout/sessions/\(session)/complete")
        let event = try signedEvent(id: eventID, type: "checkout.session.completed", object: completed)
        let outcome = try await webhooks.handle(payload: event.payload, signatureHeader: event.header)
        XCTAssertEqual(outcome, .processed)
        return event
    }

    func orderStatus(_ orderID: UUID) async throws -> String? {
        try await sql("SELECT status FROM marketplace.orders WHERE id = \(orderID)").first?.decode(String.self)
    }
}
