// swift-tools-version:6.0
// The engine benchmarks: our GraphQLEngine against GraphQLSwift (in process) and
// graphql-js (on node, see node/bench.js), on the workloads in Workloads/.
// Run with `make bench-engine` (scripts/bench-engine.sh); never built by CI.
import PackageDescription

let package = Package(
    name: "EngineBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "marketplace", path: ".."),
        .package(url: "https://github.com/GraphQLSwift/GraphQL.git", exact: "4.3.0"),
    ],
    targets: [
        // Built with `-c release`, which compiles each module whole (-O -wmo).
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "GraphQLEngine", package: "marketplace"),
                .product(name: "GraphQL", package: "GraphQL"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
