import Foundation
import GraphQLEngine
import Hummingbird
import HummingbirdTesting
import NIOCore
import Resolvers
import XCTest
@testable import Server

/// `/readyz`, `/metrics` (read by Prometheus's own text parser), request ids and CORS.
final class OperationsTests: XCTestCase {
    func testReadyWhenMigrationsAreCurrent() async throws {
        let configuration = try TestSettings.configuration()
        let database = try Database(url: configuration.databaseURL, logger: TestSettings.logger)
        _ = try await database.run { client in
            try await Migrator(client: client, logger: TestSettings.logger).migrate(try Migration.bundled())
        }
        let app = try buildApplication(configuration: configuration, logger: TestSettings.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(String(buffer: response.body), #"{"status":"ok","database":"ok","migrations":"current"}"#)
            }
        }
    }

    func testNotReadyWithoutADatabase() async throws {
        var configuration = try TestSettings.configuration()
        configuration.databaseURL = try DatabaseURL("postgres://nobody:x@127.0.0.1:1/none")
        let app = try buildApplication(configuration: configuration, logger: TestSettings.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                XCTAssertEqual(response.status, .serviceUnavailable)
            }
        }
    }

    func testMetricsInPrometheusTextFormat() async throws {
        let metrics = ServerMetrics()
        let service = GraphQLService(
            executable: ExecutableSchema(
                schema: try buildSchema("type Query { a: Int b: Int! }"),
                resolvers: ["Query": ["a": .sync { _, _, _, _ in 1 }, "b": .sync { _, _, _, _ in nil }]]),
            settings: GraphQLSettings(), metrics: metrics) { caller, _ in caller }
        let app = try buildApplication(
            configuration: try TestSettings.configuration(), logger: TestSettings.logger, graphQL: service)
        let exposition = try await app.test(.live) { client -> String in
            for body in [#"{"query":"query Q { a }"}"#, #"{"query":"query Q { a }"}"#, #"{"query":"query R { b }"}"#,
                         #"{"query":"{ nope }"}"#]
            {
                _ = try await client.execute(
                    uri: "/graphql", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body)) { _ in }
            }
            return try await client.execute(uri: "/metrics", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") ?? false)
                return String(buffer: response.body)
            }
        }
        let samples = try PrometheusParser.parse(exposition)
        XCTAssertEqual(samples[#"graphql_requests_total{operation="Q",outcome="ok"}"#], 2, exposition)
        XCTAssertEqual(samples[#"graphql_requests_total{operation="R",outcome="errors"}"#], 1, exposition)
        XCTAssertEqual(samples[#"graphql_requests_total{operation="anonymous",outcome="rejected"}"#], 1, exposition)
        XCTAssertEqual(samples[#"graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}"#], 1, exposition)
        XCTAssertEqual(samples[#"graphql_errors_total{code="INTERNAL_SERVER_ERROR"}"#], 1, exposition)
        XCTAssertEqual(samples[#"graphql_request_duration_seconds_count{operation="Q"}"#], 2, exposition)
        XCTAssertEqual(samples["graphql_subscriptions_active"], 0, exposition)
        XCTAssertEqual(samples["graphql_websocket_connections"], 0, exposition)
        XCTAssertEqual(samples["db_queries_in_flight"], 0, exposition)
        XCTAssertEqual(samples["db_pool_connections_max"], 20, exposition)
    }

    func testRequestIDsAreEchoedOrGenerated() async throws {
        let app = try buildApplication(configuration: try TestSettings.configuration(), logger: TestSettings.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get, headers: [RequestIDMiddleware<BasicRequestContext>.headerName: "abc-123"]) {
                XCTAssertEqual($0.headers[RequestIDMiddleware<BasicRequestContext>.headerName], "abc-123")
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [RequestIDMiddleware<BasicRequestContext>.headerName: "bad id\u{7}"]) {
                let id = $0.headers[RequestIDMiddleware<BasicRequestContext>.headerName] ?? ""
                XCTAssertEqual(id.count, 36, id)
            }
        }
    }

    func testCORSForConfiguredOrigins() async throws {
        var configuration = try TestSettings.configuration()
        configuration.corsOrigins = ["https://shop.example"]
        let app = try buildApplication(configuration: configuration, logger: TestSettings.logger)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/graphql", method: .options,
                headers: [.origin: "https://shop.example", .accessControlRequestMethod: "POST"]
            ) { response in
                XCTAssertEqual(response.status, .noContent)
                XCTAssertEqual(response.headers[.accessControlAllowOrigin], "https://shop.example")
                XCTAssertEqual(response.headers[.accessControlAllowCredentials], "true")
                XCTAssertTrue(response.headers[.accessControlAllowHeaders]?.contains("authorization") ?? false)
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [.origin: "https://evil.example"]) {
                XCTAssertNil($0.headers[.accessControlAllowOrigin])
            }
            try await client.execute(uri: "/metrics", method: .get, headers: [.origin: "https://shop.example"]) {
                XCTAssertEqual($0.headers[.accessControlAllowOrigin], "https://shop.example")
            }
        }
    }
}

/// Parses the Prometheus text format with Prometheus's own Python client
/// (`prometheus_client.parser`, installed in `.venv` by scripts/install.sh).
enum PrometheusParser {
    /// Samples by `name{label="value",...}` (labels sorted), or `name` without labels.
    static func parse(_ text: String) throws -> [String: Double] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python").path
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            out = {}
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    labels = ",".join('%s="%s"' % (k, v) for k, v in sorted(s.labels.items()))
                    out[s.name + ("{" + labels + "}" if labels else "")] = s.value
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "prometheus", code: Int(process.terminationStatus), userInfo: [
                NSLocalizedDescriptionKey: "the Prometheus parser rejected /metrics: " + String(decoding: stderr, as: UTF8.self),
            ])
        }
        return try JSONSerialization.jsonObject(with: data) as? [String: Double] ?? [:]
    }
}

/// The JSON log lines.
final class JSONLogHandlerTests: XCTestCase {
    func testALineIsOneJSONObjectWithTheMetadata() throws {
        var handler = JSONLogHandler(label: "marketplace")
        handler[metadataKey: "request_id"] = "abc"
        let line = handler.render(
            .info, "request", ["status": "200", "path": .string("/graphql\"x"), "tags": .array(["a", "b"])],
            now: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(line.last, UInt8(ascii: "\n"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.dropLast())) as? [String: Any])
        XCTAssertEqual(object["level"] as? String, "info")
        XCTAssertEqual(object["message"] as? String, "request")
        XCTAssertEqual(object["request_id"] as? String, "abc")
        XCTAssertEqual(object["path"] as? String, "/graphql\"x")
        XCTAssertEqual(object["tags"] as? [String], ["a", "b"])
        XCTAssertEqual(object["time"] as? String, "1970-01-01T00:00:00.000Z")
    }
}
