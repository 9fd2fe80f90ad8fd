import Foundation
import XCTest
@testable import Server

/// The transports against clients written elsewhere: Python's gql (WebsocketsTransport,
/// graphql-transport-ws) and httpx with httpx-sse, from the project's virtual environment
/// (scripts/install.sh installs them from scripts/requirements.txt).
final class GraphQLRealClientTests: XCTestCase {
    static let clients = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("clients")

    /// `PYTHON_VENV` (scripts/test.sh sets it), else the repository's `.venv`.
    static var python: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let venv = ProcessInfo.processInfo.environment["PYTHON_VENV"].map { URL(fileURLWithPath: $0) }
            ?? root.appendingPathComponent(".venv")
        return venv.appendingPathComponent("bin/python")
    }

    /// Runs a client script; its output lines.
    static func run(_ script: String, _ arguments: [String]) async throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: Self.python.path) else {
            XCTFail("No Python at \(Self.python.path): run scripts/install.sh")
            return []
        }
        let process = Process()
        process.executableURL = Self.python
        process.arguments = [Self.clients.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // Read both pipes while the script runs: a full pipe would block it.
        let outData = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
        let errData = Task.detached { errors.fileHandleForReading.readDataToEndOfFile() }
        try process.run()
        let out = String(decoding: await outData.value, as: UTF8.self)
        let err = String(decoding: await errData.value, as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(script) failed:\n\(err)\n\(out)")
        return out.split(separator: "\n").map(String.init)
    }

    func testGQLWebsocketsTransport() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            let lines = try await Self.run("gql_ws_client.py", ["ws://127.0.0.1:\(port)/graphql"])
            XCTAssertEqual(lines.count, 9, lines.joined(separator: "\n"))
            guard lines.count == 9 else { return }
            XCTAssertEqual(lines[0], #"{"query": {"hello": "world"}}"#)
            XCTAssertEqual(Array(lines[1...3]), (1...3).map { #"{"next": {"count": \#($0)}}"# })
            XCTAssertEqual(lines[4], #"{"whoami": {"whoami": "py-token"}}"#)
            XCTAssertTrue(lines[5].hasPrefix(#"{"error": [{"extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}"#), lines[5])
            XCTAssertEqual(lines[6], #"{"subprotocol": "graphql-transport-ws"}"#)
            // gql's default offer (legacy graphql-ws first): the server still picks ours.
            XCTAssertEqual(lines[7], #"{"next": {"whoami": null}}"#)
            XCTAssertEqual(lines[8], #"{"subprotocol": "graphql-transport-ws"}"#)
        }
    }

    func testHTTPXServerSentEvents() async throws {
        try await withSubscriptionServer(probe: SourceProbe()) { port in
            let url = "http://127.0.0.1:\(port)/graphql"
            let lines = try await Self.run("sse_client.py", [url, "subscription { count(to: 2) }"])
            XCTAssertEqual(lines, [
                #"{"status": 200, "contentType": "text/event-stream; charset=utf-8"}"#,
                #"{"data": {"data": {"count": 1}}, "event": "next"}"#,
                #"{"data": {"data": {"count": 2}}, "event": "next"}"#,
                #"{"data": null, "event": "complete"}"#,
            ])
            let errors = try await Self.run("sse_client.py", [url, "subscription { nope }"])
            XCTAssertEqual(errors.count, 3, errors.joined(separator: "\n"))
            XCTAssertTrue(errors.dropFirst().first?.contains("GRAPHQL_VALIDATION_FAILED") ?? false, errors.joined(separator: "\n"))
            XCTAssertEqual(errors.last, #"{"data": null, "event": "complete"}"#)
        }
    }
}
