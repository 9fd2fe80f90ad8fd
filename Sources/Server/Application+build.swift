import Hummingbird
import Logging
import Resolvers

/// Assembles the server: its routes, middleware and the services it runs (the database pool).
/// - Parameters:
///   - graphQL: the schema-bound engine served at `/graphql` (nil: no GraphQL routes, for
///     tools that only need the operations endpoints).
///   - metrics: where `/metrics` reads from (the GraphQL service records into the same).
func buildApplication(
    configuration: AppConfiguration, logger: Logger, graphQL: GraphQLService? = nil,
    metrics: ServerMetrics? = nil
) throws -> some ApplicationProtocol {
    let database = try Database(url: configuration.databaseURL, logger: logger)
    let metrics = metrics ?? graphQL?.metrics ?? ServerMetrics()

    let router = Router()
    router.add(middleware: RequestIDMiddleware())
    if !configuration.corsOrigins.isEmpty {
        router.add(middleware: CORS(origins: Set(configuration.corsOrigins)))
    }
    HealthController(database: database).addRoutes(to: router)
    MetricsController(metrics: metrics).addRoutes(to: router)
    if let graphQL {
        GraphQLHTTPController(service: graphQL).addRoutes(to: router)
    }

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "marketplace"),
        services: [database.client],
        logger: logger
    )
}
