import Foundation
import Resolvers
import XCTest

/// Retries, idempotency keys and timeouts, against a fake Stripe that fails on demand.
final class StripeRetryTests: XCTestCase {
    var server: FakeStripeServer!
    var client: StripeClient!

    override func setUp() async throws {
        server = try FakeStripeServer()
        // Short waits so the tests are quick; the policy is the same as in production.
        client = StripeClient(
            configuration: StripeConfiguration(
                secretKey: "sk_test_retry", apiBase: server.baseURL, requestTimeout: .seconds(5), maxRetries: 3,
                retryBaseDelay: .milliseconds(20), retryMaxDelay: .milliseconds(100)))
    }

    override func tearDown() async throws {
        try await client?.shutdown()
        server?.stop()
    }

    func testTwo503sThenSuccessIsOneCallWithOneIdempotencyKey() async throws {
        let thing: StripeThing = try await client.post("/v1/flaky/2", params: ["amount": 100])
        XCTAssertEqual(thing.attempt, 3)
        let requests = try await server.requests(path: "/v1/flaky/2")
        XCTAssertEqual(requests.count, 3)
        let keys = Set(requests.compactMap { $0.headers["idempotency-key"] })
        XCTAssertEqual(keys.count, 1, "every attempt must carry the same Idempotency-Key: \(keys)")
        XCTAssertNotNil(UUID(uuidString: keys.first ?? ""), "no key given: a random UUID")
        XCTAssertEqual(Set(requests.map(\.body)), ["amount=100"])
    }

    func testCallerIdempotencyKeyAndHeaders() async throws {
        let _: StripeThing = try await client.post(
            "/v1/echo", params: ["metadata": ["order_id": "o 1"]], idempotencyKey: "order-o1-checkout")
        let _: StripeThing = try await client.post("/v1/echo")
        let _: StripeThing = try await client.get("/v1/echo", query: ["expand": ["latest_charge"]])
        let requests = try await server.requests()
        XCTAssertEqual(requests.count, 3)
        let first = requests[0]
        XCTAssertEqual(first.method, "POST")
        XCTAssertEqual(first.headers["idempotency-key"], "order-o1-checkout")
        XCTAssertEqual(first.headers["authorization"], "Bearer sk_test_retry")
        XCTAssertEqual(first.headers["stripe-version"], StripeClient.apiVersion)
        XCTAssertEqual(first.headers["content-type"], "application/x-www-form-urlencoded")
        XCTAssertEqual(first.body, "metadata[order_id]=o%201")
        XCTAssertNotNil(requests[1].headers["idempotency-key"], "a POST without a key still gets one")
        XCTAssertNotEqual(requests[1].headers["idempotency-key"], first.headers["idempotency-key"])
        XCTAssertEqual(requests[2].method, "GET")
        XCTAssertEqual(requests[2].path, "/v1/echo?expand%5B0%5D=latest_charge")
        XCTAssertNil(requests[2].headers["idempotency-key"])
    }

    func testBadRequestIsNotRetried() async throws {
        let error = await expectStripeError {
            let _: StripeThing = try await client.post("/v1/status/400/parameter_missing")
        }
        XCTAssertEqual(error?.status, 400)
        XCTAssertEqual(error?.code, "parameter_missing")
        let requests = try await server.requests(path: "/v1/status/400/parameter_missing")
        XCTAssertEqual(requests.count, 1)
    }

    func testOther4xxAndConflictsAreNotRetried() async throws {
        for path in [
            "/v1/status/404/resource_missing", "/v1/status/402/card_declined", "/v1/status/409/idempotency_error",
        ] {
            let error = await expectStripeError { let _: StripeThing = try await client.post(path) }
            XCTAssertNotNil(error?.status)
            let count = try await server.requests(path: path).count
            XCTAssertEqual(count, 1, path)
        }
    }

    func testLockTimeoutAndRateLimitAreRetried() async throws {
        let locked: StripeThing = try await client.post("/v1/flaky/1/409")
        XCTAssertEqual(locked.attempt, 2)
        let limited: StripeThing = try await client.get("/v1/flaky/2/429")
        XCTAssertEqual(limited.attempt, 3)
    }

    func testRetriesStopAfterMaxRetries() async throws {
        let error = await expectStripeError { let _: StripeThing = try await client.post("/v1/flaky/10") }
        XCTAssertEqual(error?.status, 503)
        let count = try await server.requests(path: "/v1/flaky/10").count
        XCTAssertEqual(count, 4, "the first attempt and 3 retries")
    }

    func testStripeShouldRetryHeaderDecides() async throws {
        let error = await expectStripeError { let _: StripeThing = try await client.post("/v1/advice/503/false") }
        XCTAssertEqual(error?.status, 503)
        let refused = try await server.requests(path: "/v1/advice/503/false").count
        XCTAssertEqual(refused, 1, "Stripe-Should-Retry: false wins over 5xx")
        let thing: StripeThing = try await client.post("/v1/advice/400/true")
        XCTAssertEqual(thing.attempt, 2, "Stripe-Should-Retry: true wins over 4xx")
    }

    func testServerThatDoesNotAnswerInTimeIsATimeout() async throws {
        let impatient = StripeClient(
            configuration: StripeConfiguration(
                secretKey: "sk_test_retry", apiBase: server.baseURL, requestTimeout: .milliseconds(400), maxRetries: 1,
                retryBaseDelay: .milliseconds(20), retryMaxDelay: .milliseconds(20)))
        let clock = ContinuousClock()
        let start = clock.now
        let error = await expectStripeError { let _: StripeThing = try await impatient.post("/v1/slow/5") }
        let elapsed = clock.now - start
        try await impatient.shutdown()
        guard case .timeout = error else { return XCTFail("expected .timeout, got \(String(describing: error))") }
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(800), "two attempts of 400 ms each")
        XCTAssertLessThan(elapsed, .milliseconds(2500))
        let attempts = try await server.requests(path: "/v1/slow/5")
        XCTAssertEqual(attempts.count, 2)
        XCTAssertEqual(Set(attempts.compactMap { $0.headers["idempotency-key"] }).count, 1)
    }

    func testPerCallTimeoutOverridesTheConfiguration() async throws {
        let error = await expectStripeError {
            let _: StripeThing = try await client.get("/v1/slow/3", timeout: .milliseconds(200))
        }
        guard case .timeout = error else { return XCTFail("expected .timeout, got \(String(describing: error))") }
    }

    func testConnectionRefusedIsANetworkErrorAfterRetries() async throws {
        // Nothing listens on port 9 here. AsyncHTTPClient keeps trying to connect until the
        // connect timeout, then reports the connection error.
        let refused = StripeClient(
            configuration: StripeConfiguration(
                secretKey: "sk_test_retry", apiBase: URL(string: "http://127.0.0.1:9")!, requestTimeout: .seconds(2),
                connectTimeout: .milliseconds(200), maxRetries: 2, retryBaseDelay: .milliseconds(10),
                retryMaxDelay: .milliseconds(10)))
        let clock = ContinuousClock()
        let start = clock.now
        let error = await expectStripeError { let _: StripeThing = try await refused.get("/v1/customers") }
        try await refused.shutdown()
        XCTAssertLessThan(clock.now - start, .seconds(2), "three attempts of about 200 ms")
        guard case .network = error else { return XCTFail("expected .network, got \(String(describing: error))") }
    }

    func testUndecodableAnswerIsADecodingError() async throws {
        struct Needs: Decodable { var missing_field: String }
        let error = await expectStripeError { let _: Needs = try await client.get("/v1/echo") }
        guard case .decoding(let detail) = error else {
            return XCTFail("expected .decoding, got \(String(describing: error))")
        }
        XCTAssertTrue(detail.contains("missing_field"), detail)
    }
}
