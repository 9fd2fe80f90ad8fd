import Resolvers
import ServiceLifecycle

/// Runs the `EventHub` (LISTEN/NOTIFY with polling as a fallback) while the server runs,
/// so subscriptions hear about changes made through any instance.
struct EventHubService: Service {
    let hub: EventHub

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await hub.run()
        }
    }
}
