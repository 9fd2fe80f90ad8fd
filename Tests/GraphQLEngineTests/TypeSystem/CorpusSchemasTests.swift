// Every schema of the conformance corpus builds, validates, and prints back as given
// (the corpus's schemas are printed schemas).

import Foundation
import GraphQLEngine
import XCTest

final class CorpusSchemasTests: XCTestCase {
    func testCorpusSchemasBuildValidateAndRoundTrip() throws {
        var schemas: Set<String> = []
        var sdlSuiteSchemas: Set<String> = []
        for suite in ["validate", "execute", "oneof", "introspection_depth", "validate_sdl"] {
            guard let cases = try? Conformance.load(suite) else { continue }
            for c in cases {
                guard let s = c.schema else { continue }
                schemas.insert(s)
                if suite == "validate_sdl" { sdlSuiteSchemas.insert(s) }
            }
        }
        var failures: [String] = []
        for sdl in schemas.sorted() {
            do {
                let schema = try buildSchema(sdl)
                let errors = validateSchema(schema)
                let printed = printSchema(schema)
                // Schemas of the SDL suite need not be valid; the others must be.
                if !errors.isEmpty && !sdlSuiteSchemas.contains(sdl) {
                    failures.append("invalid: \(errors.map(\.message))\n\(sdl)")
                }
                if printed != sdl {
                    failures.append("printed differently:\n--- given\n\(sdl)\n--- printed\n\(printed)")
                }
            } catch {
                failures.append("build failed: \(error)\n\(sdl)")
            }
        }
        print("corpus schemas: \(schemas.count - failures.count)/\(schemas.count) round-trip")
        if !failures.isEmpty { XCTFail(failures.prefix(5).joined(separator: "\n\n")) }
    }
}
