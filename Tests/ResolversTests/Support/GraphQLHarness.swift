import Foundation
import GraphQLEngine
import Logging
import PostgresNIO
import XCTest

@testable import Resolvers

/// The marketplace schema bound to its resolvers over a scratch database migrated for the
/// test: runs GraphQL documents through the engine the way the server does (a context per
/// request from `MarketplaceContextFactory`) and reports each request's statement count.
struct GraphQLHarness: Sendable {
    let database: Database
    let services: MarketplaceServices
    let factory: MarketplaceContextFactory
    let executable: ExecutableSchema

    /// `schema.graphql` at the package root.
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schema.graphql").path

    /// Runs `body` with a harness on a new, migrated database (dropped afterwards).
    static func with<T: Sendable>(
        configure: (inout AccountsConfiguration) -> Void = { _ in }, commerce: CommerceConfiguration = CommerceConfiguration(),
        stripe configureStripe: (inout StripeConfiguration) -> Void = { _ in },
        events: EventHub.Settings = EventHub.Settings(),
        _ body: (GraphQLHarness) async throws -> T
    ) async throws -> T {
        let executable = try MarketplaceSchema.load(path: schemaPath)
        return try await TestDatabase.withScratchDatabase { database in
            try await Migrator(client: database.client, logger: TestDatabase.logger).migrate(try Migration.bundled())
            // bcrypt's minimum cost keeps each hash near a millisecond.
            var accounts = AccountsConfiguration(
                jwtSecret: "test-secret-test-secret-test-secret-0123", publicURL: "https://shop.test", bcryptCost: 4)
            configure(&accounts)
            // S3 from the environment over .data/services.env, as the server reads it.
            let storage = try? S3Configuration(environment: S3TestEnvironment.variables())
            // Stripe is the local one `make test` starts (scripts/localstripe_ext).
            var stripe = try? StripeConfiguration(environment: S3TestEnvironment.variables())
            if stripe != nil { configureStripe(&stripe!) }
            let services = await MarketplaceServices.make(
                database: database, accounts: accounts, storage: storage, stripe: stripe, commerce: commerce,
                events: events, logger: TestDatabase.logger)
            let harness = GraphQLHarness(
                database: database, services: services, factory: MarketplaceContextFactory(services: services),
                executable: executable)
            return try await body(harness)
        }
    }

    /// One response: its JSON and the statements the request ran (context included).
    struct Response: @unchecked Sendable {
        // @unchecked: the JSON is read-only once parsed.
        let json: [String: Any]
        let statements: Int

        /// The value at a dotted path (`"data.login.user.email"`; numbers index arrays).
        subscript(path: String) -> Any? {
            var current: Any? = json
            for key in path.split(separator: ".") {
                if let index = Int(key), let array = current as? [Any] {
                    current = index < array.count ? array[index] : nil
                } else {
                    current = (current as? [String: Any])?[String(key)]
                }
            }
            return current is NSNull ? nil : current
        }

        func string(_ path: String) -> String? { self[path] as? String }

        /// The `code`s of the payload's user errors at `path` (`"data.login.errors"`).
        func errorCodes(_ path: String) -> [String] {
            (self[path] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        }

        /// The `extensions.code`s of the top-level errors.
        var topLevelCodes: [String] {
            (json["errors"] as? [[String: Any]])?.compactMap {
                ($0["extensions"] as? [String: Any])?["code"] as? String
            } ?? []
        }
    }

    /// Executes `query` as a request from `clientAddress`, with `token` as its bearer token.
    /// A context error (a bad token) is returned as the server returns it.
    func run(
        _ query: String, _ variables: [String: InputValue] = [:], token: String? = nil,
        clientAddress: String? = "203.0.113.7", file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Response {
        let scope = BatchScope()
        let result: ExecutionResult
        var statements = 0
        do {
            let context = try await factory.makeContext(
                bearerToken: token, requestID: "test", clientAddress: clientAddress, userAgent: "tests", scope: scope)
            let document = try parse(query)
            let errors = validate(schema: executable.schema, document: document)
            XCTAssertEqual(errors.map(\.message), [], "the document is invalid", file: file, line: line)
            result = await execute(
                schema: executable, document: document, variableValues: variables, context: context, batchScope: scope)
            statements = context.sql.counter.value
        } catch let error as GraphQLError {
            result = ExecutionResult.requestError(error)
        }
        let object = try JSONSerialization.jsonObject(with: Data(result.json())) as? [String: Any] ?? [:]
        return Response(json: object, statements: statements)
    }

    /// The token of the newest mail of `template` to `email` (read from its link).
    func mailedToken(to email: String, template: String) async throws -> String? {
        let rows = try await database.client.query("""
            SELECT payload->>'link' FROM marketplace.email_outbox
            WHERE to_address = \(email)::citext AND template = \(template) ORDER BY created_at DESC, id LIMIT 1
            """, logger: TestDatabase.logger).collect()
        guard let link = try rows.first?.decode(String.self),
              let components = URLComponents(string: link)
        else { return nil }
        return components.queryItems?.first { $0.name == "token" }?.value
    }

    /// `mailedToken`, failing the test when there is none.
    func requireMailedToken(to email: String, template: String, file: StaticString = #filePath, line: UInt = #line)
        async throws -> String
    {
        let token = try await mailedToken(to: email, template: template)
        return try XCTUnwrap(token, "no \(template) mail to \(email)", file: file, line: line)
    }

    /// Runs SQL of the test's own (setting up states the API cannot reach, checking rows).
    @discardableResult
    func sql(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await database.client.query(query, logger: TestDatabase.logger).collect()
    }

    // MARK: Common steps

    static let registerDocument = """
        mutation($input: RegisterInput!) {
          register(input: $input) {
            accessToken refreshToken accessTokenExpiresAt
            user { id email emailVerified firstName lastName role createdAt }
            errors { field code message }
          }
        }
        """

    static let loginDocument = """
        mutation($email: String!, $password: String!) {
          login(email: $email, password: $password) {
            accessToken refreshToken user { id email } errors { field code message }
          }
        }
        """

    /// Registers an account and returns its tokens (fails the test if it cannot).
    func register(
        _ email: String = "ada@example.com", password: String = "correct horse 1", first: String = "Ada",
        last: String = "Lovelace", file: StaticString = #filePath, line: UInt = #line
    ) async throws -> (access: String, refresh: String, id: String) {
        let response = try await run(Self.registerDocument, [
            "input": ["email": .string(email), "password": .string(password), "firstName": .string(first),
                      "lastName": .string(last)],
        ])
        XCTAssertEqual(response.errorCodes("data.register.errors"), [], file: file, line: line)
        let access = try XCTUnwrap(response.string("data.register.accessToken"), file: file, line: line)
        let refresh = try XCTUnwrap(response.string("data.register.refreshToken"), file: file, line: line)
        let id = try XCTUnwrap(response.string("data.register.user.id"), file: file, line: line)
        return (access, refresh, id)
    }

    func login(_ email: String, _ password: String, clientAddress: String? = "203.0.113.7") async throws -> Response {
        try await run(
            Self.loginDocument, ["email": .string(email), "password": .string(password)], clientAddress: clientAddress)
    }
}

/// `XCTAssertEqual` for values that take an `await` to get (XCTest's autoclosures are synchronous).
func expectEqual<T: Equatable>(
    _ actual: @autoclosure () async throws -> T, _ expected: @autoclosure () throws -> T, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) async throws {
    let value = try await actual()
    XCTAssertEqual(value, try expected(), message, file: file, line: line)
}
