// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "marketplace",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "GraphQLEngine", targets: ["GraphQLEngine"]),
        .executable(name: "marketplace", targets: ["Server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Subscriptions over WebSocket (graphql-transport-ws): the upgrade on Hummingbird's
        // HTTP/1 server, and its client for the tests.
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        // Accounts: bcrypt password hashes (HummingbirdBcrypt) and HS256 access tokens.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        // Stripe's HTTP API (Services/Stripe): the client, its timeouts and connection pool.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // Our GraphQL implementation: the standard library and Foundation only.
        .target(name: "GraphQLEngine"),
        .target(
            name: "Resolvers",
            dependencies: [
                "GraphQLEngine",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                // HMAC-SHA256 and SHA-256 for S3's SigV4 (and token hashes).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Database/Migrations")]
        ),
        .executableTarget(
            name: "Server",
            dependencies: [
                "Resolvers",
                "GraphQLEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            ],
            // Playground/ (at the package root) compiled into the executable.
            plugins: ["EmbedPlayground"]
        ),
        // Writes Playground/ as Swift source, for the EmbedPlayground plugin.
        .executableTarget(name: "PlaygroundEmbedder"),
        // Plugins/EmbedPlayground/Playground links to Playground/ so that SwiftPM, which
        // watches its targets' directories, plans the build again when a file is added or
        // removed there (edits alone are the command's inputs).
        .plugin(
            name: "EmbedPlayground", capability: .buildTool(), dependencies: ["PlaygroundEmbedder"],
            exclude: ["Playground"]),
        .testTarget(name: "GraphQLEngineTests", dependencies: ["GraphQLEngine"]),
        .testTarget(
            name: "ResolversTests",
            dependencies: [
                "Resolvers",
                "GraphQLEngine",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Stripe's published OpenAPI fixtures (github.com/stripe/openapi, MIT), decoded by
            // the Stripe model tests.
            resources: [.copy("Stripe/Fixtures")]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Python clients the subscription tests run (not Swift sources).
            exclude: ["Subscriptions/clients"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
