// Differential tests against graphql-js (Debian's 16.6, run through node): printSchema
// output, and buildSchema / validateSchema errors, must be identical.

import Foundation
import GraphQLEngine
import XCTest

final class GraphQLJSDifferentialTests: XCTestCase {
    private static let script = """
        const out = input.map((sdl) => {
          let schema;
          try { schema = g.buildSchema(sdl); } catch (e) { return { buildError: e.message }; }
          const errors = g.validateSchema(schema).map((e) => e.locations ? { message: e.message, locations: e.locations } : { message: e.message });
          let printed;
          try { printed = g.printSchema(schema); } catch (e) { printed = 'THROWN: ' + e.message; }
          return { printed, errors };
        });
        process.stdout.write(JSON.stringify(out));
        """

    private func ours(_ sdl: String) -> [String: Any] {
        do {
            let schema = try buildSchema(sdl)
            return [
                "printed": printSchema(schema),
                "errors": Conformance.errorsJSON(validateSchema(schema)),
            ]
        } catch {
            return ["buildError": error.message]
        }
    }

    private func compare(_ samples: [String], label: String) throws {
        guard NodeOracle.available() else { return }
        guard let theirs = try NodeOracle.run(script: Self.script, input: samples) as? [[String: Any]] else {
            return XCTFail("graphql-js gave no answer")
        }
        XCTAssertEqual(theirs.count, samples.count)
        var failures: [String] = []
        for (i, sdl) in samples.enumerated() where i < theirs.count {
            let expected = theirs[i]
            let actual = ours(sdl)
            for key in ["buildError", "printed", "errors"] {
                let e = expected[key].map(Conformance.canonical) ?? "-"
                let a = actual[key].map(Conformance.canonical) ?? "-"
                if e != a {
                    failures.append("\(label) #\(i + 1) \(key):\n--- graphql-js\n\(expected[key] ?? "-")\n--- ours\n\(actual[key] ?? "-")")
                }
            }
        }
        print("differential \(label): \(samples.count - Set(failures.map { $0.split(separator: " ")[1] }).count)/\(samples.count) identical")
        if !failures.isEmpty { XCTFail(failures.prefix(10).joined(separator: "\n\n")) }
    }

    func testPrintSchemaMatchesGraphQLJS() throws {
        try compare(SchemaSamples.valid, label: "printSchema")
    }

    func testSchemaErrorsMatchGraphQLJS() throws {
        try compare(SchemaSamples.invalid, label: "schema errors")
    }
}
