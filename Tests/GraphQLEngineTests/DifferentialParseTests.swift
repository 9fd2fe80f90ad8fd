import Foundation
import XCTest
@testable import GraphQLEngine

/// Parses generated documents with both this engine and graphql-js (through node) and
/// compares `print` output or the syntax error (message and locations).
final class DifferentialParseTests: XCTestCase {
    /// Reads `{docs: [...]}` from argv[2], writes one result per document to argv[3].
    static let oracleScript = #"""
    let g;
    try { g = require('graphql'); } catch (e) {
      try { g = require('/usr/share/nodejs/graphql'); } catch (e2) { process.exit(3); }
    }
    const fs = require('fs');
    // JSON cannot carry lone surrogates to Swift; the engine prints U+FFFD for them.
    const clean = (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    const docs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
    const out = docs.map((d) => {
      try {
        return { ok: true, printed: g.print(g.parse(d)) };
      } catch (e) {
        if (!(e instanceof g.GraphQLError)) return { ok: false, message: 'non-GraphQL error: ' + e, locations: [] };
        return { ok: false, message: clean(e.message), locations: (e.locations || []).map((l) => [l.line, l.column]) };
      }
    });
    fs.writeFileSync(process.argv[3], JSON.stringify(out));
    """#

    func testAgainstGraphQLJS() throws {
        guard let node = findExecutable("node") else {
            print("differential: node is not on PATH; skipping the comparison with graphql-js")
            return
        }
        let docs = DocumentCorpus.differentialSet(count: 1500, seed: 0xD1FF)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gqldiff-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("oracle.js")
        let input = dir.appendingPathComponent("docs.json")
        let output = dir.appendingPathComponent("out.json")
        try Self.oracleScript.write(to: script, atomically: true, encoding: .utf8)
        try JSONSerialization.data(withJSONObject: docs).write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [script.path, input.path, output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus == 3 {
            print("differential: graphql-js is not available to node; skipping the comparison")
            return
        }
        XCTAssertEqual(process.terminationStatus, 0, "node oracle failed")
        guard process.terminationStatus == 0,
              let results = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [[String: Any]],
              results.count == docs.count
        else { return XCTFail("unreadable oracle output") }

        var mismatches: [String] = []
        for (doc, js) in zip(docs, results) {
            let expected: String
            if js["ok"] as? Bool == true {
                expected = "ok: " + ((js["printed"] as? String) ?? "")
            } else {
                let locs = (js["locations"] as? [[Int]] ?? []).map { "\($0[0]):\($0[1])" }
                expected = "error: " + ((js["message"] as? String) ?? "") + " @" + locs.joined(separator: ",")
            }
            let got: String
            do {
                got = "ok: " + printAST(try parse(doc))
            } catch {
                got = "error: " + error.message + " @" + error.locations.map(\.description).joined(separator: ",")
            }
            if got != expected {
                mismatches.append("input: \(doc.debugDescription)\n  graphql-js: \(expected.debugDescription)\n  ours:       \(got.debugDescription)")
            }
        }
        print("differential: \(docs.count - mismatches.count)/\(docs.count) documents agree with graphql-js")
        XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) differences:\n" + mismatches.prefix(10).joined(separator: "\n"))
    }

    private func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
