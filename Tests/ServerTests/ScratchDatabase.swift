import Foundation
import Logging
import PostgresNIO
import Resolvers

/// A new database on the test server, migrated; dropped afterwards.
func withScratchDatabase(_ base: DatabaseURL, _ body: (Database) async throws -> Void) async throws {
    let name = "e2e_\(UInt32.random(in: 0...UInt32.max))"
    let admin = try Database(url: base.with(database: "postgres"), maximumConnections: 1, logger: TestSettings.logger)
    try await admin.run { adminClient in
        try await adminClient.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: TestSettings.logger)
        let drop = PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        do {
            let migrator = try Database(url: base.with(database: name), maximumConnections: 1, logger: TestSettings.logger)
            _ = try await migrator.run { client in
                try await Migrator(client: client, logger: TestSettings.logger).migrate(try Migration.bundled())
            }
            // The application runs this pool as one of its services.
            try await body(try Database(url: base.with(database: name), maximumConnections: 4, logger: TestSettings.logger))
            try await adminClient.query(drop, logger: TestSettings.logger)
        } catch {
            _ = try? await adminClient.query(drop, logger: TestSettings.logger)
            throw error
        }
    }
}
