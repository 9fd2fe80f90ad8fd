import Foundation
import Hummingbird
import Logging
import HummingbirdTesting
import Resolvers
import XCTest
@testable import Server

/// `GET /healthz` through the real router, against the real test database and against none.
final class HealthTests: XCTestCase {
    func testHealthyWhenTheDatabaseAnswers() async throws {
        let app = try buildApplication(configuration: try TestSettings.configuration(), logger: TestSettings.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(String(buffer: response.body), #"{"status":"ok","database":"ok"}"#)
            }
        }
    }

    func testUnavailableWhenTheDatabaseIsDown() async throws {
        var configuration = try TestSettings.configuration()
        // Nothing listens on port 1 of the loopback address.
        configuration.databaseURL = try DatabaseURL("postgres://nobody:x@127.0.0.1:1/none")
        let app = try buildApplication(configuration: configuration, logger: TestSettings.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                XCTAssertEqual(response.status, .serviceUnavailable)
                XCTAssertEqual(String(buffer: response.body), #"{"status":"unavailable","database":"unavailable"}"#)
            }
        }
    }
}

enum TestSettings {
    static let logger: Logger = {
        var logger = Logger(label: "tests")
        logger.logLevel = .warning
        return logger
    }()

    /// The configuration a test server runs with: the services file at the repository
    /// root, the environment over it, and `TEST_DATABASE_URL` as the database.
    static func configuration() throws -> AppConfiguration {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var variables = AppConfiguration.variables(workingDirectory: root.path)
        if let test = variables["TEST_DATABASE_URL"] { variables["DATABASE_URL"] = test }
        return try AppConfiguration(variables: variables)
    }
}
