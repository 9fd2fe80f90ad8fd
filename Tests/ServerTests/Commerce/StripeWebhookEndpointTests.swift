import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Resolvers
import XCTest

@testable import Server

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `POST /webhooks/stripe` over a real socket: the status codes Stripe acts on, and a real
/// delivery from the local Stripe, signed by it.
final class StripeWebhookEndpointTests: XCTestCase {
    func withWebhookServer(
        _ body: @escaping @Sendable (_ client: any TestClientProtocol, _ port: Int, _ database: Database, _ stripe: StripeConfiguration)
            async throws -> Void
    ) async throws {
        let configuration = try TestSettings.configuration()
        let stripe = try XCTUnwrap(configuration.stripe, "Stripe is not configured: run `make test` (it starts the local Stripe)")
        try await withScratchDatabase(configuration.databaseURL) { database in
            let services = await makeMarketplaceServices(
                configuration: configuration, database: database, logger: TestSettings.logger)
            let app = try buildApplication(
                configuration: configuration, logger: TestSettings.logger, database: database,
                webhooks: StripeWebhookProcessor(services: services, logger: TestSettings.logger))
            try await app.test(.live) { client in try await body(client, try XCTUnwrap(client.port), database, stripe) }
        }
    }

    static func post(_ client: any TestClientProtocol, _ payload: [UInt8], signature: String?) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let signature { headers[.init("Stripe-Signature")!] = signature }
        return try await client.execute(
            uri: "/webhooks/stripe", method: .post, headers: headers, body: ByteBuffer(bytes: payload)
        ) { response in (response.status, String(buffer: response.body)) }
    }

    func testStatusCodes() async throws {
        try await withWebhookServer { client, _, database, stripe in
            let secret = try XCTUnwrap(stripe.webhookSecret)
            let event = Array(#"{"id":"evt_endpoint_1","object":"event","type":"customer.created","created":1700000000,"data":{"object":{"id":"cus_1","object":"customer"}}}"#.utf8)
            let good = StripeWebhookSignature.sign(payload: event, secret: secret)
            let first = try await Self.post(client, event, signature: good)
            XCTAssertEqual(first.0, .ok)
            XCTAssertTrue(first.1.contains("ignored"), first.1)
            let again = try await Self.post(client, event, signature: good)
            XCTAssertEqual(again.0, .ok)
            XCTAssertTrue(again.1.contains("duplicate"), again.1)
            let wrong = StripeWebhookSignature.sign(payload: event, secret: "whsec_not_ours")
            let refusedWrong = try await Self.post(client, event, signature: wrong)
            XCTAssertEqual(refusedWrong.0, .badRequest, refusedWrong.1)
            let refusedNil = try await Self.post(client, event, signature: nil)
            XCTAssertEqual(refusedNil.0, .badRequest, refusedNil.1)
            let stale = StripeWebhookSignature.sign(payload: event, secret: secret, timestamp: Date().addingTimeInterval(-600))
            let refusedStale = try await Self.post(client, event, signature: stale)
            XCTAssertEqual(refusedStale.0, .badRequest, refusedStale.1)
            let garbage = Array("not json".utf8)
            let signedGarbage = StripeWebhookSignature.sign(payload: garbage, secret: secret)
            let refusedSignedgarbage = try await Self.post(client, garbage, signature: signedGarbage)
            XCTAssertEqual(refusedSignedgarbage.0, .badRequest, refusedSignedgarbage.1)
            let stored = try await database.client.query(
                "SELECT count(*)::int FROM marketplace.stripe_events", logger: TestSettings.logger).collect()
            XCTAssertEqual(try stored[0].decode(Int.self), 1)
        }
    }

    /// The local Stripe delivers `account.updated`, signed with the endpoint's secret, to this
    /// server; the provider's flags follow.
    func testALocalStripeDeliveryIsVerifiedAndApplied() async throws {
        try await withWebhookServer { _, port, database, stripe in
            let created = try await Self.localStripe(stripe, "/v1/accounts", form: "type=express&country=US&email=seller%40example.com")
            let accountID = try XCTUnwrap(created["id"] as? String)
            let userID = UUID()
            try await database.client.query("""
                INSERT INTO marketplace.users (id, email, password_hash, first_name, last_name, role)
                VALUES (\(userID), 'seller@example.com', 'x', 'Sel', 'Ler', 'provider')
                """, logger: TestSettings.logger)
            try await database.client.query("""
                INSERT INTO marketplace.providers (user_id, business_name, slug, stripe_account_id)
                VALUES (\(userID), 'Seller', 'seller', \(accountID))
                """, logger: TestSettings.logger)
            // Point the local Stripe's account.updated events at this server.
            let hook = "endpoint-test-\(UUID().uuidString.prefix(8))"
            try await Self.localStripe(
                stripe, "/_config/webhooks/\(hook)",
                form: "url=http://127.0.0.1:\(port)/webhooks/stripe&secret=\(stripe.webhookSecret ?? "")&events[]=account.updated")
            try await Self.localStripe(stripe, "/_test/accounts/\(accountID)/onboard", form: "")
            let deadline = ContinuousClock.now + .seconds(10)
            var onboarded = false
            while !onboarded, ContinuousClock.now < deadline {
                onboarded = try await database.client.query(
                    "SELECT stripe_charges_enabled AND stripe_payouts_enabled FROM marketplace.providers",
                    logger: TestSettings.logger
                ).collect().first?.decode(Bool.self) ?? false
                if !onboarded { try await Task.sleep(for: .milliseconds(50)) }
            }
            XCTAssertTrue(onboarded, "the local Stripe's account.updated did not reach the server")
            let events = try await database.client.query(
                "SELECT type, processed_at IS NOT NULL FROM marketplace.stripe_events", logger: TestSettings.logger
            ).collect()
            XCTAssertEqual(events.count, 1)
            let (type, processed) = try events[0].decode((String, Bool).self)
            XCTAssertEqual(type, "account.updated")
            XCTAssertTrue(processed)
        }
    }

    @discardableResult
    static func localStripe(_ stripe: StripeConfiguration, _ path: String, form: String) async throws -> [String: Any] {
        var request = URLRequest(url: stripe.apiBase.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("Bearer \(stripe.secretKey)", forHTTPHeaderField: "Authorization")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(form.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        XCTAssertTrue((200..<300).contains(status), "\(path) answered \(status): \(String(decoding: data, as: UTF8.self))")
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
