import GraphQL
import GraphQLEngine

/// parse-*: documents to AST, locations recorded (each engine's default options).
/// GraphQLSwift's module is `GraphQL`; calls are qualified with the module name.
enum ParseBenchmarks: BenchmarkGroup {
    static func benchmarks(_ workloads: Workloads) throws -> [Benchmark] {
        [
            try parse("parse-kitchen-sink", file: "kitchen-sink.graphql", workloads),
            try parse("parse-big", file: "big.graphql", workloads),
        ]
    }

    private static func parse(_ name: String, file: String, _ workloads: Workloads) throws -> Benchmark {
        let text = try workloads.text(file)
        return Benchmark(
            name: name,
            unit: .megabytesPerSecond(bytesPerOperation: text.utf8.count),
            ours: {
                { try GraphQLEngine.parse(text).definitions.count }
            },
            graphQLSwift: {
                { try GraphQL.parse(source: text).definitions.count }
            }
        )
    }
}
