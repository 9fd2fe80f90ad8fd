import ArgumentParser
import Foundation
import Metrics
import Resolvers
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the marketplace over HTTP.",
        discussion: "Settings come from the environment (see README.md); .data/services.env fills in what is unset.")

    @Option(name: .long, help: "The address to listen on (default: HOST, or 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "The port to listen on (default: PORT, or 8080).")
    var port: Int?

    func run() async throws {
        var configuration = try AppConfiguration(variables: AppConfiguration.variables())
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        let logger = makeLogger(level: configuration.logLevel)
        let metrics = ServerMetrics()
        // Libraries' metrics (Hummingbird, PostgresNIO) go to the same registry.
        MetricsSystem.bootstrap(metrics.factory)
        let database = try Database(
            url: configuration.databaseURL, maximumConnections: configuration.databaseMaxConnections, logger: logger)
        let services = await makeMarketplaceServices(configuration: configuration, database: database, logger: logger)
        let service = try await makeGraphQLService(
            configuration: configuration, database: database, metrics: metrics, logger: logger, services: services)
        let app = try buildApplication(
            configuration: configuration, logger: logger, graphQL: service, database: database, metrics: metrics,
            webhooks: StripeWebhookProcessor(services: services, logger: logger),
            sweeper: OrderSweeperService(
                sweeper: OrderSweeper(services: services), interval: .seconds(configuration.orderSweepSeconds), logger: logger),
            events: services.events)
        try await app.runService()
    }
}

/// The marketplace schema (`SCHEMA_PATH`, default `schema.graphql`) bound to its
/// resolvers; start-up stops with every problem listed when they don't match. Without a
/// schema file the server serves only its operations endpoints (and says so). Each
/// request's context comes from `MarketplaceContextFactory` over `database`.
func makeGraphQLService(
    configuration: AppConfiguration, database: Database, metrics: ServerMetrics, logger: Logger,
    schemaPath: String? = nil, services: MarketplaceServices? = nil
) async throws -> GraphQLService? {
    let path = schemaPath ?? ProcessInfo.processInfo.environment["SCHEMA_PATH"] ?? "schema.graphql"
    guard FileManager.default.fileExists(atPath: path) else {
        logger.warning("no schema file: serving without /graphql", metadata: ["path": "\(path)"])
        return nil
    }
    let executable = try loadMarketplaceSchema(path: path)
    let services = if let services { services } else {
        await makeMarketplaceServices(configuration: configuration, database: database, logger: logger)
    }
    let factory = MarketplaceContextFactory(services: services)
    return GraphQLService(
        executable: executable, settings: configuration.graphQL, metrics: metrics, logger: logger
    ) { caller, scope in
        try await factory.makeContext(
            bearerToken: caller.bearerToken, requestID: caller.requestID, clientAddress: caller.clientAddress,
            userAgent: caller.userAgent, scope: scope)
    }
}

/// The services every request shares, from the configuration.
func makeMarketplaceServices(configuration: AppConfiguration, database: Database, logger: Logger) async -> MarketplaceServices {
    await MarketplaceServices.make(
        database: database, accounts: configuration.accounts, storage: configuration.storage,
        stripe: configuration.stripe, commerce: configuration.commerce, events: configuration.events, logger: logger)
}

/// The server's logger: JSON lines (`LOG_FORMAT=json`, the default) or swift-log's text.
func makeLogger(level: String, format: String = ProcessInfo.processInfo.environment["LOG_FORMAT"] ?? "json") -> Logger {
    var logger =
        format == "text" ? Logger(label: "marketplace") : Logger(label: "marketplace") { JSONLogHandler(label: $0) }
    logger.logLevel = Logger.Level(rawValue: level) ?? .info
    return logger
}
