import Foundation
import Logging
import PostgresNIO

/// The one way resolvers reach PostgreSQL: every statement a request runs goes through
/// here and is counted (tests assert exact statement counts per request, so a change that
/// adds a round trip shows up). `BEGIN`, `COMMIT` and `ROLLBACK` are round trips too and
/// are counted like any other statement.
public struct SQLExecutor: Sendable {
    public let database: Database
    /// The statements run through this executor (and its copies) so far.
    public let counter: StatementCounter
    let logger: Logger

    public init(database: Database, counter: StatementCounter = StatementCounter(), logger: Logger) {
        self.database = database
        self.counter = counter
        self.logger = logger
    }

    /// Runs one statement on a pooled connection and returns all of its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
        counter.increment()
        return try await database.tracked {
            try await database.client.query(query, logger: logger).collect()
        }
    }

    /// Runs `body` in one transaction on one connection: `COMMIT` when it returns,
    /// `ROLLBACK` when it throws (and the error is rethrown).
    public func transaction<T: Sendable>(_ body: (SQLTransaction) async throws -> T) async throws -> T {
        try await database.client.withConnection { connection in
            let tx = SQLTransaction(connection: connection, counter: counter, database: database, logger: logger)
            try await tx.query("BEGIN")
            let result: T
            do {
                result = try await body(tx)
            } catch {
                // The connection goes back to the pool either way; a failed ROLLBACK means
                // the connection is broken, and the pool drops broken connections.
                _ = try? await tx.query("ROLLBACK")
                throw error
            }
            try await tx.query("COMMIT")
            return result
        }
    }
}

/// A transaction in progress (`SQLExecutor.transaction`): statements on its connection.
public struct SQLTransaction: Sendable {
    let connection: PostgresConnection
    let counter: StatementCounter
    let database: Database
    let logger: Logger

    /// Runs one statement in the transaction and returns all of its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
        counter.increment()
        return try await database.tracked {
            try await connection.query(query, logger: logger).collect()
        }
    }
}

/// Either way of running a statement: reads that may run inside or outside a transaction
/// take this.
public protocol SQLQuerying: Sendable {
    @discardableResult
    func query(_ query: PostgresQuery) async throws -> [PostgresRow]
}

extension SQLExecutor: SQLQuerying {}
extension SQLTransaction: SQLQuerying {}

/// Counts statements; shared by the copies of one request's `SQLExecutor`.
public final class StatementCounter: @unchecked Sendable {
    // @unchecked: `count` is only read or written with `lock` held.
    private let lock = NSLock()
    private var count = 0

    public init() {}

    func increment() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    /// The statements counted so far.
    public var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

extension PSQLError {
    /// The SQLSTATE the server answered with (`23505`: unique violation), if any.
    var sqlState: String? { serverInfo?[.sqlState] }
}
