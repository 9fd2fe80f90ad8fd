import Foundation
import XCTest
@testable import GraphQLEngine

/// `validate` against graphql-js (Debian's 16.6 through node) on generated documents over
/// the sample schemas and the conformance corpus's schemas. graphql-js 16.6 has neither
/// `@oneOf` nor MaxIntrospectionDepthRule: schemas with `@oneOf` are left out, and both
/// sides run the same rules, ours minus MaxIntrospectionDepthRule and
/// OverlappingFieldsCanBeMergedRule, matched by name.
final class DifferentialValidateTests: XCTestCase {
    static let documentsPerSchema = 120
    static let seed: UInt64 = 20_251_121

    static let script = #"""
        const names = new Set(input.rules);
        const rules = g.specifiedRules.filter((rule) => names.has(rule.name));
        const schemas = new Map();
        const out = input.cases.map((c) => {
          let schema = schemas.get(c.schema);
          if (!schema) { schema = g.buildSchema(c.schema); schemas.set(c.schema, schema); }
          let document;
          try { document = g.parse(c.document); } catch (e) { return { parseError: e.message }; }
          try {
            return { errors: g.validate(schema, document, rules).map((e) => ({ message: e.message, locations: e.locations })) };
          } catch (e) {
            return { thrown: e.message };
          }
        });
        process.stdout.write(JSON.stringify({ rules: rules.map((r) => r.name), results: out }));
        """#

    /// The schemas: the sample schemas, then the corpus's distinct validate schemas (when present).
    static func schemas() -> [String] {
        var result = SchemaSamples.valid
        if let cases = try? Conformance.load("validate") {
            var seen: Set<String> = []
            for c in cases {
                guard let sdl = c.schema, !sdl.contains("@oneOf"), seen.insert(sdl).inserted else { continue }
                result.append(sdl)
            }
        } else {
            print("differential validate: conformance corpus absent; using the sample schemas only")
        }
        return result.filter { sdl in
            guard let schema = try? buildSchema(sdl) else { return false }
            return validateSchema(schema).isEmpty
        }
    }

    func testValidateAgreesWithGraphQLJS() throws {
        guard NodeOracle.available() else { return }
        // OverlappingFieldsCanBeMerged has a differential test of its own: graphql-js 16.6
        // lacks 16.10's nested-fragment fix, and its 16.6 algorithm overflows the stack on
        // the fragment cycles this generator makes.
        let rules = specifiedRules.filter {
            $0.name != "MaxIntrospectionDepthRule" && $0.name != "OverlappingFieldsCanBeMergedRule"
        }
        var cases: [(schema: String, document: String)] = []
        for (i, sdl) in Self.schemas().enumerated() {
            guard let schema = try? buildSchema(sdl) else { continue }
            var generator = ValidationDocumentGenerator(schema: schema, seed: Self.seed &+ UInt64(i))
            for _ in 0..<Self.documentsPerSchema { cases.append((sdl, generator.document())) }
        }
        let input: [String: Any] = [
            "rules": rules.map(\.name),
            "cases": cases.map { ["schema": $0.schema, "document": $0.document] },
        ]
        guard let output = try NodeOracle.run(script: Self.script, input: input) as? [String: Any],
            let results = output["results"] as? [[String: Any]], results.count == cases.count
        else {
            XCTFail("graphql-js gave no usable answer")
            return
        }
        let jsRules = (output["rules"] as? [String]) ?? []
        XCTAssertEqual(jsRules, rules.map(\.name), "graphql-js lacks some of our rules")

        var compared = 0
        var invalid = 0
        var failures: [String] = []
        var schemaCache: [String: GraphQLSchema] = [:]
        for (c, js) in zip(cases, results) {
            guard js["parseError"] == nil, let document = try? parse(c.document) else { continue }
            guard let schema = schemaCache[c.schema] ?? (try? buildSchema(c.schema)) else { continue }
            schemaCache[c.schema] = schema
            let ours = validate(schema: schema, document: document, rules: rules)
            let got = canonicalErrors(Conformance.errorsJSON(ours))
            let want: String
            if let thrown = js["thrown"] as? String {
                // graphql-js threw out of validate; we report that error last (see SingleFieldSubscriptionsRule).
                want = "thrown: " + thrown
                compared += 1
                if ours.last?.message != thrown {
                    failures.append("\(c.document)\n  graphql-js: \(want)\n  ours:       \(got)")
                }
                continue
            }
            want = canonicalErrors((js["errors"] as? [[String: Any]]) ?? [])
            compared += 1
            if !ours.isEmpty { invalid += 1 }
            if want != got {
                failures.append("\(c.document)\n  graphql-js: \(want)\n  ours:       \(got)")
            }
        }
        print("differential validate: \(compared) documents compared (\(invalid) invalid), \(failures.count) differ")
        if !failures.isEmpty {
            XCTFail("\(failures.count) documents differ from graphql-js:\n" + failures.prefix(10).joined(separator: "\n\n"))
        }
    }
}
