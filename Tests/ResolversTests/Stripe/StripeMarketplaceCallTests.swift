import Foundation
import Resolvers
import XCTest

/// What the typed calls put on the wire (method, path, form), recorded by the fake Stripe,
/// which answers them 404: the answers' decoding is covered by the fixture tests.
final class StripeMarketplaceCallTests: XCTestCase {
    var server: FakeStripeServer!
    var client: StripeClient!

    override func setUp() async throws {
        server = try FakeStripeServer()
        client = StripeClient(
            configuration: StripeConfiguration(secretKey: "sk_test_calls", apiBase: server.baseURL, maxRetries: 0))
    }

    override func tearDown() async throws {
        try await client?.shutdown()
        server?.stop()
    }

    /// Runs `call` (which the fake answers 404) and returns the one request it made.
    func recorded(
        file: StaticString = #filePath, line: UInt = #line, _ call: () async throws -> Void
    ) async throws -> FakeStripeServer.Recorded? {
        let before = try await server.requests().count
        let error = await expectStripeError(file: file, line: line) { try await call() }
        XCTAssertEqual(error?.status, 404, file: file, line: line)
        let requests = try await server.requests()
        XCTAssertEqual(requests.count, before + 1, file: file, line: line)
        return requests.last
    }

    func testCheckoutCalls() async throws {
        let params = StripeCheckoutSessionParams(
            lineItems: [.init(name: "Poster", unitAmount: 1500, currency: "eur", quantity: 1)],
            successURL: "https://m.example/s", cancelURL: "https://m.example/c", clientReferenceID: "ord_9",
            metadata: ["order_id": "ord_9"], transferGroup: "ord_9")
        let create = try await recorded { _ = try await client.createCheckoutSession(params, idempotencyKey: "ord_9-1") }
        XCTAssertEqual(create?.method, "POST")
        XCTAssertEqual(create?.path, "/v1/checkout/sessions")
        XCTAssertEqual(create?.headers["idempotency-key"], "ord_9-1")
        XCTAssertEqual(create?.body, StripeForm.encode(params.form))
        let retrieve = try await recorded { _ = try await client.retrieveCheckoutSession("cs_1") }
        XCTAssertEqual(retrieve?.method, "GET")
        XCTAssertEqual(retrieve?.path, "/v1/checkout/sessions/cs_1")
        let expire = try await recorded { _ = try await client.expireCheckoutSession("cs_1") }
        XCTAssertEqual(expire?.method, "POST")
        XCTAssertEqual(expire?.path, "/v1/checkout/sessions/cs_1/expire")
        XCTAssertNotNil(expire?.headers["idempotency-key"])
    }

    func testConnectCalls() async throws {
        let account = try await recorded {
            _ = try await client.createAccount(country: "US", email: "p@example.com", metadata: ["provider_id": "p1"])
        }
        XCTAssertEqual(account?.path, "/v1/accounts")
        XCTAssertEqual(
            account?.body,
            "type=express&country=US&email=p%40example.com&capabilities[card_payments][requested]=true"
                + "&capabilities[transfers][requested]=true&metadata[provider_id]=p1")
        let fetched = try await recorded { _ = try await client.retrieveAccount("acct_1") }
        XCTAssertEqual(fetched?.path, "/v1/accounts/acct_1")
        let link = try await recorded {
            _ = try await client.createAccountLink(
                account: "acct_1", refreshURL: "https://m.example/r", returnURL: "https://m.example/ret")
        }
        XCTAssertEqual(link?.path, "/v1/account_links")
        XCTAssertEqual(
            link?.body,
            "account=acct_1&refresh_url=https%3A%2F%2Fm.example%2Fr&return_url=https%3A%2F%2Fm.example%2Fret"
                + "&type=account_onboarding")
        let transfer = try await recorded {
            _ = try await client.createTransfer(
                amount: 900, currency: "usd", destination: "acct_1", sourceTransaction: "ch_1", transferGroup: "ord_9",
                metadata: ["order_item_id": "oi_1"], idempotencyKey: "transfer-oi_1")
        }
        XCTAssertEqual(transfer?.path, "/v1/transfers")
        XCTAssertEqual(
            transfer?.body,
            "amount=900&currency=usd&destination=acct_1&source_transaction=ch_1&transfer_group=ord_9"
                + "&metadata[order_item_id]=oi_1")
        XCTAssertEqual(transfer?.headers["idempotency-key"], "transfer-oi_1")
        let reversal = try await recorded {
            _ = try await client.createTransferReversal(transferID: "tr_1", amount: 300, metadata: ["refund": "re_1"])
        }
        XCTAssertEqual(reversal?.path, "/v1/transfers/tr_1/reversals")
        XCTAssertEqual(reversal?.body, "amount=300&metadata[refund]=re_1")
    }

    func testPaymentCalls() async throws {
        let refund = try await recorded {
            _ = try await client.createRefund(
                .paymentIntent("pi_1"), amount: 500, reason: "requested_by_customer", metadata: ["order_id": "ord_9"])
        }
        XCTAssertEqual(refund?.path, "/v1/refunds")
        XCTAssertEqual(
            refund?.body, "payment_intent=pi_1&amount=500&reason=requested_by_customer&metadata[order_id]=ord_9")
        let chargeRefund = try await recorded { _ = try await client.createRefund(.charge("ch_1")) }
        XCTAssertEqual(chargeRefund?.body, "charge=ch_1")
        let intent = try await recorded { _ = try await client.retrievePaymentIntent("pi_1") }
        XCTAssertEqual(intent?.path, "/v1/payment_intents/pi_1")
        let charge = try await recorded { _ = try await client.retrieveCharge("ch_1") }
        XCTAssertEqual(charge?.path, "/v1/charges/ch_1")
        // An id cannot leave its path segment.
        let odd = try await recorded { _ = try await client.retrieveCharge("ch_1/../refunds?x=1") }
        XCTAssertEqual(odd?.path, "/v1/charges/ch_1%2F..%2Frefunds%3Fx%3D1")
    }
}
