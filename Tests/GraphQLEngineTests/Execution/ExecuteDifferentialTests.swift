import Foundation
import XCTest
@testable import GraphQLEngine

/// `execute` against graphql-js on generated cases: documents, variables, operation names
/// and irregular root values made by `ExecutionCaseGenerator` over the sample schemas and
/// the schemas below, run with the conformance corpus's conventions (the field resolver
/// reads `parent[fieldName]`, `{"$error": msg}` throws, the type resolver reads
/// `__typename`; see shared/conformance/README.md).
///
/// graphql-js's answers come from one node process for the whole batch: the corpus's
/// `oracle.js` (`computeExpected`: Debian's graphql-js 16.6 with its ports of the 16.11
/// changes) when it is found beside the corpus, otherwise an equivalent of its `runExecute`
/// on Debian's graphql-js (`/usr/share/nodejs/graphql`). Only cases that both validators
/// accept are executed; ours run through `ExecutePhase`, and both answers are compared in
/// its canonical form (data with key order, errors in order by message, locations, path).
///
/// The seed is fixed; `DIFFERENTIAL_SEED` changes it, `DIFFERENTIAL_CASES` scales the
/// number of cases per schema (a factor, default 1), `DIFFERENTIAL_VERBOSE` prints every
/// difference, `DIFFERENTIAL_DUMP=<file>` writes the compared cases in the corpus's format
/// (with graphql-js's `expected`), `ORACLE_JS` names oracle.js (`none`: do without it),
/// `DIFFERENTIAL_KNOWN_DIFFERENCES=1` also generates the inputs of the known differences
/// (see `ExecutionCaseGenerator.knownDifferences`).
final class ExecuteDifferentialTests: XCTestCase {
    static let defaultSeed: UInt64 = 20_251_122

    /// A schema with every kind of type: interfaces (implementing interfaces), unions,
    /// enums, input objects, custom scalars, non-null lists of non-null lists, a mutation
    /// and a subscription root.
    static let richSchema = #"""
        scalar DateTime
        scalar JSON

        enum Color { RED GREEN BLUE }
        enum Role { ADMIN USER GUEST }

        interface Node { id: ID! }
        interface Named { name: String }
        interface Entity implements Node & Named { id: ID! name: String createdAt: DateTime }

        type User implements Entity & Node & Named {
          id: ID!
          name: String
          createdAt: DateTime
          email: String!
          role: Role!
          age: Int
          score: Float
          active: Boolean!
          friends(first: Int = 10, after: String): [User!]
          posts(filter: Filter): [Post!]!
          favoriteColor: Color
          matrix: [[Int!]!]!
          meta: JSON
          bestFriend: User
          tags: [String!]
          feed: [SearchResult]
        }

        type Post implements Entity & Node & Named {
          id: ID!
          name: String
          createdAt: DateTime
          title: String!
          body: String
          author: User!
          comments(first: Int): [Comment]
          rating: Float
          likes: Int!
          colors: [Color!]!
          related: [Entity!]
        }

        type Comment implements Node {
          id: ID!
          text: String!
          author: User
          replies: [Comment!]
          parent: Node
        }

        type Photo implements Node & Named {
          id: ID!
          name: String
          url: String!
          width: Int!
          height: Int
          tags: [String!]
        }

        union SearchResult = User | Post | Photo
        union Media = Photo | Post

        input Range { from: Int! to: Int }
        input Filter { text: String limit: Int = 10 colors: [Color!] range: Range nested: Filter }
        input UserInput { name: String! email: String! role: Role = USER tags: [String!] meta: JSON birthday: DateTime }

        type Query {
          node(id: ID!): Node
          nodes(ids: [ID!]!): [Node]!
          user(id: ID, role: Role = USER): User
          me: User!
          users(filter: Filter, first: Int = 5): [User!]!
          search(text: String!, filter: Filter): [SearchResult!]!
          media: [Media]
          first: SearchResult
          named: [Named!]
          entity: Entity!
          grid: [[Int!]!]!
          optGrid: [[Int]]
          colors(include: [Color!] = [RED]): [Color!]!
          color(c: Color! = RED): Color
          scalars: Scalars!
          now: DateTime
          json(arg: JSON): JSON
          version: String!
          count(range: Range): Int
        }

        type Scalars {
          i: Int
          f: Float
          s: String
          b: Boolean
          id: ID
          e: Color
          nnI: Int!
          nnF: Float!
          nnS: String!
          nnB: Boolean!
          ids: [ID!]
          list: [Int!]!
          dt: DateTime
          j: JSON
        }

        type Mutation {
          createUser(input: UserInput!): User
          updatePost(id: ID!, title: String, colors: [Color!]): Post!
          deleteNode(id: ID!): Boolean!
          like(postId: ID!, times: Int = 1): Post
          bulk(inputs: [UserInput!]!): [User]!
        }

        type Subscription { onPost(filter: Filter): Post! }
        """#

    /// Chains of non-null objects and lists, for null propagation.
    static let nonNullSchema = #"""
        type Query { a: A! as: [A!]! maybe: A list: [[A!]]! grid: [[B!]!] }
        type A { b: B! bs: [B!] c: B v: Int! w: String x: [Int!]! a: A }
        type B { a: A v: Int! w: String! ok: Boolean deep: [[[Int!]!]!] list: [B] }
        """#

    /// Node script: reads `{oracle, graphql, cases}` and answers `{mode, version, results}`
    /// with, per case, graphql-js's validation messages and, for valid documents, the
    /// execution result (`{data?, errors?}`, data in graphql-js's key order).
    static let script = #"""
        'use strict';
        const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        let compute = null;
        let mode = 'oracle.js';
        if (input.oracle) {
          try { compute = require(input.oracle).computeExpected; } catch (e) { mode = 'fallback (' + e.message + ')'; }
        } else {
          mode = 'fallback (oracle.js not found)';
        }
        const g = require(input.graphql);
        if (!compute) {
          // oracle.js's runExecute and runValidate (without its 16.11 emulation).
          const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
          const isJsonObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
          const fieldResolver = (source, _args, _context, info) => {
            const value = isJsonObject(source) && hasOwn(source, info.fieldName) ? source[info.fieldName] : undefined;
            if (isJsonObject(value) && hasOwn(value, '$error')) throw new Error(value.$error);
            return value;
          };
          const typeResolver = (value) => (isJsonObject(value) && hasOwn(value, '__typename') ? value.__typename : undefined);
          const formatError = (error) => {
            const json = error.toJSON();
            const out = { message: json.message };
            if (json.locations !== undefined) out.locations = json.locations.map(({ line, column }) => ({ line, column }));
            if (json.path !== undefined) out.path = [...json.path];
            return out;
          };
          compute = (c) => {
            const schema = g.buildSchema(c.schema);
            const document = g.parse(c.document);
            if (c.phase === 'validate') return g.validate(schema, document, g.specifiedRules).map(formatError);
            const result = g.execute({
              schema, document,
              rootValue: c.rootValue === null ? undefined : c.rootValue,
              variableValues: c.variables === null ? undefined : c.variables,
              operationName: c.operationName === null ? undefined : c.operationName,
              fieldResolver, typeResolver,
            });
            const expected = {};
            if ('data' in result) expected.data = JSON.parse(JSON.stringify(result.data));
            if (result.errors !== undefined) expected.errors = result.errors.map(formatError);
            return expected;
          };
        }
        const results = input.cases.map((c) => {
          try {
            const errors = compute({ phase: 'validate', schema: c.schema, document: c.document });
            if (errors.length) return { validation: errors.map((e) => e.message) };
            return { validation: [], expected: compute({ phase: 'execute', ...c }) };
          } catch (e) {
            return { exception: String(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e) };
          }
        });
        process.stdout.write(JSON.stringify({ mode, version: g.version, results }));
        """#

    /// `oracle.js` beside the conformance cases (`ORACLE_JS` overrides).
    static func oraclePath() -> String? {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let path = env["ORACLE_JS"], !path.isEmpty {
            if path == "none" { return nil }  // the built-in equivalent of its runExecute
            candidates.append(path)
        }
        let cases = conformanceDirectory()
        candidates.append(cases.deletingLastPathComponent().appendingPathComponent("oracle.js").path)
        candidates.append(cases.appendingPathComponent("oracle.js").path)
        candidates.append("/work/shared/conformance/oracle.js")
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func seed() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["DIFFERENTIAL_SEED"], let s = UInt64(text) { return s }
        return defaultSeed
    }

    /// The cases: per sample schema a few, more for the two schemas above.
    static func cases(seed: UInt64, plainGraphQLJS16_6: Bool) -> [GeneratedExecutionCase] {
        let factor = ProcessInfo.processInfo.environment["DIFFERENTIAL_CASES"].flatMap(Double.init) ?? 1
        var plan: [(String, String, Int)] = [("rich", richSchema, 260), ("nonnull", nonNullSchema, 90)]
        for (i, sdl) in SchemaSamples.valid.enumerated() { plan.append(("sample\(i + 1)", sdl, 6)) }
        var cases: [GeneratedExecutionCase] = []
        for (k, (label, sdl, count)) in plan.enumerated() {
            guard let schema = try? buildSchema(sdl), validateSchema(schema).isEmpty, schema.queryType != nil else { continue }
            var generator = ExecutionCaseGenerator(schema: schema, sdl: sdl, seed: seed &+ UInt64(k) &* 7919)
            generator.plainGraphQLJS16_6 = plainGraphQLJS16_6
            for n in 0..<max(1, Int(Double(count) * factor)) { cases.append(generator.makeCase(id: "\(label)/\(n)")) }
        }
        return cases
    }

    func testExecuteAgreesWithGraphQLJS() async throws {
        guard NodeOracle.available(), let node = NodeOracle.nodePath else { return }
        let seed = Self.seed()
        let oracle = Self.oraclePath()
        let cases = Self.cases(seed: seed, plainGraphQLJS16_6: oracle == nil)

        // Our validation first: only documents we accept go to node.
        var schemas: [String: GraphQLSchema] = [:]
        var candidates: [GeneratedExecutionCase] = []
        var rejectedByUs: [(GeneratedExecutionCase, String)] = []
        for c in cases {
            guard let schema = schemas[c.schema] ?? (try? buildSchema(c.schema)) else { continue }
            schemas[c.schema] = schema
            do {
                let errors = validate(schema: schema, document: try parse(c.document))
                if errors.isEmpty { candidates.append(c) } else { rejectedByUs.append((c, errors[0].message)) }
            } catch {
                rejectedByUs.append((c, "\(error)"))
            }
        }

        // Each case as JSON text (raw numbers such as `1.0` kept), read back by our reader:
        // both engines see the same text.
        let texts = candidates.map(Self.caseText)
        var w = JSONWriter()
        w.writeASCII("{\"oracle\":")
        w.writeInputValue(oracle.map { .string($0) } ?? .null)
        w.writeASCII(",\"graphql\":")
        w.writeString(NodeOracle.graphqlPath)
        w.writeASCII(",\"cases\":[")
        w.writeRaw(Array(texts.joined(separator: ",").utf8))
        w.writeASCII("]}")
        let output = try Self.runNode(node, script: Self.script, input: w.bytes)
        guard let parsed = try? JSONReader.parse(output), case .object(let answer) = parsed,
            case .list(let results)? = answer["results"],
            results.count == candidates.count
        else {
            XCTFail("graphql-js gave no usable answer: \(String(decoding: output.prefix(2000), as: UTF8.self))")
            return
        }
        let mode = answer["mode"]?.stringValue ?? "?"
        let version = answer["version"]?.stringValue ?? "?"

        var compared = 0
        var identical = 0
        var differences: [String] = []
        var rejectedByJS: [String] = []
        var exceptions: [String] = []
        var stats = (withErrors: 0, errors: 0, noData: 0, nullData: 0)
        var dump: [String] = []
        for ((c, text), result) in zip(zip(candidates, texts), results) {
            guard case .object(let r) = result, case .object(let input) = try JSONReader.parse(text) else { continue }
            if let exception = r["exception"]?.stringValue {
                exceptions.append("\(c.id): \(exception)")
                continue
            }
            guard let expected = r["expected"] else {
                if case .list(let messages)? = r["validation"] {
                    rejectedByJS.append("\(c.id): \(messages.first?.stringValue ?? "?")\n  document: \(c.document)")
                }
                continue
            }
            var json: [String: Any] = ["id": c.id, "phase": "execute", "schema": c.schema, "document": c.document, "expected": 0]
            if let name = c.operationName { json["operationName"] = name }
            guard var conformanceCase = ConformanceCase(json: json) else { continue }
            conformanceCase.ordered = .object(
                InputFields([
                    ("variables", input["variables"] ?? .null), ("rootValue", input["rootValue"] ?? .null),
                    ("expected", expected),
                ]))
            compared += 1
            if case .object(let e) = expected {
                if case .list(let errors)? = e["errors"] {
                    stats.withErrors += 1
                    stats.errors += errors.count
                }
                if e["data"] == nil { stats.noData += 1 } else if e["data"]?.isNull == true { stats.nullData += 1 }
            }
            var e = JSONWriter()
            e.writeInputValue(expected)
            dump.append(text.dropLast() + ",\"phase\":\"execute\",\"expected\":" + String(decoding: e.bytes, as: UTF8.self) + "}")
            switch await ExecutePhase.run(conformanceCase) {
            case .passed:
                identical += 1
            case .failed(let want, let got):
                differences.append(Self.report(c, expected: want, got: got))
            case .notImplemented:
                differences.append(Self.report(c, expected: "?", got: "not implemented"))
            }
        }

        print(
            "differential execute (seed \(seed), graphql-js \(version) via \(mode)): \(identical)/\(compared) identical; "
                + "\(cases.count) generated, \(rejectedByUs.count) invalid for us, \(rejectedByJS.count) more invalid for graphql-js; "
                + "graphql-js answered \(stats.errors) errors in \(stats.withErrors) cases, no data in \(stats.noData), "
                + "data null in \(stats.nullData)")
        if let path = ProcessInfo.processInfo.environment["DIFFERENTIAL_DUMP"], !path.isEmpty {
            // The compared cases in the corpus's format, for `node oracle.js --check`.
            try Data(("[" + dump.joined(separator: ",\n") + "]\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        let verbose = ProcessInfo.processInfo.environment["DIFFERENTIAL_VERBOSE"] != nil
        for d in differences.prefix(verbose ? differences.count : 5) { print("DIFF " + d) }
        if verbose {
            for (c, message) in rejectedByUs { print("INVALID \(c.id): \(message)\n  document: \(c.document)") }
        }
        if !rejectedByJS.isEmpty {
            // Validation disagreements belong to DifferentialValidateTests; shown here, not failed.
            print("documents we accept but graphql-js rejects:\n" + rejectedByJS.prefix(3).joined(separator: "\n"))
        }
        XCTAssertTrue(exceptions.isEmpty, "graphql-js threw:\n" + exceptions.prefix(5).joined(separator: "\n"))
        XCTAssertGreaterThan(compared, cases.count / 2, "too few generated documents are valid")
        if !differences.isEmpty {
            XCTFail(
                "\(differences.count) of \(compared) cases differ from graphql-js (seed \(seed)):\n"
                    + differences.prefix(5).joined(separator: "\n\n"))
        }
    }

    /// The case in the corpus's format, as JSON text.
    static func caseText(_ c: GeneratedExecutionCase) -> String {
        ExecutionCaseGenerator.rawJSON(
            .object(
                InputFields([
                    ("id", .string(c.id)), ("schema", .string(c.schema)), ("document", .string(c.document)),
                    ("variables", c.variables ?? .null), ("operationName", c.operationName.map { .string($0) } ?? .null),
                    ("rootValue", c.rootValue ?? .null),
                ])))
    }

    static func json(_ value: InputValue?) -> String {
        value.map(ExecutionCaseGenerator.rawJSON) ?? "(not given)"
    }

    static func report(_ c: GeneratedExecutionCase, expected: String, got: String) -> String {
        """
        \(c.id)
          document: \(c.document)
          operationName: \(c.operationName.map { "\"\($0)\"" } ?? "(not given)")
          variables: \(json(c.variables))
          rootValue: \(json(c.rootValue))
          graphql-js: \(expected)
          ours:       \(got)
        """
    }

    /// Runs `node script` with `input` on stdin; returns stdout's bytes.
    static func runNode(_ node: String, script: String, input: [UInt8]) throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("execute-oracle-\(UUID().uuidString).js")
        try script.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [url.path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // node reads all of stdin before it writes anything.
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(output)
    }
}
