import Logging
import Resolvers
import ServiceLifecycle

/// Runs `OrderSweeper` every `interval` while the server runs: unpaid orders past their
/// hold expire and release their tickets. Safe in every instance at once (the sweeper takes
/// each order with SKIP LOCKED); a failed round is logged and the next one tries again.
struct OrderSweeperService: Service {
    let sweeper: OrderSweeper
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let ended = try await sweeper.sweep()
                    if ended > 0 { logger.info("expired unpaid orders", metadata: ["count": "\(ended)"]) }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("order sweep failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
