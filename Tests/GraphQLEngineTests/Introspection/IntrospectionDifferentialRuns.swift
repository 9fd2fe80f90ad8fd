// The introspection runs (schemas x queries) that IntrospectionDifferentialTests executes
// with our engine and with graphql-js 16.11 (Debian's 16.6 with the conformance oracle's
// ports of @oneOf and `__Type.isOneOf`), and graphql-js's answers for them.

import XCTest
@testable import GraphQLEngine

enum IntrospectionDifferentialRuns {
    /// Schemas beyond `SchemaSamples.valid` (which has no @oneOf: graphql-js 16.6 lacks it).
    static let schemas: [String] = [
        IntrospectionResolversTests.sdl,
        // @oneOf on a definition; on an extension only (graphql-js reads the definition only).
        """
        type Query { a(c: Choice, d: Later, e: Plain): String }
        input Choice @oneOf { a: String b: Int c: [Choice] }
        input Later { x: Int }
        extend input Later @oneOf
        input Plain { x: Int = 3 }
        """,
        // Custom scalars whose defaults graphql-js cannot print (field errors), next to ones it can.
        """
        scalar JSON
        type Query {
          a(j: JSON = {a: [1, "b"], c: null}, l: JSON = [1, 2], ok: [JSON] = [1, 2], s: JSON = "s", n: JSON = null): Int
          b(in: In): Int
        }
        input In { e: JSON = {} f: Float = -0.0 g: Float = 1.0e-7 h: Float = 123456789012345678901 }
        """,
        // Custom root names, orphan types, interfaces implementing interfaces in odd orders.
        """
        schema { query: QueryRoot subscription: Events }
        type Events { tick: Int }
        type QueryRoot { node: Node }
        type Orphan implements C & B & A & Node { id: ID! a: Int b: Int c: Int }
        interface A implements Node { id: ID! a: Int }
        interface B implements A & Node { id: ID! a: Int b: Int }
        interface C implements B & A & Node { id: ID! a: Int b: Int c: Int }
        interface Node { id: ID! }
        type Leaf implements Node { id: ID! }
        union All = Leaf | Orphan | Events
        """,
        // Specified scalars and directives redefined or referenced only by directives.
        """
        type Query { a: String }
        directive @limit(n: Int = 10, f: Float, id: ID = "0x1", on: Boolean = false) on FIELD | QUERY
        directive @many repeatable on SCHEMA | SCALAR | OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INTERFACE | UNION | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SUBSCRIPTION | MUTATION | FRAGMENT_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | VARIABLE_DEFINITION
        """,
    ]

    /// A labelled schema and query.
    struct Run {
        let label: String
        let sdl: String
        let query: String
    }

    /// Both introspection queries on every executable schema, and a few small queries.
    static func differentialRuns() -> [Run] {
        let queries = [("full", fullIntrospectionQuery), ("exhaustive", exhaustiveIntrospectionQuery)]
        var runs: [Run] = []
        for (i, sdl) in (schemas + SchemaSamples.valid).enumerated() {
            guard let schema = try? buildSchema(sdl), schema.queryType != nil, validateSchema(schema).isEmpty else {
                print("introspection differential: schema #\(i + 1) is not an executable schema; skipped")
                continue
            }
            for (name, query) in queries { runs.append(Run(label: "schema #\(i + 1), \(name) query", sdl: sdl, query: query)) }
        }
        runs.append(Run(label: "small queries", sdl: schemas[0], query: """
            {
              __typename
              a: __type(name: "Root") { name kind }
              b: __type(name: "Nope") { name }
              c: __type(name: "Float") { name description specifiedByURL }
              ...on Root { d: __type(name: "Color") { enumValues(includeDeprecated: false) { name } } }
              ...F
              __schema { queryType { name fields(includeDeprecated: true) { name } } }
              __schema { types { name } }
            }
            fragment F on Root { e: __type(name: "Thing") { possibleTypes { name interfaces { name } } } }
            """))
        return runs
    }

    /// graphql-js's `JSON.stringify` of each run's result (`{"data", "errors"}` in this
    /// order), or nil (with the reason printed) when node, graphql-js or the oracle is missing.
    static func graphQLJSAnswers(_ runs: [Run]) throws -> [String]? {
        guard NodeOracle.available() else { return nil }
        guard let oracle = conformanceOraclePath() else {
            print("shared/conformance/oracle.js not found: skipping the introspection differential test")
            return nil
        }
        let input = runs.map { ["schema": $0.sdl, "query": $0.query] }
        return try NodeOracle.run(script: introspectionOracleScript(oraclePath: oracle), input: input) as? [String]
    }
}
