import Logging
import PostgresNIO

/// Applies migrations in order, each in its own transaction, recorded in
/// `marketplace.schema_migrations`. A session-level advisory lock makes instances that
/// start together take turns; the later ones find nothing left to do.
public struct Migrator: Sendable {
    /// Arbitrary but fixed: every instance must use the same key.
    static let advisoryLockKey: Int64 = 0x6d61_726b_6574  // "market"

    public enum MigrationError: Error, CustomStringConvertible {
        case failed(version: Int, name: String, statement: String, underlying: String)
        case edited(version: Int, name: String)
        public var description: String {
            switch self {
            case let .failed(version, name, statement, underlying):
                "migration \(version)_\(name) failed: \(underlying)\nin statement:\n\(statement)"
            case let .edited(version, name):
                "migration \(version)_\(name) was changed after it was applied; add a new migration instead"
            }
        }
    }

    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Applies what is pending; returns the migrations it applied.
    @discardableResult
    public func migrate(_ migrations: [Migration]) async throws -> [Migration] {
        try await client.withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))", logger: logger)
            do {
                let applied = try await applyPending(migrations, on: connection)
                try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
                return applied
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
                throw error
            }
        }
    }

    /// The migrations not yet applied (an empty list means the database is current).
    public func pending(_ migrations: [Migration]) async throws -> [Migration] {
        try await client.withConnection { connection in
            let exists = try await connection.query(
                "SELECT to_regclass('marketplace.schema_migrations') IS NOT NULL", logger: logger
            ).decode(Bool.self).reduce(into: false) { $0 = $0 || $1 }
            guard exists else { return migrations }
            let done = try await appliedVersions(on: connection)
            return migrations.filter { done[$0.version] == nil }
        }
    }

    private func applyPending(_ migrations: [Migration], on connection: PostgresConnection) async throws -> [Migration] {
        try await connection.query("CREATE SCHEMA IF NOT EXISTS marketplace", logger: logger)
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS marketplace.schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
        let done = try await appliedVersions(on: connection)
        var applied: [Migration] = []
        for migration in migrations {
            if let checksum = done[migration.version] {
                guard checksum == migration.checksum else {
                    throw MigrationError.edited(version: migration.version, name: migration.name)
                }
                continue
            }
            logger.info("applying migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            do {
                try await apply(migration, on: connection)
            } catch let error as PostgresTransactionError {
                // Report the statement that failed, not the transaction wrapper around it.
                throw error.closureError ?? error
            }
            applied.append(migration)
        }
        return applied
    }

    private func apply(_ migration: Migration, on connection: PostgresConnection) async throws {
        try await connection.withTransaction(logger: logger) { tx in
            for statement in SQLScript.statements(in: migration.sql) {
                do {
                    try await tx.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                } catch {
                    throw MigrationError.failed(
                        version: migration.version, name: migration.name, statement: statement,
                        underlying: Self.describe(error))
                }
            }
            try await tx.query("""
                INSERT INTO marketplace.schema_migrations (version, name, checksum)
                VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                """, logger: logger)
        }
    }

    /// The server's own message when there is one (PSQLError's description hides it on purpose).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError, let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + state
        }
        return String(reflecting: error)
    }

    private func appliedVersions(on connection: PostgresConnection) async throws -> [Int: String] {
        var versions: [Int: String] = [:]
        let rows = try await connection.query(
            "SELECT version, checksum FROM marketplace.schema_migrations", logger: logger)
        for try await (version, checksum) in rows.decode((Int, String).self) {
            versions[version] = checksum
        }
        return versions
    }
}
