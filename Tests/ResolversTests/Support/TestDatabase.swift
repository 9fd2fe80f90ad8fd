import Foundation
import Logging
import PostgresNIO
import Resolvers

/// The database the test run owns (`TEST_DATABASE_URL`, created fresh by `make test`),
/// and scratch databases for tests that need an empty one.
enum TestDatabase {
    static let logger: Logger = {
        var logger = Logger(label: "tests")
        logger.logLevel = .warning
        return logger
    }()

    /// `TEST_DATABASE_URL` from the environment, else from `.data/services.env` at the repository root.
    static func url() throws -> DatabaseURL {
        if let value = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] {
            return try DatabaseURL(value)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent(".data/services.env").path
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("TEST_DATABASE_URL=") {
            return try DatabaseURL(String(line.dropFirst("TEST_DATABASE_URL=".count)))
        }
        throw TestDatabaseError.notConfigured
    }

    enum TestDatabaseError: Error, CustomStringConvertible {
        case notConfigured
        var description: String {
            "TEST_DATABASE_URL is not set and .data/services.env has none: run the tests with `make test`."
        }
    }

    /// Creates an empty database, runs `body` with a running pool on it, then drops it.
    static func withScratchDatabase<T: Sendable>(
        _ body: (Database) async throws -> T
    ) async throws -> T {
        let base = try url()
        let name = "scratch_\(UInt32.random(in: 0...UInt32.max))_\(ProcessInfo.processInfo.processIdentifier)"
        // A pool runs once, so one admin pool serves both the CREATE and the DROP.
        let admin = try Database(url: base.with(database: "postgres"), maximumConnections: 1, logger: logger)
        return try await admin.run { adminClient in
            try await adminClient.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
            let drop = PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            let scratch = try Database(url: base.with(database: name), maximumConnections: 8, logger: logger)
            do {
                let result = try await scratch.run { _ in try await body(scratch) }
                try await adminClient.query(drop, logger: logger)
                return result
            } catch {
                _ = try? await adminClient.query(drop, logger: logger)
                throw error
            }
        }
    }
}
