import Foundation
import GraphQLEngine
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import Resolvers
import XCTest

@testable import Server

/// Accounts over real HTTP: the server as `marketplace serve` builds it, on a new migrated
/// database, through one account's whole life.
final class AccountsEndToEndTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testAnAccountsLifeOverHTTP() async throws {
        var configuration = try TestSettings.configuration()
        configuration.accounts.bcryptCost = 4
        try await withScratchDatabase(configuration.databaseURL) { database in
            let service = try await makeGraphQLService(
                configuration: configuration, database: database, metrics: ServerMetrics(), logger: TestSettings.logger,
                schemaPath: Self.root.appendingPathComponent("schema.graphql").path)
            let app = try buildApplication(
                configuration: configuration, logger: TestSettings.logger, graphQL: try XCTUnwrap(service),
                database: database)
            try await app.test(.live) { client in
                // Register.
                let registered = try await Self.graphQL(client, """
                    mutation { register(input: {email: "ada@example.com", password: "analytical1",
                                                firstName: "Ada", lastName: "Lovelace"}) {
                      accessToken user { id emailVerified } errors { code } } }
                    """)
                XCTAssertEqual((Self.value(registered, "data.register.errors") as? [Any])?.count, 0)
                let id = try XCTUnwrap(Self.value(registered, "data.register.user.id") as? String)

                // The verification link, read from the outbox, verifies the email.
                let link = try await database.client.query("""
                    SELECT payload->>'link' FROM marketplace.email_outbox
                    WHERE to_address = 'ada@example.com' AND template = 'verify_email'
                    """, logger: TestSettings.logger).collect().first?.decode(String.self)
                let token = try XCTUnwrap(link.flatMap(URLComponents.init(string:))?.queryItems?
                    .first { $0.name == "token" }?.value)
                let verified = try await Self.graphQL(
                    client, #"mutation { verifyEmail(token: "\#(token)") { user { emailVerified } errors { code } } }"#)
                XCTAssertEqual(Self.value(verified, "data.verifyEmail.user.emailVerified") as? Bool, true)

                // Sign in, then `me` with the bearer token.
                let login = try await Self.graphQL(client, """
                    mutation { login(email: "ada@example.com", password: "analytical1") {
                      accessToken refreshToken errors { code } } }
                    """)
                let access = try XCTUnwrap(Self.value(login, "data.login.accessToken") as? String)
                let refresh = try XCTUnwrap(Self.value(login, "data.login.refreshToken") as? String)
                let me = try await Self.graphQL(client, "{ me { id email emailVerified } }", token: access)
                XCTAssertEqual(Self.value(me, "data.me.id") as? String, id)
                XCTAssertEqual(Self.value(me, "data.me.email") as? String, "ada@example.com")
                XCTAssertEqual(Self.value(me, "data.me.emailVerified") as? Bool, true)

                // The session records the client's address (the test client's loopback peer).
                let address = try await database.client.query(
                    "SELECT client_address FROM marketplace.sessions ORDER BY created_at DESC LIMIT 1",
                    logger: TestSettings.logger
                ).collect().first?.decode(String?.self)
                XCTAssertEqual(address, "127.0.0.1")

                // Refresh: new tokens that work.
                let refreshed = try await Self.graphQL(
                    client, #"mutation { refreshSession(refreshToken: "\#(refresh)") { accessToken errors { code } } }"#)
                let newAccess = try XCTUnwrap(Self.value(refreshed, "data.refreshSession.accessToken") as? String)
                let meAgain = try await Self.graphQL(client, "{ me { id } }", token: newAccess)
                XCTAssertEqual(Self.value(meAgain, "data.me.id") as? String, id)

                // Logout: the session's tokens are refused from then on.
                let logout = try await Self.graphQL(client, "mutation { logout { success } }", token: newAccess)
                XCTAssertEqual(Self.value(logout, "data.logout.success") as? Bool, true)
                let rejected = try await Self.graphQL(client, "{ me { id } }", token: newAccess)
                let errors = try XCTUnwrap(rejected["errors"] as? [[String: Any]])
                XCTAssertEqual((errors.first?["extensions"] as? [String: Any])?["code"] as? String, "UNAUTHENTICATED")
                XCTAssertNil(rejected["data"])
                // Without a token, `me` is simply null.
                let anonymous = try await Self.graphQL(client, "{ me { id } }")
                XCTAssertEqual(anonymous["data"] as? [String: NSNull], ["me": NSNull()])
            }
        }
    }

    /// POSTs a document as `application/json` and returns the response's JSON.
    static func graphQL(_ client: any TestClientProtocol, _ query: String, token: String? = nil) async throws
        -> [String: Any]
    {
        var headers: HTTPFields = [.contentType: "application/json", .accept: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let body = try JSONSerialization.data(withJSONObject: ["query": query])
        return try await client.execute(
            uri: "/graphql", method: .post, headers: headers, body: ByteBuffer(bytes: body)
        ) { response in
            XCTAssertEqual(response.status, .ok)
            return try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any] ?? [:]
        }
    }

    static func value(_ json: [String: Any], _ path: String) -> Any? {
        var current: Any? = json
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return current is NSNull ? nil : current
    }
}
