import GraphQL
import GraphQLEngine

/// request-*: the full request path of a query text, uncached: parse, validate and
/// execute (with variables) every time, the response serialized to JSON text. The check
/// is the response's JSON byte count.
///
/// Ours: `parse`, `validate`, `PreparedDocument`, `execute(prepared:variableValues:)`.
/// GraphQLSwift: `graphql(schema:request:variableValues:)` (parse, validate, execute; its
/// schema validation is cached on the schema). graphql-js: `graphqlSync`.
enum RequestBenchmarks: BenchmarkGroup {
    static func benchmarks(_ workloads: Workloads) throws -> [Benchmark] {
        [
            try request("request-storefront", file: "storefront.graphql", first: 20, workloads),
        ]
    }

    private static func request(_ name: String, file: String, first: Int, _ workloads: Workloads) throws -> Benchmark {
        let schemaText = try workloads.text("schema.graphql")
        let text = try workloads.text(file)
        return Benchmark(
            name: name,
            unit: .perSecond("requests/s"),
            asyncOurs: {
                let executable = try BenchData.oursExecutable(schemaText)
                let variables: [String: InputValue] = ["first": .int(first)]
                func request() async throws -> [UInt8] {
                    let document = try GraphQLEngine.parse(text)
                    let errors = GraphQLEngine.validate(schema: executable.schema, document: document)
                    guard errors.isEmpty else { throw ResponseErrors(description: "\(errors)") }
                    let prepared = PreparedDocument(executable: executable, document: document)
                    return try BenchData.oursJSON(
                        await GraphQLEngine.execute(prepared: prepared, variableValues: variables))
                }
                try workloads.dump(name, "ours", await request())
                return AsyncSubject(operation: { try await request().count })
            },
            asyncGraphQLSwift: {
                let schema = try BenchData.graphQLSwiftSchema(schemaText)
                let variables: [String: GraphQL.Map] = ["first": .number(GraphQL.Number(first))]
                try workloads.dump(name, "GraphQLSwift", BenchData.graphQLSwiftJSON(
                    await GraphQL.graphql(schema: schema, request: text, variableValues: variables)))
                return AsyncSubject(operation: {
                    try BenchData.graphQLSwiftCheck(
                        await GraphQL.graphql(schema: schema, request: text, variableValues: variables))
                })
            }
        )
    }
}
