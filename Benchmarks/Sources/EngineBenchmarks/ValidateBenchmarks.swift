import GraphQL
import GraphQLEngine

/// validate-*: a parsed document against the benchmark schema with all specified rules
/// (the schema is built and the document parsed outside the timed loop).
enum ValidateBenchmarks: BenchmarkGroup {
    static func benchmarks(_ workloads: Workloads) throws -> [Benchmark] {
        [
            try validate("validate-introspection", file: "introspection.graphql", workloads),
            try validate("validate-fragments", file: "fragments.graphql", workloads),
        ]
    }

    private static func validate(_ name: String, file: String, _ workloads: Workloads) throws -> Benchmark {
        let schemaText = try workloads.text("schema.graphql")
        let text = try workloads.text(file)
        return Benchmark(
            name: name,
            unit: .perSecond("validations/s"),
            ours: {
                let schema = try GraphQLEngine.buildSchema(schemaText)
                let document = try GraphQLEngine.parse(text)
                return { 1 + GraphQLEngine.validate(schema: schema, document: document).count }
            },
            graphQLSwift: {
                let schema = try GraphQL.buildSchema(source: schemaText)
                let document = try GraphQL.parse(source: text)
                return { 1 + GraphQL.validate(schema: schema, ast: document).count }
            }
        )
    }
}
