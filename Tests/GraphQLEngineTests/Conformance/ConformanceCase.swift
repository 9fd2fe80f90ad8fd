import Foundation
import GraphQLEngine

/// One case of the shared conformance corpus (see shared/conformance/README.md).
struct ConformanceCase {
    var id: String
    var phase: String
    var schema: String?
    var document: String
    var variables: Any?
    var operationName: String?
    var rootValue: Any?
    /// The raw `expected` JSON value (graphql-js 16.11's answer).
    var expected: Any
    var unorderedPaths: [String]
    /// The case as read by the engine's order-preserving JSON reader (`expected.data`'s key
    /// order matters), when the runner provides it.
    var ordered: InputValue?

    init?(json: Any) {
        guard let o = json as? [String: Any],
              let id = o["id"] as? String,
              let phase = o["phase"] as? String,
              let document = o["document"] as? String,
              let expected = o["expected"]
        else { return nil }
        self.id = id
        self.phase = phase
        self.schema = o["schema"] as? String
        self.document = document
        self.variables = o["variables"].flatMap { $0 is NSNull ? nil : $0 }
        self.operationName = o["operationName"] as? String
        self.rootValue = o["rootValue"].flatMap { $0 is NSNull ? nil : $0 }
        self.expected = expected
        self.unorderedPaths = o["unorderedPaths"] as? [String] ?? []
    }
}

/// The result of running one case.
enum CaseOutcome {
    case passed
    case failed(expected: String, got: String)
    /// The phase has no runner yet: counted as not passed, never a failure.
    case notImplemented
}

/// A phase runner: runs one case and compares with `expected` per the README's rules.
typealias PhaseRunner = @Sendable (ConformanceCase) async -> CaseOutcome

/// Where the suites live: `CONFORMANCE_DIR`, else `<repo>/../shared/conformance/cases`.
func conformanceDirectory(filePath: String = #filePath) -> URL {
    if let dir = ProcessInfo.processInfo.environment["CONFORMANCE_DIR"], !dir.isEmpty {
        return URL(fileURLWithPath: dir)
    }
    // filePath = <repo>/Tests/GraphQLEngineTests/Conformance/<file>.swift
    let repoRoot = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // Conformance
        .deletingLastPathComponent()  // GraphQLEngineTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo root
    return repoRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/cases")
}

/// Canonical text of an error list `[{message, locations, path}]` for comparison and reports.
func canonicalErrors(_ errors: [[String: Any]]) -> String {
    errors.map { e -> String in
        var s = (e["message"] as? String) ?? "<no message>"
        if let locs = e["locations"] as? [[String: Any]] {
            s += " @" + locs.map { "\(($0["line"] as? Int) ?? -1):\(($0["column"] as? Int) ?? -1)" }
                .joined(separator: ",")
        }
        if let path = e["path"] as? [Any] {
            s += " path=" + path.map { "\($0)" }.joined(separator: ".")
        }
        return s
    }.joined(separator: " | ")
}

/// Decodes JSON, first rewriting raw U+FEFF bytes as `\ufeff`: Foundation's
/// JSONSerialization silently drops a raw BOM at the start of a string value
/// (parse/test_lexer/1 starts with one).
func decodeJSONKeepingBOM(_ data: Data) throws -> Any {
    var bytes = [UInt8]()
    bytes.reserveCapacity(data.count)
    var i = data.startIndex
    while i < data.endIndex {
        if data[i] == 0xEF, i + 2 < data.endIndex, data[i + 1] == 0xBB, data[i + 2] == 0xBF {
            bytes.append(contentsOf: Array("\\ufeff".utf8))
            i += 3
        } else {
            bytes.append(data[i])
            i += 1
        }
    }
    return try JSONSerialization.jsonObject(with: Data(bytes))
}
