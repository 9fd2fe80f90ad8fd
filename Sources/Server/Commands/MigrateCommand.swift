import ArgumentParser
import Logging
import Resolvers

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending database migrations, in order, each in a transaction.",
        discussion: """
            Migrations are the SQL files of Sources/Resolvers/Database/Migrations, built into the binary. \
            They are recorded in marketplace.schema_migrations; an advisory lock lets several instances start at once.
            """)

    @Flag(name: .long, help: "List the pending migrations without applying them.")
    var dryRun = false

    func run() async throws {
        let configuration = try AppConfiguration(variables: AppConfiguration.variables())
        let logger = makeLogger(level: configuration.logLevel)
        let database = try Database(url: configuration.databaseURL, maximumConnections: 2, logger: logger)
        let migrations = try Migration.bundled()
        try await database.run { client in
            let migrator = Migrator(client: client, logger: logger)
            if dryRun {
                let pending = try await migrator.pending(migrations)
                print(pending.isEmpty ? "No pending migrations." : pending.map { "pending: \($0.version)_\($0.name)" }.joined(separator: "\n"))
            } else {
                let applied = try await migrator.migrate(migrations)
                print(applied.isEmpty ? "The database is up to date." : "Applied \(applied.count) migration(s): " + applied.map { "\($0.version)_\($0.name)" }.joined(separator: ", "))
            }
        }
    }
}
