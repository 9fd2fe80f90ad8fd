import Foundation
import XCTest
@testable import GraphQLEngine

/// Runs the shared graphql-js conformance corpus: every `*.json` suite in the
/// conformance directory, one report line per suite.
final class ConformanceTests: XCTestCase {
    /// Suites that must pass completely; the others are reported only.
    static let requiredSuites: Set<String> = ["parse", "validate_sdl", "validate", "introspection_depth", "execute"]

    /// One runner per phase. Phases without a runner count their cases as not passed.
    static let phaseRunners: [String: PhaseRunner] = [
        "parse": ParsePhase.run,
        "validate": ValidatePhase.run,
        "validate_sdl": ValidateSDLPhase.run,
        "execute": ExecutePhase.run,
    ]

    func testConformanceSuites() async throws {
        let dir = conformanceDirectory()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            print("conformance: directory \(dir.path) is absent; skipping the conformance suites")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        for file in files {
            let suite = String(file.dropLast(".json".count))
            let data = try Data(contentsOf: dir.appendingPathComponent(file))
            guard let array = try decodeJSONKeepingBOM(data) as? [Any] else {
                XCTFail("conformance \(suite): not a JSON array")
                continue
            }
            let ordered = try? JSONReader.parse(Array(data))
            var passed = 0
            var failures: [(id: String, expected: String, got: String)] = []
            for (index, item) in array.enumerated() {
                guard var c = ConformanceCase(json: item) else {
                    failures.append(("<unreadable case>", "", ""))
                    continue
                }
                if case .list(let cases)? = ordered, index < cases.count { c.ordered = cases[index] }
                let outcome = await Self.phaseRunners[c.phase]?(c) ?? .notImplemented
                switch outcome {
                case .passed: passed += 1
                case .failed(let expected, let got): failures.append((c.id, expected, got))
                case .notImplemented: break
                }
            }
            print("conformance \(suite): \(passed)/\(array.count) passed")
            if ProcessInfo.processInfo.environment["CONFORMANCE_VERBOSE"] != nil {
                for f in failures { print("FAIL \(f.id)\n  expected: \(f.expected)\n  got:      \(f.got)") }
            }
            if Self.requiredSuites.contains(suite) && passed != array.count {
                let report = failures.prefix(20).map { "\($0.id)\n  expected: \($0.expected)\n  got:      \($0.got)" }
                    .joined(separator: "\n")
                XCTFail("conformance \(suite): \(array.count - passed) cases failed:\n\(report)")
            }
        }
    }
}
