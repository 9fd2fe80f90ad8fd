import Foundation
import GraphQLEngine

/// Helpers for tests that read the conformance corpus outside the suite runner.
enum Conformance {
    /// `CONFORMANCE_DIR`, or the shared corpus beside the repository.
    static var directory: String { conformanceDirectory().path }

    /// The cases of one suite file (`<suite>.json`); throws when the file is absent.
    static func load(_ suite: String) throws -> [ConformanceCase] {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(suite + ".json")
        guard let array = try decodeJSONKeepingBOM(Data(contentsOf: url)) as? [Any] else { return [] }
        return array.compactMap(ConformanceCase.init(json:))
    }

    /// Errors as the corpus writes them: `[{"message", "locations": [{"line", "column"}]}]`.
    static func errorsJSON(_ errors: [GraphQLError]) -> [[String: Any]] {
        errors.map { e in
            var o: [String: Any] = ["message": e.message]
            if !e.locations.isEmpty {
                o["locations"] = e.locations.map { ["line": $0.line, "column": $0.column] }
            }
            return o
        }
    }

    /// Canonical text of a JSON value (sorted keys), for comparing and showing differences.
    static func canonical(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value) || value is [Any] else { return "\(value)" }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) else {
            return "\(value)"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
