import Foundation
import GraphQL
import GraphQLEngine

/// execute-*: one operation of a parsed and validated document (both outside the timed
/// loop) against `schema.graphql` with the data of `BenchData`, the response serialized
/// to JSON text in every operation. Ours reuses one `PreparedDocument` (the document as a
/// server caches it with its validation); GraphQLSwift's and graphql-js's `execute` take
/// the document.
///
/// Check: the response's JSON byte count (the three engines write the same bytes for
/// list and nested); for introspection, `BenchData.introspectionCount` of the response.
enum ExecuteBenchmarks: BenchmarkGroup {
    static func benchmarks(_ workloads: Workloads) throws -> [Benchmark] {
        [
            try execute("execute-introspection", file: "introspection.graphql", workloads, introspection: true),
            try execute("execute-list", file: "list.graphql", workloads),
            try execute("execute-nested", file: "nested.graphql", workloads),
        ]
    }

    private static func execute(
        _ name: String, file: String, _ workloads: Workloads, introspection: Bool = false
    ) throws -> Benchmark {
        let schemaText = try workloads.text("schema.graphql")
        let text = try workloads.text(file)
        return Benchmark(
            name: name,
            unit: .perSecond("executions/s"),
            asyncOurs: {
                let executable = try BenchData.oursExecutable(schemaText)
                let document = try GraphQLEngine.parse(text)
                let errors = GraphQLEngine.validate(schema: executable.schema, document: document)
                guard errors.isEmpty else { throw ResponseErrors(description: "\(errors)") }
                let prepared = PreparedDocument(executable: executable, document: document)
                let json = try BenchData.oursJSON(await GraphQLEngine.execute(prepared: prepared))
                try workloads.dump(name, "ours", json)
                return AsyncSubject(
                    operation: { try BenchData.oursCheck(await GraphQLEngine.execute(prepared: prepared)) },
                    check: introspection ? try BenchData.introspectionCount(json) : nil)
            },
            asyncGraphQLSwift: {
                let schema = try BenchData.graphQLSwiftSchema(schemaText)
                let document = try GraphQL.parse(source: text)
                let errors = GraphQL.validate(schema: schema, ast: document)
                guard errors.isEmpty else { throw ResponseErrors(description: "\(errors)") }
                let json = try BenchData.graphQLSwiftJSON(
                    await GraphQL.execute(schema: schema, documentAST: document, rootValue: (), context: ()))
                try workloads.dump(name, "GraphQLSwift", json)
                return AsyncSubject(
                    operation: {
                        try BenchData.graphQLSwiftCheck(
                            await GraphQL.execute(schema: schema, documentAST: document, rootValue: (), context: ()))
                    },
                    check: introspection ? try BenchData.introspectionCount(json) : nil)
            }
        )
    }
}
