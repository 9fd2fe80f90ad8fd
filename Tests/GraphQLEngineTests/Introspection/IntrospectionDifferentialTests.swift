// The introspection resolvers through the real executor against graphql-js 16.11 (Debian's
// 16.6 with the conformance oracle's ports of @oneOf and `__Type.isOneOf`): the queries and
// schemas of `IntrospectionDifferentialRuns` (graphql-js 16.11's `getIntrospectionQuery` with every
// option on, including `oneOf`; a query selecting every introspection field with and without
// `includeDeprecated`; small `__type` queries), each executed twice on one prepared document
// (the second run reuses the cached plans), must give graphql-js's response text exactly.

import XCTest
@testable import GraphQLEngine

final class IntrospectionDifferentialTests: XCTestCase {
    /// Our response written as the oracle writes graphql-js's: `{"data":...,"errors":[...]}`.
    private func responseText(_ result: ExecutionResult) -> String {
        var writer = JSONWriter()
        writer.writeASCII("{")
        if result.hasData {
            writer.writeASCII("\"data\":")
            result.writeData(into: &writer)
        }
        if !result.errors.isEmpty {
            if result.hasData { writer.writeASCII(",") }
            writer.writeASCII("\"errors\":")
            result.writeErrors(into: &writer)
        }
        writer.writeASCII("}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func testIntrospectionThroughTheExecutorMatchesGraphQLJS() async throws {
        let runs = IntrospectionDifferentialRuns.differentialRuns()
        guard let theirs = try IntrospectionDifferentialRuns.graphQLJSAnswers(runs) else { return }
        XCTAssertEqual(theirs.count, runs.count)

        var failures: [String] = []
        for (run, expected) in zip(runs, theirs) {
            let schema = try buildSchema(run.sdl)
            let prepared = PreparedDocument(executable: ExecutableSchema(schema: schema), document: try parse(run.query))
            for attempt in ["first run", "cached plans"] {
                let ours = responseText(await execute(prepared: prepared))
                if ours != expected { failures.append("\(run.label) (\(attempt)): \(firstDifference(expected, ours))") }
            }
        }
        print("introspection through the executor: \(2 * runs.count - failures.count)/\(2 * runs.count) identical")
        if !failures.isEmpty { XCTFail(failures.prefix(5).joined(separator: "\n\n")) }
    }

    /// Introspection ignores the root value and the context: a root value with a
    /// `__schema` entry, or any context, changes nothing.
    func testRootValueAndContextAreIgnored() async throws {
        let schema = try buildSchema(IntrospectionResolversTests.sdl)
        let prepared = PreparedDocument(executable: ExecutableSchema(schema: schema), document: try parse(fullIntrospectionQuery))
        let plain = responseText(await execute(prepared: prepared))
        let withRoot = responseText(
            await execute(prepared: prepared, rootValue: ["__schema": "not a schema"] as [String: String], context: 42))
        XCTAssertEqual(plain, withRoot)
        XCTAssertFalse(plain.contains("\"errors\""))
    }
}
