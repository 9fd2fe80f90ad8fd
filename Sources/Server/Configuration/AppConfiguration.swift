import Foundation
import Resolvers

/// The server's settings, from environment variables; the local services' file
/// (`.data/services.env`, or the file named by `SERVICES_ENV`) fills in what the
/// environment leaves unset.
struct AppConfiguration: Sendable {
    var host: String
    var port: Int
    var databaseURL: DatabaseURL
    var logLevel: String

    enum ConfigurationError: Error, CustomStringConvertible {
        case missing(String, hint: String)
        case invalid(String, String)
        var description: String {
            switch self {
            case let .missing(name, hint): "\(name) is not set. \(hint)"
            case let .invalid(name, reason): "\(name) is invalid: \(reason)"
            }
        }
    }

    /// The variables in force: the process environment over the services file.
    static func variables(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) -> [String: String] {
        let file = environment["SERVICES_ENV"] ?? workingDirectory + "/.data/services.env"
        return EnvironmentFile.read(path: file).merging(environment) { _, fromEnvironment in fromEnvironment }
    }

    init(variables: [String: String]) throws {
        host = variables["HOST"] ?? "127.0.0.1"
        let portText = variables["PORT"] ?? "8080"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ConfigurationError.invalid("PORT", "\(portText) is not a port number")
        }
        self.port = port
        guard let url = variables["DATABASE_URL"], !url.isEmpty else {
            throw ConfigurationError.missing(
                "DATABASE_URL", hint: "Run `make run` (it starts a local PostgreSQL) or set it to postgres://user:password@host:port/database.")
        }
        databaseURL = try DatabaseURL(url)
        logLevel = variables["LOG_LEVEL"] ?? "info"
    }
}
