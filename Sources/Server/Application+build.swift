import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Resolvers

/// Assembles the server: its routes, middleware and the services it runs (the database pool).
/// - Parameters:
///   - graphQL: the schema-bound engine served at `/graphql` (nil: no GraphQL routes, for
///     tools that only need the operations endpoints).
///   - metrics: where `/metrics` reads from (the GraphQL service records into the same).
///   - subscriptions: the open subscriptions of both streaming transports (their count is
///     for metrics) and their settings; ended first at shutdown.
///   - database: the pool the GraphQL context uses (made here when not given); the
///     application runs it as a service.
///   - events: the event hub subscriptions listen to; the application runs it as a service.
///   - onServerRunning: called with the listening channel (tests read the port there).
func buildApplication(
    configuration: AppConfiguration, logger: Logger, graphQL: GraphQLService? = nil, database: Database? = nil,
    metrics: ServerMetrics? = nil, subscriptions: SubscriptionRegistry = SubscriptionRegistry(),
    webhooks: StripeWebhookProcessor? = nil, sweeper: OrderSweeperService? = nil, events: EventHub? = nil,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let database = try database ?? Database(
        url: configuration.databaseURL, maximumConnections: configuration.databaseMaxConnections, logger: logger)
    let metrics = metrics ?? graphQL?.metrics ?? ServerMetrics()
    metrics.observe("graphql_subscriptions_active") { subscriptions.activeSubscriptions }
    metrics.observe("graphql_websocket_connections") { subscriptions.openConnections }
    metrics.observe("db_pool_connections_max") { configuration.databaseMaxConnections }
    metrics.observe("db_queries_in_flight") { database.queriesInFlight }
    if let events {
        // 0 while subscriptions are fed by polling only (the notification connection is down).
        metrics.observe("events_notifications_listening") { events.isListening ? 1 : 0 }
    }

    let router = Router(context: MarketplaceRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    if !configuration.corsOrigins.isEmpty {
        router.add(middleware: CORS(origins: Set(configuration.corsOrigins)))
    }
    HealthController(database: database).addRoutes(to: router)
    MetricsController(metrics: metrics).addRoutes(to: router)
    if let webhooks { StripeWebhookController(processor: webhooks).addRoutes(to: router) }
    var server: HTTPServerBuilder = .http1()
    if let graphQL {
        let runner = OperationRunner(service: graphQL)
        let sse = GraphQLSSE(runner: runner, registry: subscriptions)
        PlaygroundController().addRoutes(to: router)
        GraphQLHTTPController(service: graphQL, playground: PlaygroundResponses.page, eventStream: sse.respond)
            .addRoutes(to: router)
        server = GraphQLWebSocket(runner: runner, registry: subscriptions).serverBuilder()
    }

    let app = Application(
        router: router,
        server: server,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "marketplace"),
        services: [database.client] + (sweeper.map { [$0] } ?? []) + (events.map { [EventHubService(hub: $0)] } ?? []),
        onServerRunning: onServerRunning,
        logger: logger
    )
    return SubscriptionsFirstApplication(base: app, subscriptions: subscriptions)
}
