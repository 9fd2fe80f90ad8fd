import Foundation
@testable import GraphQLEngine

/// The `validate` phase: `validate(buildSchema(schema), parse(document), specifiedRules)`,
/// errors compared in order by message and locations.
enum ValidatePhase {
    static func run(_ c: ConformanceCase) -> CaseOutcome {
        let got: String
        do {
            guard let sdl = c.schema else { return .failed(expected: "a schema", got: "case without schema") }
            let schema = try buildSchema(sdl)
            let document = try parse(c.document)
            got = canonicalErrors(Conformance.errorsJSON(validate(schema: schema, document: document)))
        } catch {
            got = "thrown: \(error)"
        }
        let want = canonicalErrors((c.expected as? [[String: Any]]) ?? [])
        return want == got ? .passed : .failed(expected: want, got: got)
    }
}
