import Foundation
import Resolvers
import XCTest

/// The real HTTP path against the local Stripe (localstripe, started by `make test`).
final class StripeLocalstripeTests: XCTestCase {
    struct Customer: Decodable, Equatable {
        var id: String
        var object: String
        var email: String?
        var metadata: [String: String]?
    }

    func testCreateAndRetrieveACustomer() async throws {
        let configuration = try await StripeTestEnvironment.localstripeConfiguration()
        let client = StripeClient(configuration: configuration)
        do {
            let email = "buyer+\(UUID().uuidString.prefix(8))@example.com"
            let created: Customer = try await client.post(
                "/v1/customers", params: ["email": .string(email), "metadata": ["user_id": "u_1"]],
                idempotencyKey: UUID().uuidString)
            XCTAssertEqual(created.object, "customer")
            XCTAssertEqual(created.email, email)
            XCTAssertEqual(created.metadata, ["user_id": "u_1"])
            let fetched: Customer = try await client.get("/v1/customers/\(created.id)")
            XCTAssertEqual(fetched, created)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    func testMissingObjectsAreTypedNotFoundErrors() async throws {
        let configuration = try await StripeTestEnvironment.localstripeConfiguration()
        let client = StripeClient(configuration: configuration)
        let missing = await expectStripeError {
            let _: Customer = try await client.get("/v1/customers/cus_doesnotexist")
        }
        let unknown = await expectStripeError { let _: Customer = try await client.get("/v1/no_such_resources/x_1") }
        try await client.shutdown()
        guard case .api(let type, _, _, _, _, let status) = missing else {
            return XCTFail("expected .api, got \(String(describing: missing))")
        }
        XCTAssertEqual(type, "invalid_request_error")
        XCTAssertEqual(status, 404)
        guard case .api(_, _, _, _, _, let unknownStatus) = unknown else {
            return XCTFail("expected .api, got \(String(describing: unknown))")
        }
        XCTAssertEqual(unknownStatus, 404)
    }
}
