import ArgumentParser
import Foundation
import Resolvers

struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Manage admins (they are made here, never through the API).",
        subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an admin account, or make an existing account an admin.",
            discussion: """
                The password is read from standard input with --password-stdin (so it stays out of the process list); \
                without it, a random one is generated and printed once. An existing account keeps its password.
                """)

        @Option(name: .long, help: "The admin's sign-in email.")
        var email: String

        @Option(name: .long, help: "The first name (new accounts).")
        var firstName = "Admin"

        @Option(name: .long, help: "The last name (new accounts).")
        var lastName = "User"

        @Flag(name: .long, help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func run() async throws {
            let configuration = try AppConfiguration(variables: AppConfiguration.variables())
            let logger = makeLogger(level: configuration.logLevel)
            var password = OpaqueTokenText.random()
            var generated = true
            if passwordStdin {
                password = readLine(strippingNewline: true) ?? ""
                generated = false
            }
            let database = try Database(url: configuration.databaseURL, maximumConnections: 2, logger: logger)
            let chosen = password
            let outcome = try await database.run { _ in
                try await AdminAccounts.create(
                    database: database, email: email, password: chosen, firstName: firstName, lastName: lastName,
                    bcryptCost: configuration.accounts.bcryptCost, logger: logger)
            }
            switch outcome {
            case .created:
                print("Created admin \(email).")
                if generated { print("Password (shown once): \(password)") }
            case .promoted:
                print("\(email) is now an admin (its password is unchanged).")
            }
        }
    }
}

/// A random password that meets the password rules (letters and digits, 24 characters).
enum OpaqueTokenText {
    static func random() -> String {
        let letters = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")
        let digits = Array("23456789")
        var generator = SystemRandomNumberGenerator()
        let body = (0..<22).map { _ in (letters + digits).randomElement(using: &generator)! }
        return String(body) + String(letters.randomElement(using: &generator)!) + String(digits.randomElement(using: &generator)!)
    }
}
