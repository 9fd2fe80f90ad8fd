import Hummingbird
import Logging
import Resolvers

/// Assembles the server: its routes and the services it runs (the database pool).
func buildApplication(configuration: AppConfiguration, logger: Logger) throws -> some ApplicationProtocol {
    let database = try Database(url: configuration.databaseURL, logger: logger)

    let router = Router()
    HealthController(database: database).addRoutes(to: router)

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "marketplace"),
        services: [database.client],
        logger: logger
    )
}
