import XCTest
@testable import Server

final class ConfigurationTests: XCTestCase {
    func testEnvironmentFileReadsShellAssignments() {
        let text = """
            # comment
            DATABASE_URL=postgres://u:p@127.0.0.1:5432/db
            export PORT="9000"
            S3_BUCKET='bucket'

            NOT_AN_ASSIGNMENT
            """
        XCTAssertEqual(EnvironmentFile.parse(text), [
            "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db", "PORT": "9000", "S3_BUCKET": "bucket",
        ])
    }

    func testEnvironmentWinsOverTheServicesFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "PORT=8081\nDATABASE_URL=postgres://a:b@127.0.0.1:1/file\n"
            .write(to: folder.appendingPathComponent(".data/services.env"), atomically: true, encoding: .utf8)
        let variables = AppConfiguration.variables(environment: ["PORT": "9999"], workingDirectory: folder.path)
        let configuration = try AppConfiguration(variables: variables)
        XCTAssertEqual(configuration.port, 9999)
        XCTAssertEqual(configuration.databaseURL.database, "file")
        XCTAssertEqual(configuration.databaseURL.port, 1)
    }

    func testMissingOrBadSettingsSayWhatToDo() {
        XCTAssertThrowsError(try AppConfiguration(variables: [:])) { error in
            XCTAssertTrue("\(error)".hasPrefix("DATABASE_URL is not set."), "\(error)")
        }
        XCTAssertThrowsError(try AppConfiguration(variables: ["DATABASE_URL": "postgres://u@h/db", "PORT": "http"])) { error in
            XCTAssertEqual("\(error)", "PORT is invalid: http is not a port number")
        }
        XCTAssertThrowsError(try AppConfiguration(variables: ["DATABASE_URL": "mysql://u@h/db"])) { error in
            XCTAssertTrue("\(error)".hasPrefix("DATABASE_URL is not a valid PostgreSQL URL"), "\(error)")
        }
    }
}
