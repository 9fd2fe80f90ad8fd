import Foundation
import Resolvers
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The project's Python (the official `stripe` library, `http.server` for fake Stripes) and
/// the local Stripe (localstripe), as `scripts/install.sh` and `scripts/services.sh start`
/// set them up. Missing pieces fail the test, saying what to run.
enum StripeTestEnvironment {
    /// The repository root (this file is Tests/ResolversTests/Stripe/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `$PYTHON_VENV/bin/python` (set by `make test`), else the repository's `.venv`.
    static var python: URL {
        if let venv = ProcessInfo.processInfo.environment["PYTHON_VENV"], !venv.isEmpty {
            return URL(fileURLWithPath: venv).appendingPathComponent("bin/python")
        }
        return root.appendingPathComponent(".venv/bin/python")
    }

    static func checkedPython() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw StripeTestSetupError("\(python.path) is missing; run scripts/install.sh (or make test)")
        }
        return python
    }

    /// The process environment over `.data/services.env` (as the S3 tests read it).
    static func variables() -> [String: String] { S3TestEnvironment.variables() }

    /// The localstripe configuration; fails when it is not configured or does not answer.
    static func localstripeConfiguration() async throws -> StripeConfiguration {
        var configuration: StripeConfiguration
        do {
            configuration = try StripeConfiguration(environment: variables())
        } catch {
            throw StripeTestSetupError("Stripe is not configured (\(error)); run scripts/services.sh start")
        }
        guard configuration.apiBase != StripeConfiguration.defaultAPIBase else {
            throw StripeTestSetupError("STRIPE_API_BASE is not set: these tests only run against a local localstripe")
        }
        configuration.requestTimeout = .seconds(10)
        var request = URLRequest(url: configuration.apiBase.appendingPathComponent("v1/customers"), timeoutInterval: 3)
        request.setValue("Bearer \(configuration.secretKey)", forHTTPHeaderField: "Authorization")
        do {
            _ = try await URLSession.shared.data(for: request)
        } catch {
            throw StripeTestSetupError(
                "localstripe does not answer at \(configuration.apiBase) (\(error.localizedDescription)); "
                    + "run scripts/services.sh start")
        }
        return configuration
    }

    /// Runs `python -c script` with `input` as JSON on stdin; returns its JSON output
    /// (the S3 tests' runner: one place that starts Python for tests).
    static func runPython(_ script: String, input: [String: Any]) throws -> [String: Any] {
        try S3TestEnvironment.runPython(script, input: input)
    }
}

/// A fake Stripe on 127.0.0.1 (Python's `http.server`), for what the real one will not do
/// on demand: fail twice then succeed, stall, refuse. Paths (all answers JSON):
/// - `/v1/flaky/<n>[/<status>]`: `<status>` (503) the first n times, then 200
/// - `/v1/status/<code>[/<error code>]`: always `<code>` with a Stripe error object
/// - `/v1/advice/<code>/<true|false>`: `<code>` with `Stripe-Should-Retry`, then 200 the second time
/// - `/v1/slow/<seconds>`: answers after that long
/// - `/v1/echo`: 200 with what was received
/// - `/_requests`: every request so far (method, path, headers, body), not itself recorded
final class FakeStripeServer {
    let process: Process
    let port: Int
    /// Closing it stops the server (Foundation's `terminate()` sends SIGTERM, which the
    /// children it starts on Linux may have blocked).
    private let stdin = Pipe()

    static let script = #"""
        import json, os, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        # Exit when the test process closes stdin (or dies), so no server outlives its test.
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()

        lock = threading.Lock()
        requests = []
        counts = {}

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args): pass

            def answer(self, status, body, headers=()):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers: self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def error(self, status, code=None, headers=()):
                err = {"type": "api_error" if status >= 500 else "invalid_request_error", "message": "fake %d" % status}
                if code: err["code"] = code
                self.answer(status, {"error": err}, headers)

            def handle_any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                if self.path == "/_requests":
                    with lock: return self.answer(200, {"requests": list(requests)})
                with lock:
                    requests.append({"method": self.command, "path": self.path, "body": body,
                                     "headers": {k.lower(): v for k, v in self.headers.items()}})
                    counts[self.path] = counts.get(self.path, 0) + 1
                    count = counts[self.path]
                parts = self.path.split("?")[0].strip("/").split("/")
                kind = parts[1] if len(parts) > 1 else ""
                if kind == "flaky":
                    failures = int(parts[2]); status = int(parts[3]) if len(parts) > 3 else 503
                    if count <= failures:
                        return self.error(status, "lock_timeout" if status == 409 else None)
                    return self.answer(200, {"id": "obj_1", "object": "thing", "attempt": count})
                if kind == "status":
                    return self.error(int(parts[2]), parts[3] if len(parts) > 3 else None)
                if kind == "advice":
                    if count == 1:
                        return self.error(int(parts[2]), None, [("Stripe-Should-Retry", parts[3])])
                    return self.answer(200, {"id": "obj_1", "object": "thing", "attempt": count})
                if kind == "slow":
                    time.sleep(float(parts[2]))
                    return self.answer(200, {"id": "obj_slow", "object": "thing", "attempt": count})
                if kind == "echo":
                    return self.answer(200, {"id": "obj_echo", "object": "thing", "attempt": count})
                self.error(404, "resource_missing")

            do_GET = handle_any
            do_POST = handle_any

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    init() throws {
        process = Process()
        process.executableURL = try StripeTestEnvironment.checkedPython()
        process.arguments = ["-c", Self.script]
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is the port the server bound.
        guard let port = firstLinePort(stdout) else {
            process.terminate()
            throw StripeTestSetupError(
                "the fake Stripe server did not start (python: \(StripeTestEnvironment.python.path))")
        }
        self.port = port
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    struct Recorded: Decodable {
        var method: String
        var path: String
        var body: String
        var headers: [String: String]
    }

    /// The requests the server received, in order, optionally only those to `path`.
    func requests(path: String? = nil) async throws -> [Recorded] {
        struct List: Decodable { var requests: [Recorded] }
        let (data, _) = try await URLSession.shared.data(from: baseURL.appendingPathComponent("_requests"))
        let all = try JSONDecoder().decode(List.self, from: data).requests
        return path.map { path in all.filter { $0.path == path } } ?? all
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
    }

    deinit { stop() }
}

/// The test environment lacks a service or tool that `make test` provides.
struct StripeTestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` and returns the StripeError it throws; fails the test when it throws none or another error.
func expectStripeError(
    file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> Void
) async -> StripeError? {
    do {
        try await body()
        XCTFail("expected a StripeError, got success", file: file, line: line)
    } catch let error as StripeError {
        return error
    } catch {
        XCTFail("expected a StripeError, got \(error)", file: file, line: line)
    }
    return nil
}

/// Some object with an id (the fake server's answers).
struct StripeThing: Decodable, Equatable {
    var id: String
    var object: String?
    var attempt: Int?
}

/// The port a test server prints as its first line, or nil when it ends without one.
func firstLinePort(_ stdout: Pipe) -> Int? {
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
        let chunk = stdout.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        line.append(chunk)
    }
    return Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
}
