import Hummingbird
import Logging
import Resolvers

/// Assembles the server: its routes and the services it runs (the database pool).
/// - Parameter graphQL: the schema-bound engine served at `/graphql` (nil: no GraphQL
///   routes, for tools that only need the operations endpoints).
func buildApplication(
    configuration: AppConfiguration, logger: Logger, graphQL: GraphQLService? = nil
) throws -> some ApplicationProtocol {
    let database = try Database(url: configuration.databaseURL, logger: logger)

    let router = Router()
    HealthController(database: database).addRoutes(to: router)
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
