import Foundation
@testable import GraphQLEngine

/// The `validate_sdl` phase: `validateSDL(parse(document), schema ? buildSchema(schema) : nil)`,
/// errors compared in order by message and locations.
enum ValidateSDLPhase {
    static func run(_ c: ConformanceCase) -> CaseOutcome {
        let got: String
        do {
            let schema = try c.schema.map { s throws(SchemaError) in try buildSchema(s) }
            let document = try parse(c.document)
            got = canonicalErrors(Conformance.errorsJSON(validateSDL(document, schema: schema)))
        } catch {
            got = "thrown: \(error)"
        }
        let want = canonicalErrors((c.expected as? [[String: Any]]) ?? [])
        return want == got ? .passed : .failed(expected: want, got: got)
    }
}
