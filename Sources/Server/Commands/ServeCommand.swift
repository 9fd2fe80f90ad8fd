import ArgumentParser
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the marketplace over HTTP.",
        discussion: "Settings come from the environment (see README.md); .data/services.env fills in what is unset.")

    @Option(name: .long, help: "The address to listen on (default: HOST, or 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "The port to listen on (default: PORT, or 8080).")
    var port: Int?

    func run() async throws {
        var configuration = try AppConfiguration(variables: AppConfiguration.variables())
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        let logger = makeLogger(level: configuration.logLevel)
        let app = try buildApplication(configuration: configuration, logger: logger)
        try await app.runService()
    }
}

func makeLogger(level: String) -> Logger {
    var logger = Logger(label: "marketplace")
    logger.logLevel = Logger.Level(rawValue: level) ?? .info
    return logger
}
