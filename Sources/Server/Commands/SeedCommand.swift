import ArgumentParser
import Foundation
import Logging
import Resolvers

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill an empty development database with demo data (does nothing when it has users).",
        discussion: """
            Run `marketplace migrate` first. Inserts providers, listings, buyers and saved listings, and three demo \
            accounts; uploads generated listing images and files when S3 is configured (the same variables as serve). \
            The same data on every run: the generator has a fixed seed.
            """)

    @Option(name: .long, help: "bcrypt cost of the demo password's hash, 4 to 16 (default: BCRYPT_COST, or 10).")
    var bcryptCost: UInt8?

    func validate() throws {
        if let bcryptCost, !(4...16).contains(bcryptCost) {
            throw ValidationError("--bcrypt-cost must be between 4 and 16.")
        }
    }

    func run() async throws {
        let configuration = try AppConfiguration(variables: AppConfiguration.variables())
        let logger = makeLogger(level: configuration.logLevel)
        let database = try Database(url: configuration.databaseURL, maximumConnections: 2, logger: logger)
        let seed = DemoSeed(
            database: database, storage: configuration.storage,
            bcryptCost: bcryptCost ?? configuration.accounts.bcryptCost, logger: logger)
        let started = ContinuousClock.now
        let summary = try await database.run { _ in try await seed.run() }
        print(summary)
        guard !summary.skipped else { return }
        print("Took \(ContinuousClock.now - started).")
        print("Demo accounts (password \"\(DemoSeed.password)\"):")
        for account in DemoSeed.demoAccounts {
            print("  \(account.email)  (\(account.role))")
        }
    }
}
