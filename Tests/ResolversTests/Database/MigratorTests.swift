import PostgresNIO
import XCTest
@testable import Resolvers

/// The migrator against a real PostgreSQL, each test in an empty scratch database.
final class MigratorTests: XCTestCase {
    let logger = TestDatabase.logger

    func testAppliesBundledMigrationsOnceAndRecordsThem() async throws {
        try await TestDatabase.withScratchDatabase { database in
            let migrations = try Migration.bundled()
            let migrator = Migrator(client: database.client, logger: logger)
            let pendingBefore = try await migrator.pending(migrations)
            XCTAssertEqual(pendingBefore.count, migrations.count)

            let first = try await migrator.migrate(migrations)
            XCTAssertEqual(first.map(\.version), migrations.map(\.version))
            let pendingAfter = try await migrator.pending(migrations)
            XCTAssertEqual(pendingAfter, [])

            let second = try await migrator.migrate(migrations)
            XCTAssertEqual(second, [], "a second run finds nothing to do")
            let recorded = try await recordedVersions(database)
            XCTAssertEqual(recorded, migrations.map(\.version))
        }
    }

    func testConcurrentInstancesApplyEachMigrationExactlyOnce() async throws {
        let migrations = [
            Migration(version: 1, name: "counter", sql: "CREATE TABLE marketplace.counter (n int); INSERT INTO marketplace.counter VALUES (0);"),
            // Not idempotent on purpose: running it twice would make n = 2.
            Migration(version: 2, name: "bump", sql: "SELECT pg_sleep(0.2); UPDATE marketplace.counter SET n = n + 1;"),
        ]
        try await TestDatabase.withScratchDatabase { database in
            let client = database.client, logger = self.logger
            let applied = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await Migrator(client: client, logger: logger).migrate(migrations).count
                    }
                }
                return try await group.reduce(0, +)
            }
            XCTAssertEqual(applied, 2, "four instances together applied each migration once")
            let n = try await database.client.query("SELECT n FROM marketplace.counter").decode(Int.self)
            var values: [Int] = []
            for try await value in n { values.append(value) }
            XCTAssertEqual(values, [1])
        }
    }

    func testAFailingMigrationRollsBackWholeAndStopsTheRun() async throws {
        let migrations = [
            Migration(version: 1, name: "good", sql: "CREATE TABLE marketplace.good (id int);"),
            Migration(version: 2, name: "bad", sql: "CREATE TABLE marketplace.half (id int); SELECT * FROM no_such_table;"),
            Migration(version: 3, name: "after", sql: "CREATE TABLE marketplace.after (id int);"),
        ]
        try await TestDatabase.withScratchDatabase { database in
            let migrator = Migrator(client: database.client, logger: logger)
            do {
                try await migrator.migrate(migrations)
                XCTFail("the bad migration must fail")
            } catch let error as Migrator.MigrationError {
                guard case let .failed(version, name, statement, underlying) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(underlying, #"relation "no_such_table" does not exist (SQLSTATE 42P01)"#)
                XCTAssertEqual(version, 2)
                XCTAssertEqual(name, "bad")
                XCTAssertEqual(statement, "SELECT * FROM no_such_table")
            }
            let recorded = try await recordedVersions(database)
            XCTAssertEqual(recorded, [1])
            let half = try await tableExists("half", database)
            XCTAssertFalse(half, "the failed migration left nothing behind")
            let after = try await tableExists("after", database)
            XCTAssertFalse(after, "nothing after the failed migration ran")
            let pending = try await migrator.pending(migrations)
            XCTAssertEqual(pending.map(\.version), [2, 3])
        }
    }

    func testRefusesAnAppliedMigrationThatWasEdited() async throws {
        try await TestDatabase.withScratchDatabase { database in
            let migrator = Migrator(client: database.client, logger: logger)
            try await migrator.migrate([Migration(version: 1, name: "one", sql: "CREATE TABLE marketplace.one (id int);")])
            do {
                try await migrator.migrate([Migration(version: 1, name: "one", sql: "CREATE TABLE marketplace.one (id bigint);")])
                XCTFail("an edited migration must be refused")
            } catch {
                XCTAssertEqual("\(error)", "migration 1_one was changed after it was applied; add a new migration instead")
            }
        }
    }

    private func recordedVersions(_ database: Database) async throws -> [Int] {
        var versions: [Int] = []
        let rows = try await database.client.query("SELECT version FROM marketplace.schema_migrations ORDER BY version")
        for try await version in rows.decode(Int.self) { versions.append(version) }
        return versions
    }

    private func tableExists(_ name: String, _ database: Database) async throws -> Bool {
        let qualified = "marketplace.\(name)"
        let rows = try await database.client.query("SELECT to_regclass(\(qualified)) IS NOT NULL")
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }
}
