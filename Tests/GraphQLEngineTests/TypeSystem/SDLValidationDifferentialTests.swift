// Differential test of validateSDL against graphql-js, through the conformance corpus's
// oracle (graphql-js 16.6 plus its ports of the 16.11 changes, e.g. @oneOf).

import Foundation
import GraphQLEngine
import XCTest

final class SDLValidationDifferentialTests: XCTestCase {
    func testValidateSDLMatchesGraphQLJS() throws {
        guard NodeOracle.available(), let node = NodeOracle.nodePath else { return }
        let oracle = URL(fileURLWithPath: Conformance.directory).deletingLastPathComponent()
            .appendingPathComponent("oracle.js")
        guard FileManager.default.fileExists(atPath: oracle.path) else {
            print("oracle.js not found at \(oracle.path): skipping the validateSDL differential test")
            return
        }
        let samples = SDLValidationSamples.cases
        let cases: [[String: Any]] = samples.enumerated().map { i, c in
            [
                "id": "sdl/\(i + 1)", "phase": "validate_sdl", "document": c.document,
                "schema": c.schema ?? NSNull(), "expected": [Any](),
            ]
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sdl-cases-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: cases).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [oracle.path, "--dump", file.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let expected = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            return XCTFail("oracle gave no answer")
        }
        var failures: [String] = []
        for (i, c) in samples.enumerated() {
            let actual: String
            do {
                let schema = try c.schema.map { s throws(SchemaError) in try buildSchema(s) }
                actual = Conformance.canonical(
                    Conformance.errorsJSON(validateSDL(try parse(c.document), schema: schema)))
            } catch {
                actual = "thrown: \(error)"
            }
            let entry = expected["sdl/\(i + 1)"]
            let e = ((entry as? [String: Any])?["expected"] ?? entry).map(Conformance.canonical) ?? "-"
            if e != actual { failures.append("sample \(i + 1)\n  graphql-js: \(e)\n  ours:       \(actual)") }
        }
        print("differential validateSDL: \(samples.count - failures.count)/\(samples.count) identical")
        if !failures.isEmpty { XCTFail(failures.prefix(10).joined(separator: "\n")) }
    }
}
