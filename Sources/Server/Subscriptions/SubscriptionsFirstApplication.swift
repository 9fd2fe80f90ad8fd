import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// An application whose open subscriptions are ended before its HTTP server stops.
///
/// Hummingbird's `Application.run` runs the HTTP server last in its own service group, so
/// the server hears of a graceful shutdown first, and hummingbird-websocket then closes
/// every WebSocket with a bare 1000, racing anything we would send. Here the application
/// and the `SubscriptionRegistry` run in a group of their own, the registry last: a
/// service group shuts its services down in reverse order, each after the one before has
/// finished, so the registry says `complete` and closes with 1001 (and ends SSE streams)
/// first, and only then is the server told to stop.
///
/// HummingbirdTesting's `test(_:)` wraps the application and runs its default `run()`
/// instead of this one: there the connections' own shutdown handling applies (SSE
/// streams end by themselves; WebSockets get hummingbird-websocket's 1000).
struct SubscriptionsFirstApplication<Base: ApplicationProtocol>: ApplicationProtocol {
    typealias Responder = Base.Responder

    let base: Base
    let subscriptions: SubscriptionRegistry

    var responder: Responder { get async throws { try await base.responder } }
    var server: HTTPServerBuilder { base.server }
    var eventLoopGroup: any EventLoopGroup { base.eventLoopGroup }
    var configuration: ApplicationConfiguration { base.configuration }
    var logger: Logger { base.logger }
    var services: [any Service] { base.services }
    var processesRunBeforeServerStart: [@Sendable () async throws -> Void] { base.processesRunBeforeServerStart }

    @Sendable func onServerRunning(_ channel: any Channel) async { await base.onServerRunning(channel) }

    func run() async throws {
        let group = ServiceGroup(configuration: .init(services: [base, subscriptions], logger: logger))
        try await group.run()
    }
}
