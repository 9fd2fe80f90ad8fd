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
    /// The database pool's size (`DATABASE_MAX_CONNECTIONS`, default 20).
    var databaseMaxConnections = 20
    /// Origins allowed by CORS (`CORS_ORIGINS`, comma-separated; `*` for any; empty: no CORS).
    var corsOrigins: [String]
    /// The GraphQL limits (`GRAPHQL_MAX_DEPTH`, `GRAPHQL_MAX_COST`, `GRAPHQL_MAX_ALIASES`,
    /// `GRAPHQL_MAX_ROOT_FIELDS`, `GRAPHQL_MAX_TOKENS`, `GRAPHQL_TIMEOUT_MS`,
    /// `GRAPHQL_MAX_BODY_BYTES`, `INTROSPECTION`).
    var graphQL: GraphQLSettings
    /// Sign-in and session settings (`JWT_SECRET`, `PUBLIC_URL`, `BCRYPT_COST`).
    var accounts: AccountsConfiguration
    /// Where uploads go (`S3_BUCKET`, `S3_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// optionally `S3_ENDPOINT`, `AWS_SESSION_TOKEN`); nil when none of them is set (uploads
    /// are then unavailable). Setting some but not all is an error.
    var storage: S3Configuration?
    /// Stripe (`STRIPE_SECRET_KEY`, `STRIPE_API_BASE`, `STRIPE_WEBHOOK_SECRET`); nil without a key.
    var stripe: StripeConfiguration?
    /// `PLATFORM_FEE_BPS`, `CHECKOUT_HOLD_MINUTES`.
    var commerce: CommerceConfiguration
    /// How often unpaid orders past their hold are expired (`ORDER_SWEEP_SECONDS`, default 30).
    var orderSweepSeconds = 30
    /// Subscriptions' event delivery: how often `events` is polled while the notification
    /// connection is down (`EVENT_POLL_MS`, default 1000) and how long to wait before
    /// connecting again (`EVENT_RECONNECT_MS`, default 1000).
    var events = EventHub.Settings()

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
        corsOrigins = (variables["CORS_ORIGINS"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        graphQL = try Self.graphQLSettings(variables)
        accounts = try AccountsConfiguration(variables: variables)
        storage = try Self.storage(variables)
        if (variables["STRIPE_SECRET_KEY"] ?? "").isEmpty {
            stripe = nil
        } else {
            do {
                stripe = try StripeConfiguration(environment: variables)
            } catch {
                throw ConfigurationError.invalid("STRIPE", error.description)
            }
        }
        do {
            commerce = try CommerceConfiguration(environment: variables)
        } catch {
            throw ConfigurationError.invalid("commerce settings", error.description)
        }
        if let text = variables["ORDER_SWEEP_SECONDS"], !text.isEmpty {
            guard let n = Int(text), (1...3600).contains(n) else {
                throw ConfigurationError.invalid("ORDER_SWEEP_SECONDS", "\(text) is not 1 to 3600 seconds")
            }
            orderSweepSeconds = n
        }
        for (name, keyPath) in [("EVENT_POLL_MS", \EventHub.Settings.pollInterval), ("EVENT_RECONNECT_MS", \.reconnectDelay)] {
            guard let text = variables[name], !text.isEmpty else { continue }
            guard let n = Int(text), (10...600_000).contains(n) else {
                throw ConfigurationError.invalid(name, "\(text) is not 10 to 600000 milliseconds")
            }
            events[keyPath: keyPath] = .milliseconds(n)
        }
        if let text = variables["DATABASE_MAX_CONNECTIONS"], !text.isEmpty {
            guard let n = Int(text), n > 0 else {
                throw ConfigurationError.invalid("DATABASE_MAX_CONNECTIONS", "\(text) is not a positive whole number")
            }
            databaseMaxConnections = n
        }
    }

    /// The S3 configuration, nil when no S3 variable is set at all.
    static func storage(_ variables: [String: String]) throws -> S3Configuration? {
        // AWS_* alone (a shell set up for other AWS tools) does not turn uploads on.
        let names = ["S3_BUCKET", "S3_REGION", "S3_ENDPOINT"]
        guard names.contains(where: { !(variables[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return nil
        }
        do {
            return try S3Configuration(environment: variables)
        } catch {
            throw ConfigurationError.invalid("S3", error.description)
        }
    }

    /// GraphQLSettings from the variables, defaults where unset.
    static func graphQLSettings(_ variables: [String: String]) throws -> GraphQLSettings {
        var settings = GraphQLSettings()
        func positive(_ name: String) throws -> Int? {
            guard let text = variables[name], !text.isEmpty else { return nil }
            guard let value = Int(text), value > 0 else {
                throw ConfigurationError.invalid(name, "\(text) is not a positive whole number")
            }
            return value
        }
        if let v = try positive("GRAPHQL_MAX_DEPTH") { settings.limits.maxDepth = v }
        if let v = try positive("GRAPHQL_MAX_COST") { settings.limits.maxCost = v }
        if let v = try positive("GRAPHQL_MAX_ALIASES") { settings.limits.maxAliases = v }
        if let v = try positive("GRAPHQL_MAX_ROOT_FIELDS") { settings.limits.maxRootFields = v }
        if let v = try positive("GRAPHQL_MAX_TOKENS") { settings.maxTokens = v }
        if let v = try positive("GRAPHQL_TIMEOUT_MS") { settings.timeout = .milliseconds(v) }
        if let v = try positive("GRAPHQL_MAX_BODY_BYTES") { settings.maxBodyBytes = v }
        switch variables["TRUST_PROXY"]?.lowercased() {
        case nil, "", "off", "false", "0", "no": settings.trustProxy = false
        case "on", "true", "1", "yes": settings.trustProxy = true
        case let other?: throw ConfigurationError.invalid("TRUST_PROXY", "\(other) is not on or off")
        }
        switch variables["INTROSPECTION"]?.lowercased() {
        case nil, "", "on", "true", "1", "yes": settings.introspection = true
        case "off", "false", "0", "no": settings.introspection = false
        case let other?: throw ConfigurationError.invalid("INTROSPECTION", "\(other) is not on or off")
        }
        return settings
    }
}
