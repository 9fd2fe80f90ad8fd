import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL pool every part of the marketplace uses. `client` must be run as a
/// service (it is one) for as long as the database is used.
public struct Database: Sendable {
    public let client: PostgresClient
    public let url: DatabaseURL
    private let inFlight = InFlightCounter()

    /// Statements running now through `tracked` (the pool's use, for metrics).
    public var queriesInFlight: Int { inFlight.value }

    /// Runs `body` counted as one statement in flight.
    public func tracked<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        inFlight.add(1)
        defer { inFlight.add(-1) }
        return try await body()
    }

    public init(url: DatabaseURL, maximumConnections: Int = 20, logger: Logger) throws {
        self.url = url
        self.client = PostgresClient(
            configuration: try url.clientConfiguration(maximumConnections: maximumConnections),
            backgroundLogger: logger)
    }

    /// A real round trip (`SELECT 1`), bounded by `timeout`: false when the server does not answer.
    public func ping(timeout: Duration = .seconds(2)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    let rows = try await tracked { try await client.query("SELECT 1") }
                    for try await value in rows.decode(Int.self) { return value == 1 }
                    return false
                } catch {
                    return false
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}

extension Database {
    /// Runs the pool for the duration of `body`: for commands that use the database
    /// outside the server's service group (migrate, seed, tests).
    public func run<T: Sendable>(_ body: (PostgresClient) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            let client = self.client
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}

/// A count shared by copies of a `Database`.
final class InFlightCounter: @unchecked Sendable {
    // @unchecked: `count` is only touched with `lock` held.
    private let lock = NSLock()
    private var count = 0
    func add(_ delta: Int) {
        lock.lock()
        count += delta
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
