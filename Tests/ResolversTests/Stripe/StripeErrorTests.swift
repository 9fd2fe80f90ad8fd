import Foundation
import Resolvers
import XCTest

final class StripeErrorTests: XCTestCase {
    let secret = "sk_test_NEVER_PRINT_ME_123"

    func testConfigurationFromEnvironment() throws {
        let configuration = try StripeConfiguration(environment: [
            "STRIPE_SECRET_KEY": secret, "STRIPE_API_BASE": "http://127.0.0.1:8420/",
            "STRIPE_WEBHOOK_SECRET": "whsec_x",
        ])
        XCTAssertEqual(configuration.apiBase.absoluteString, "http://127.0.0.1:8420")
        XCTAssertEqual(configuration.webhookSecret, "whsec_x")
        let defaults = try StripeConfiguration(environment: ["STRIPE_SECRET_KEY": secret, "STRIPE_API_BASE": " "])
        XCTAssertEqual(defaults.apiBase, StripeConfiguration.defaultAPIBase)
        XCTAssertNil(defaults.webhookSecret)
        XCTAssertThrowsError(try StripeConfiguration(environment: [:])) {
            XCTAssertEqual($0 as? StripeConfigurationError, .missing(["STRIPE_SECRET_KEY"]))
        }
        XCTAssertThrowsError(
            try StripeConfiguration(environment: ["STRIPE_SECRET_KEY": secret, "STRIPE_API_BASE": "ftp://x"]))
        XCTAssertFalse(String(describing: configuration).contains(secret))
        XCTAssertFalse(String(reflecting: configuration).contains("whsec_x"))
    }

    /// A Stripe error body becomes a typed `.api` error, through the client.
    func testErrorBodyDecodesThroughTheClient() async throws {
        let server = try FakeStripeServer()
        defer { server.stop() }
        let client = StripeClient(configuration: StripeConfiguration(secretKey: secret, apiBase: server.baseURL))
        let error = await expectStripeError {
            let _: StripeThing = try await client.get("/v1/status/402/card_declined")
        }
        guard case .api(let type, let code, _, let message, _, let status) = error else {
            return XCTFail("expected .api, got \(String(describing: error))")
        }
        XCTAssertEqual(type, "invalid_request_error")
        XCTAssertEqual(code, "card_declined")
        XCTAssertEqual(message, "fake 402")
        XCTAssertEqual(status, 402)
        try await client.shutdown()
    }

    /// The secret never shows in errors or requests, even when a server echoes it back.
    func testSecretNeverInDescriptions() async throws {
        let client = StripeClient(configuration: StripeConfiguration(secretKey: secret))
        let request = client.makeRequest(
            method: .POST, path: "/v1/refunds", params: ["charge": "ch_1"], idempotencyKey: "k1")
        XCTAssertEqual(request.headers.first(name: "Authorization"), "Bearer \(secret)")
        for text in [
            String(describing: request), String(reflecting: request), String(describing: client),
            String(describing: client.configuration),
        ] {
            XCTAssertFalse(text.contains(secret), text)
        }
        try await client.shutdown()

        // A proxy that echoes the Authorization header in its error message.
        let body =
            #"{"error": {"type": "invalid_request_error", "code": "api_key_invalid", "decline_code": "x", "#
            + #""message": "Invalid API Key provided: Bearer \#(secret)", "param": "key"}}"#
        let server = try FakeEchoErrorServer(body: body)
        defer { server.stop() }
        let echoing = StripeClient(configuration: StripeConfiguration(secretKey: secret, apiBase: server.baseURL))
        let error = await expectStripeError { let _: StripeThing = try await echoing.get("/v1/anything") }
        try await echoing.shutdown()
        guard case .api(_, let code, let declineCode, let message, let param, let status) = error else {
            return XCTFail("expected .api, got \(String(describing: error))")
        }
        XCTAssertEqual(code, "api_key_invalid")
        XCTAssertEqual(declineCode, "x")
        XCTAssertEqual(param, "key")
        XCTAssertEqual(status, 401)
        XCTAssertEqual(message, "Invalid API Key provided: Bearer <redacted>")
        XCTAssertFalse(String(describing: error!).contains(secret))
        XCTAssertFalse(String(reflecting: error!).contains(secret))
        for other: StripeError in [.timeout, .decoding("x"), .network(underlying: CancellationError())] {
            XCTAssertFalse(String(describing: other).contains(secret))
        }
    }
}

/// A server that answers every request 401 with a fixed body.
final class FakeEchoErrorServer {
    let server: Process
    let port: Int
    /// Closing it stops the server (see FakeStripeServer).
    private let stdin = Pipe()

    init(body: String) throws {
        server = Process()
        server.executableURL = try StripeTestEnvironment.checkedPython()
        let script = """
            import os, sys, threading
            from http.server import BaseHTTPRequestHandler, HTTPServer
            body = sys.argv[1].encode()
            threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
            class H(BaseHTTPRequestHandler):
                def log_message(self, *a): pass
                def do_GET(self):
                    self.send_response(401)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            s = HTTPServer(("127.0.0.1", 0), H)
            print(s.server_address[1], flush=True)
            s.serve_forever()
            """
        server.arguments = ["-c", script, body]
        let stdout = Pipe()
        server.standardInput = stdin
        server.standardOutput = stdout
        try server.run()
        guard let port = firstLinePort(stdout) else {
            server.terminate()
            throw StripeTestSetupError("the echo server did not start")
        }
        self.port = port
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func stop() {
        try? stdin.fileHandleForWriting.close()
    }
}
