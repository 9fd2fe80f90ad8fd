import Foundation
import XCTest
@testable import Resolvers

final class MigrationTests: XCTestCase {
    func testBundledMigrationsAreOrderedAndNumberedFromOne() throws {
        let migrations = try Migration.bundled()
        XCTAssertFalse(migrations.isEmpty)
        XCTAssertEqual(migrations.map(\.version), Array(1...migrations.count), "versions are 1, 2, 3, ... with no gaps")
    }

    func testLoadRejectsBadNamesAndDuplicates() throws {
        let folder = try temporaryFolder(files: ["0001_a.sql": "SELECT 1", "notes.sql": "SELECT 2"])
        XCTAssertThrowsError(try Migration.load(from: folder)) { error in
            XCTAssertEqual("\(error)", "migration file notes.sql is not named NNNN_name.sql")
        }
        let duplicate = try temporaryFolder(files: ["0001_a.sql": "SELECT 1", "001_b.sql": "SELECT 2"])
        XCTAssertThrowsError(try Migration.load(from: duplicate)) { error in
            XCTAssertEqual("\(error)", "two migration files have version 1")
        }
    }

    func testLoadOrdersByNumberNotByName() throws {
        let folder = try temporaryFolder(files: ["0010_ten.sql": "SELECT 10", "0002_two.sql": "SELECT 2", "README.md": "x"])
        XCTAssertEqual(try Migration.load(from: folder).map(\.name), ["two", "ten"])
    }

    private func temporaryFolder(files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
