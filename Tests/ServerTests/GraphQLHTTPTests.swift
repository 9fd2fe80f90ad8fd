import Foundation
import GraphQLEngine
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
@testable import Server

/// GraphQL over HTTP at `/graphql`, over a real socket: media types, methods, status
/// codes, persisted queries, limits.
final class GraphQLHTTPTests: XCTestCase {
    static let sdl = """
        type Query { hello(name: String = "world"): String! echo(n: Int!): Int! deep: Deep items(first: Int): [Int!]! }
        type Deep { deep: Deep value: Int }
        type Mutation { bump: Int! }
        type Subscription { ticks: Int! }
        """

    static func service(settings: GraphQLSettings = GraphQLSettings()) throws -> GraphQLService {
        let executable = ExecutableSchema(
            schema: try buildSchema(sdl),
            resolvers: [
                "Query": [
                    "hello": .sync { _, args, _, _ in "hello \(args["name"]?.stringValue ?? "?")" },
                    "echo": .sync { _, args, _, _ in if case .int(let n)? = args["n"] { n } else { nil } },
                    "deep": .sync { _, _, _, _ in 1 },
                    "items": .sync { _, _, _, _ in [1, 2, 3] },
                ],
                "Deep": ["deep": .sync { p, _, _, _ in p }, "value": .sync { p, _, _, _ in p }],
                "Mutation": ["bump": .sync { _, _, _, _ in 1 }],
                "Subscription": ["ticks": .sync { e, _, _, _ in e }],
            ])
        return GraphQLService(executable: executable, settings: settings) { caller, _ in caller }
    }

    func withServer(
        settings: GraphQLSettings = GraphQLSettings(), _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = try buildApplication(
            configuration: try TestSettings.configuration(), logger: TestSettings.logger,
            graphQL: try Self.service(settings: settings))
        try await app.test(.live) { client in try await body(client) }
    }

    static func post(
        _ client: any TestClientProtocol, _ body: String, accept: String? = "application/graphql-response+json",
        contentType: String? = "application/json"
    ) async throws -> (HTTPResponse.Status, String, String) {
        var headers: HTTPFields = [:]
        if let accept { headers[.accept] = accept }
        if let contentType { headers[.contentType] = contentType }
        return try await client.execute(
            uri: "/graphql", method: .post, headers: headers, body: ByteBuffer(string: body)
        ) { response in
            (response.status, response.headers[.contentType] ?? "", String(buffer: response.body))
        }
    }

    static func get(_ client: any TestClientProtocol, _ query: String, accept: String? = nil) async throws
        -> (HTTPResponse.Status, HTTPFields, String)
    {
        var headers: HTTPFields = [:]
        if let accept { headers[.accept] = accept }
        return try await client.execute(uri: "/graphql?" + query, method: .get, headers: headers) { response in
            (response.status, response.headers, String(buffer: response.body))
        }
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }

    func testPostWithBothMediaTypes() async throws {
        try await withServer { client in
            let (status, type, body) = try await Self.post(client, #"{"query":"{ hello }"}"#)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(type, "application/graphql-response+json; charset=utf-8")
            XCTAssertEqual(body, #"{"data":{"hello":"hello world"}}"#)
            let (s2, t2, b2) = try await Self.post(
                client, #"{"query":"query Q($n: Int!) { echo(n: $n) }","variables":{"n":7},"operationName":"Q","extensions":null}"#,
                accept: "application/json")
            XCTAssertEqual(s2, .ok)
            XCTAssertEqual(t2, "application/json; charset=utf-8")
            XCTAssertEqual(b2, #"{"data":{"echo":7}}"#)
            // No Accept, */*: JSON.
            let (_, t3, _) = try await Self.post(client, #"{"query":"{ hello }"}"#, accept: nil)
            XCTAssertEqual(t3, "application/json; charset=utf-8")
            let (_, t4, _) = try await Self.post(client, #"{"query":"{ hello }"}"#, accept: "*/*")
            XCTAssertEqual(t4, "application/json; charset=utf-8")
        }
    }

    func testRequestErrorsAre400WithoutDataForGraphQLResponseJSONAnd200ForJSON() async throws {
        try await withServer { client in
            for (body, code) in [
                (#"{"query":"{"}"#, "GRAPHQL_PARSE_FAILED"),
                (#"{"query":"{ nope }"}"#, "GRAPHQL_VALIDATION_FAILED"),
                (#"{"query":"query($n: Int!) { echo(n: $n) }","variables":{"n":"x"}}"#, "BAD_USER_INPUT"),
            ] {
                let (status, _, text) = try await Self.post(client, body)
                XCTAssertEqual(status, .badRequest, body)
                XCTAssertFalse(text.contains("\"data\""), text)
                XCTAssertTrue(text.contains(#""code":"\#(code)""#), text)
                let (jsonStatus, _, jsonText) = try await Self.post(client, body, accept: "application/json")
                XCTAssertEqual(jsonStatus, .ok, body)
                XCTAssertTrue(jsonText.contains(#""code":"\#(code)""#), jsonText)
            }
        }
    }

    func testMalformedRequests() async throws {
        try await withServer { client in
            for body in [#"{ "not json"#, "[]", #"{"query": 1}"#, #"{"query":"{ hello }","variables":"x"}"#,
                         #"{"query":"{ hello }","operationName":false}"#, #"{"query":"{ hello }","extensions":[]}"#,
                         #"{"qeury":"{ hello }"}"#, ""]
            {
                let (status, _, text) = try await Self.post(client, body)
                XCTAssertEqual(status, .badRequest, body)
                XCTAssertTrue(text.hasPrefix(#"{"errors":[{"message":"#), text)
            }
        }
    }

    func testContentTypeAcceptAndBodyLimit() async throws {
        var settings = GraphQLSettings()
        settings.maxBodyBytes = 100
        try await withServer(settings: settings) { client in
            let (noType, _, _) = try await Self.post(client, #"{"query":"{ hello }"}"#, contentType: nil)
            XCTAssertEqual(noType, .unsupportedMediaType)
            let (text, _, _) = try await Self.post(client, #"{"query":"{ hello }"}"#, contentType: "text/plain")
            XCTAssertEqual(text, .unsupportedMediaType)
            let (latin1, _, _) = try await Self.post(
                client, #"{"query":"{ hello }"}"#, contentType: "application/json; charset=iso-8859-1")
            XCTAssertEqual(latin1, .unsupportedMediaType)
            let (utf8, _, _) = try await Self.post(
                client, #"{"query":"{ hello }"}"#, contentType: "application/json; charset=utf-8")
            XCTAssertEqual(utf8, .ok)
            let (xml, _, _) = try await Self.post(client, #"{"query":"{ hello }"}"#, accept: "application/xml")
            XCTAssertEqual(xml, .notAcceptable)
            let big = #"{"query":"{ hello }","variables":{"pad":""# + String(repeating: "x", count: 200) + #""}}"#
            let (tooLarge, _, _) = try await Self.post(client, big)
            XCTAssertEqual(tooLarge, .contentTooLarge)
        }
    }

    func testGetRunsQueriesOnly() async throws {
        try await withServer { client in
            let q = Self.encode("query($n: Int!) { echo(n: $n) }")
            let (status, _, body) = try await Self.get(client, "query=\(q)&variables=\(Self.encode(#"{"n":3}"#))")
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(body, #"{"data":{"echo":3}}"#)
            let (mutation, headers, _) = try await Self.get(
                client, "query=\(Self.encode("mutation { bump }"))", accept: "application/graphql-response+json")
            XCTAssertEqual(mutation, .methodNotAllowed)
            XCTAssertEqual(headers[.allow], "POST")
            let (post, _, bump) = try await Self.post(client, #"{"query":"mutation { bump }"}"#)
            XCTAssertEqual(post, .ok)
            XCTAssertEqual(bump, #"{"data":{"bump":1}}"#)
        }
    }

    func testAutomaticPersistedQueries() async throws {
        try await withServer { client in
            let query = "{ hello(name: \\\"apq\\\") }"
            let text = "{ hello(name: \"apq\") }"
            let hash = GraphQLService.sha256Hex(text)
            let ext = #"{"persistedQuery":{"version":1,"sha256Hash":"\#(hash)"}}"#
            // Unknown hash: PERSISTED_QUERY_NOT_FOUND.
            let (s1, _, b1) = try await Self.post(client, #"{"extensions":\#(ext)}"#, accept: "application/json")
            XCTAssertEqual(s1, .ok)
            XCTAssertTrue(b1.contains("PERSISTED_QUERY_NOT_FOUND"), b1)
            // Hash with the text registers it; then the hash alone works, over GET too.
            let (s2, _, b2) = try await Self.post(client, #"{"query":"\#(query)","extensions":\#(ext)}"#)
            XCTAssertEqual(s2, .ok)
            XCTAssertEqual(b2, #"{"data":{"hello":"hello apq"}}"#)
            let (s3, _, b3) = try await Self.post(client, #"{"extensions":\#(ext)}"#)
            XCTAssertEqual(s3, .ok)
            XCTAssertEqual(b3, #"{"data":{"hello":"hello apq"}}"#)
            let (s4, _, b4) = try await Self.get(client, "extensions=\(Self.encode(ext))")
            XCTAssertEqual(s4, .ok)
            XCTAssertEqual(b4, #"{"data":{"hello":"hello apq"}}"#)
            // A hash that does not match the text: 400.
            let wrong = #"{"persistedQuery":{"version":1,"sha256Hash":"\#(String(repeating: "0", count: 64))"}}"#
            let (s5, _, b5) = try await Self.post(client, #"{"query":"{ hello }","extensions":\#(wrong)}"#, accept: "application/json")
            XCTAssertEqual(s5, .badRequest)
            XCTAssertTrue(b5.contains("provided sha does not match query"), b5)
        }
    }

    func testRepeatedQueriesAreParsedOnce() async throws {
        let service = try Self.service()
        for _ in 0..<3 { _ = service.document(query: "{ hello }", persistedHash: nil) }
        XCTAssertEqual(service.documents.count, 1)
        guard case .found(let a) = service.document(query: "{ hello }", persistedHash: nil),
            case .found(let b) = service.document(query: "{ hello }", persistedHash: nil),
            case .ready(let pa) = a.state, case .ready(let pb) = b.state
        else { return XCTFail("not found") }
        XCTAssertTrue(pa === pb, "the cached prepared document is reused")
    }

    func testLimitsAndIntrospectionSwitch() async throws {
        var settings = GraphQLSettings()
        settings.limits = QueryLimits(maxDepth: 3)
        settings.introspection = false
        settings.maxTokens = 40
        try await withServer(settings: settings) { client in
            let (deep, _, body) = try await Self.post(client, #"{"query":"{ deep { deep { deep { value } } } }"}"#)
            XCTAssertEqual(deep, .badRequest)
            XCTAssertTrue(body.contains("QUERY_TOO_COMPLEX"), body)
            let (intro, _, ibody) = try await Self.post(client, #"{"query":"{ __schema { queryType { name } } }"}"#)
            XCTAssertEqual(intro, .badRequest)
            XCTAssertTrue(ibody.contains("introspection has been disabled"), ibody)
            let many = "{ " + String(repeating: "hello ", count: 50) + "}"
            let (tokens, _, tbody) = try await Self.post(client, #"{"query":"\#(many)"}"#)
            XCTAssertEqual(tokens, .badRequest)
            XCTAssertTrue(tbody.contains("Document contains more than 40 tokens"), tbody)
        }
    }

    func testRequestTimeout() async throws {
        var settings = GraphQLSettings()
        settings.timeout = .milliseconds(50)
        let executable = ExecutableSchema(
            schema: try buildSchema("type Query { slow: Int }"),
            resolvers: ["Query": ["slow": .async { _, _, _, _ in
                try await Task.sleep(for: .seconds(5))
                return 1
            }]])
        let service = GraphQLService(executable: executable, settings: settings) { caller, _ in caller }
        let start = ContinuousClock.now
        guard case .found(let doc) = service.document(query: "{ slow }", persistedHash: nil),
            case .ready(let prepared) = doc.state
        else { return XCTFail("not prepared") }
        let result = await service.execute(
            prepared, operationName: nil, variables: [:], caller: CallerInfo(bearerToken: nil, requestID: "t"))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
        XCTAssertEqual(result.errors.first?.extensions?["code"], "INTERNAL_SERVER_ERROR")
    }
}

/// Internal errors never reach the client: a resolver's non-GraphQL error is answered as
/// `INTERNAL_SERVER_ERROR` without its message; GraphQLErrors keep theirs.
final class ErrorMaskingTests: XCTestCase {
    struct DatabaseDown: Error, CustomStringConvertible {
        var description: String { "connection refused to 10.0.0.5:5432 (password=hunter2)" }
    }

    func testInternalErrorsAreMasked() async throws {
        let executable = ExecutableSchema(
            schema: try buildSchema("type Query { secret: Int public: Int }"),
            resolvers: ["Query": [
                "secret": .sync { _, _, _, _ in throw DatabaseDown() },
                "public": .sync { _, _, _, _ in
                    throw GraphQLError(message: "Listing not found.", extensions: ["code": "NOT_FOUND"])
                },
            ]])
        let service = GraphQLService(executable: executable, settings: GraphQLSettings()) { caller, _ in caller }
        let app = try buildApplication(
            configuration: try TestSettings.configuration(), logger: TestSettings.logger, graphQL: service)
        try await app.test(.live) { client in
            let (status, _, body) = try await GraphQLHTTPTests.post(client, #"{"query":"{ secret public }"}"#)
            XCTAssertEqual(status, .ok)
            XCTAssertFalse(body.contains("hunter2"), body)
            XCTAssertEqual(
                body,
                #"{"errors":[{"message":"Internal server error","locations":[{"line":1,"column":3}],"path":["secret"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"Listing not found.","locations":[{"line":1,"column":10}],"path":["public"],"extensions":{"code":"NOT_FOUND"}}],"data":{"secret":null,"public":null}}"#)
        }
    }
}
