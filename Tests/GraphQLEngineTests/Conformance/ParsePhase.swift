import Foundation
@testable import GraphQLEngine

/// The `parse` phase: `parse(document)`, then `print` it or report the syntax error.
enum ParsePhase {
    static func run(_ c: ConformanceCase) -> CaseOutcome {
        guard let expected = c.expected as? [String: Any], let ok = expected["ok"] as? Bool else {
            return .failed(expected: "\(c.expected)", got: "unreadable expected value")
        }
        let got: String
        do {
            let document = try parse(c.document)
            got = "ok: " + printAST(document)
        } catch {
            got = "error: " + canonicalErrors([[
                "message": error.message,
                "locations": error.locations.map { ["line": $0.line, "column": $0.column] },
            ]])
        }
        let want: String
        if ok {
            want = "ok: " + ((expected["printed"] as? String) ?? "<missing printed>")
        } else {
            want = "error: " + canonicalErrors((expected["errors"] as? [[String: Any]]) ?? [])
        }
        return want == got ? .passed : .failed(expected: want, got: got)
    }
}
