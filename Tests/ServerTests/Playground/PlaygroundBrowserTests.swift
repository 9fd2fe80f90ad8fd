import Foundation
import GraphQLEngine
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import Server

/// The playground in a real browser: serves a test schema on a free port and runs
/// `Tests/Browser/playground_test.py` (headless Chromium through Selenium) against it,
/// which types and runs a query, checks completion and errors, runs a subscription and
/// saves screenshots to `.data/screenshots/` (or `PLAYGROUND_SCREENSHOT_DIR`).
///
/// Needs Debian's `chromium` and `chromium-driver` and the virtual environment's
/// `selenium` (all installed by `scripts/install.sh`). It always runs: `make test` installs what it needs.
final class PlaygroundBrowserTests: XCTestCase {
    /// Whether the server under test answers graphql-transport-ws at `/graphql` (it does):
    /// a subscription that cannot run is then a failure. With `false` the script skips the
    /// subscription half, saying why, when the WebSocket upgrade is refused.
    static let subscriptionsServed = true

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let sdl = """
        "The browser test's schema."
        type Query {
          "Greets someone."
          hello(name: String = "world"): String!
          items(first: Int = 3): [Item!]!
          "The bearer token the request came with."
          whoami: String
        }
        "A thing for sale."
        type Item { id: ID! title: String! }
        type Subscription {
          "Counts from 1 to `count`, one number every 100 ms."
          ticks(count: Int = 3): Int!
        }
        """

    static func service() throws -> GraphQLService {
        let executable = ExecutableSchema(
            schema: try buildSchema(sdl),
            resolvers: [
                "Query": [
                    "hello": .sync { _, args, _, _ in "hello \(args["name"]?.stringValue ?? "?")" },
                    "whoami": .sync { _, _, context, _ in (context as? CallerInfo)?.bearerToken },
                    "items": .sync { _, args, _, _ in
                        if case .int(let n)? = args["first"] { Array(1...max(1, min(n, 100))) } else { [1] }
                    },
                ],
                "Item": [
                    "id": .sync { p, _, _, _ in (p as? Int).map(String.init) },
                    "title": .sync { p, _, _, _ in (p as? Int).map { "Item \($0)" } },
                ],
                "Subscription": ["ticks": .sync { event, _, _, _ in event }],
            ],
            subscribers: [
                "ticks": { _, args, _, _ in
                    let count: Int = if case .int(let n)? = args["count"] { max(0, min(n, 100)) } else { 3 }
                    return AsyncThrowingStream { continuation in
                        let task = Task {
                            for tick in 0..<count {
                                try await Task.sleep(for: .milliseconds(100))
                                continuation.yield(tick + 1)
                            }
                            continuation.finish()
                        }
                        continuation.onTermination = { _ in task.cancel() }
                    }
                }
            ])
        return GraphQLService(executable: executable, settings: GraphQLSettings()) { caller, _ in caller }
    }

    func testThePlaygroundInChromium() async throws {
        let python = try Self.python()
        for (path, package) in [("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            XCTFail("\(path) is missing: install Debian's \(package) (scripts/install.sh does)")
            return
        }
        let screenshots = ProcessInfo.processInfo.environment["PLAYGROUND_SCREENSHOT_DIR"]
            ?? Self.root.appendingPathComponent(".data/screenshots").path

        let app = try buildApplication(
            configuration: try TestSettings.configuration(), logger: TestSettings.logger, graphQL: try Self.service())
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            var arguments = [
                Self.root.appendingPathComponent("Tests/Browser/playground_test.py").path,
                "--url", "http://localhost:\(port)", "--screenshot-dir", screenshots,
            ]
            if Self.subscriptionsServed { arguments.append("--require-subscription") }
            let (status, output) = try await Self.run(python, arguments, timeout: .seconds(180))
            print(output)
            let summary = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            XCTAssertEqual(status, 0, "the browser test failed: \(summary?["error"] ?? output)")
            XCTAssertEqual(summary?["ok"] as? Bool, true)
            if let subscription = summary?["subscription"] as? [String: Any], let reason = subscription["skipped"] {
                print("note: the playground's subscription check was skipped: \(reason)")
            }
            if let screenshot = summary?["screenshot"] { print("screenshot: \(screenshot)") }
        }
    }

    /// The schema's subscription itself, whatever the transport: the browser test relies on it.
    func testTheTestSchemaTicks() async throws {
        let service = try Self.service()
        guard case .found(let document) = service.document(query: "subscription { ticks(count: 2) }", persistedHash: nil),
            case .ready(let prepared) = document.state
        else { return XCTFail("the subscription does not validate") }
        let result = await service.subscribe(
            prepared, operationName: nil, variables: [:], caller: CallerInfo(bearerToken: nil, requestID: "t"))
        guard case .stream(let stream) = result else { return XCTFail("no stream: \(result)") }
        var events: [String] = []
        for try await event in stream { events.append(String(decoding: event.json(), as: UTF8.self)) }
        XCTAssertEqual(events, [#"{"data":{"ticks":1}}"#, #"{"data":{"ticks":2}}"#])
    }

    /// The virtual environment's Python (`PYTHON_VENV`, set by scripts/test.sh, or `.venv`).
    static func python() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let venv = environment["PYTHON_VENV"] ?? root.appendingPathComponent(".venv").path
        let python = venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            XCTFail("no Python virtual environment at \(venv): run scripts/install.sh (it installs selenium)")
            throw CocoaError(.fileNoSuchFile)
        }
        return python
    }

    /// Runs a process without blocking a thread of the concurrency pool (the server under
    /// test needs them); its standard error passes through; ended after `timeout`.
    static func run(_ executable: String, _ arguments: [String], timeout: Duration) async throws -> (Int32, String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("playground-\(UUID().uuidString).json")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.standardError
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            let running = RunningProcess(process)
            Task {
                try? await Task.sleep(for: timeout)
                running.terminate()
            }
        }
        return (status, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}

/// A started process, for the watchdog task. `Process` is not `Sendable`, but `isRunning`
/// and `terminate()` only read its state and send a signal, which is safe from any thread.
private final class RunningProcess: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
    func terminate() { if process.isRunning { process.terminate() } }
}
