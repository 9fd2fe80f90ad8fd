import XCTest
@testable import GraphQLEngine

// The checker against graphql-js through node, on generated documents. The graphql-js
// at hand is 16.6, whose fragment bookkeeping predates 16.10's nested-fragment fix: the
// checker is compared in its 16.6 mode (which differs from the default only in
// `collectConflictsBetweenFieldsAndFragment` and in comparing arguments through
// `stringifyArguments`), so every other part of the algorithm, the messages, the
// locations and the order are checked exactly. How often 16.11 answers differently on
// the same documents is printed.

final class OverlappingFieldsDifferentialTests: XCTestCase {
    static let oracleScript = """
        const schema = g.buildSchema(input.schema);
        const out = input.docs.map((text) => {
          let doc;
          try { doc = g.parse(text); } catch (e) { return { syntax: String(e.message) }; }
          try {
            return g.validate(schema, doc, [g.OverlappingFieldsCanBeMergedRule], { maxErrors: 1e9 })
              .map((e) => ({ message: e.message, locations: (e.locations || []).map((l) => l.line + ':' + l.column) }));
          } catch (e) {
            return { crash: String(e.message) };
          }
        });
        process.stdout.write(JSON.stringify(out));
        """

    func testAgainstGraphQLJS() throws {
        guard NodeOracle.available() else { return }
        let schema = OverlapSchemas.build(OverlapDocumentGenerator.schemaSDL)
        var docs: [String] = []
        var acyclic = OverlapDocumentGenerator(seed: 0x0F1E_2D3C, schema: schema, allowCycles: false)
        for _ in 0..<400 { docs.append(acyclic.document()) }
        var cyclic = OverlapDocumentGenerator(seed: 0x5A5A_1234, schema: schema, allowCycles: true)
        for _ in 0..<200 { docs.append(cyclic.document()) }
        var sparse = OverlapDocumentGenerator(seed: 0x77, schema: schema, allowCycles: true, aliasChance: 0.05)
        for _ in 0..<200 { docs.append(sparse.document()) }

        let output = try NodeOracle.run(
            script: Self.oracleScript, input: ["schema": OverlapDocumentGenerator.schemaSDL, "docs": docs])
        let results = try XCTUnwrap(output as? [Any], "no answer from graphql-js")
        XCTAssertEqual(results.count, docs.count)

        var agreed = 0
        var withErrors = 0
        var errorCount = 0
        var differs1611 = 0
        var more1611 = 0
        var fewer1611 = 0
        var shortcutDiffers = 0
        var overflowed = 0
        for (text, result) in zip(docs, results) {
            if let crash = (result as? [String: Any])?["crash"] as? String {
                // graphql-js 16.6 recurses forever on some fragment cycles separated by
                // fields (16.10's fields-and-fragment memo ends that); so would the
                // 16.6 mode. The default mode must terminate.
                XCTAssertTrue(crash.contains("call stack"), crash)
                overflowed += 1
                _ = try overlapErrors(text, schema: schema)
                continue
            }
            guard let expectedJSON = result as? [[String: Any]] else {
                XCTFail("graphql-js did not validate: \(result)\n\(text)")
                continue
            }
            let expected = expectedJSON.map {
                ReportedError($0["message"] as? String ?? "", $0["locations"] as? [String] ?? [])
            }
            let got = try overlapErrors(text, schema: schema, algorithm: .graphqlJS16_6)
            if got == expected {
                agreed += 1
            } else {
                XCTFail("differs from graphql-js 16.6:\n\(text)\nexpected: \(expected)\ngot:      \(got)")
            }
            if !expected.isEmpty { withErrors += 1 }
            errorCount += expected.count
            let latest = try overlapErrors(text, schema: schema)
            if latest != got {
                differs1611 += 1
                if latest.count > got.count { more1611 += 1 } else if latest.count < got.count { fewer1611 += 1 }
            }
            if try errorsWithoutShortcut(text, schema) != got { shortcutDiffers += 1 }
        }
        XCTAssertEqual(shortcutDiffers, 0, "skipping identical leaf pairs changed a result")
        print("""
            OverlappingFields differential: \(agreed)/\(docs.count - overflowed) documents identical to \
            graphql-js 16.6 (\(withErrors) with errors, \(errorCount) errors); the 16.11 algorithm answers \
            differently on \(differs1611) of them (\(more1611) with more errors, \(fewer1611) with fewer: 16.10's \
            fields-and-fragment memo finds nested-fragment conflicts and drops repeated comparisons); \
            \(overflowed) more overflow graphql-js 16.6's stack (fragment cycles) and terminate here
            """)
    }

    /// The 16.6-mode errors with every pair compared, as graphql-js does.
    private func errorsWithoutShortcut(_ text: String, _ schema: GraphQLSchema) throws -> [ReportedError] {
        let document = try parse(text)
        var checker = OverlappingFieldsChecker(schema: schema, document: document)
        checker.algorithm = .graphqlJS16_6
        checker.skipsIdenticalLeafPairs = false
        return checker.validate(document: document).map(ReportedError.init)
    }
}
