import Foundation
import XCTest
@testable import Server

/// `marketplace schema print` and `schema check`, through the built executable.
final class SchemaCommandTests: XCTestCase {
    static var executable: URL {
        // The test bundle sits beside the `marketplace` executable in the build folder.
        var dir = Bundle(for: SchemaCommandTests.self).bundleURL
        while dir.path != "/" && !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("marketplace").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("marketplace")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func write(_ sdl: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).graphql").path
        try sdl.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testPrintIsGraphQLJSPrintSchema() throws {
        let path = try write("""
            type Query { listing(id: ID!): Listing }
            "A thing for sale" type Listing { id: ID! title: String! @deprecated(reason: "use name") }
            """)
        let (status, output, _) = try run(["schema", "print", "--schema", path])
        XCTAssertEqual(status, 0)
        XCTAssertEqual(output, """
            type Query {
              listing(id: ID!): Listing
            }

            \"\"\"A thing for sale\"\"\"
            type Listing {
              id: ID!
              title: String! @deprecated(reason: "use name")
            }

            """)
    }

    func testPrintReportsInvalidSDLWithLocations() throws {
        let path = try write("type Query { a: Nope }")
        let (status, _, errors) = try run(["schema", "print", "--schema", path])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(errors.contains(#"\#(path):1:17: Unknown type "Nope"."#), errors)
    }

    func testCheckListsEveryFieldWithoutAResolver() throws {
        let path = try write("type Query { a: Int b: String }")
        let (status, _, errors) = try run(["schema", "check", "--schema", path])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(errors.contains("Query.a"), errors)
        XCTAssertTrue(errors.contains("Query.b"), errors)
    }
}
