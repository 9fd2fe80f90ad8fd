import Foundation
import XCTest
@testable import GraphQLEngine

final class QueryLimitsTests: XCTestCase {
    let schema = OverlapSchemas.build("""
        type Query {
          user(id: ID): User users(first: Int, last: Int): [User!]! search(first: Int, after: String): UserConnection
          me: User version: String
        }
        type Mutation { like(id: ID): User }
        type User { id: ID! name: String friends(first: Int): [User] posts: PostConnection best: User }
        type UserConnection { edges: [UserEdge] pageInfo: PageInfo total: Int }
        type UserEdge { node: User cursor: String }
        type PageInfo { hasNextPage: Boolean }
        type PostConnection { count: Int }
        """)

    func metrics(
        _ text: String, operationName: String? = nil, variables: [String: InputValue] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> QueryMetrics {
        let document = try parse(text)
        return try XCTUnwrap(
            measureQuery(schema: schema, document: document, operationName: operationName, variables: variables),
            file: file, line: line)
    }

    func testDepth() throws {
        XCTAssertEqual(try metrics("{ version }").depth, 1)
        XCTAssertEqual(try metrics("{ __typename }").depth, 1)
        XCTAssertEqual(try metrics("{ me { best { best { name } } } }").depth, 4)
        XCTAssertEqual(try metrics("{ __schema { types { name } } }").depth, 3)
        XCTAssertEqual(try metrics("{ me { ...F } } fragment F on User { best { name } }").depth, 3)
        XCTAssertEqual(try metrics("{ me { ... on User { best { id } } ... { id } } }").depth, 3)
        XCTAssertEqual(try metrics("{ me { best @skip(if: true) { best { id } } name } }").depth, 2)
    }

    func testAliases() throws {
        let text = """
            { a: me { b: name c: name } ...F ...F e: version @skip(if: true) }
            fragment F on Query { d: version me { name } }
            """
        XCTAssertEqual(try metrics(text).aliases, 5)  // a, b, c, and d at each spread
        XCTAssertEqual(try metrics("{ me { name } }").aliases, 0)
    }

    func testRootFields() throws {
        let text = """
            { me me version ...F ...F ... on Query { x: version } y: version @include(if: false) }
            fragment F on Query { me user(id: 1) { id } }
            """
        XCTAssertEqual(try metrics(text).rootFields, 4)  // me, version, user, x
        XCTAssertEqual(try metrics("mutation { a: like(id: 1) { id } b: like(id: 2) { id } }").rootFields, 2)
    }

    func testCostOfPlainAndListFields() throws {
        XCTAssertEqual(try metrics("{ version }").cost, 1)
        XCTAssertEqual(try metrics("{ version me { name } }").cost, 3)
        XCTAssertEqual(try metrics("{ users(first: 10) { name } }").cost, 11)
        XCTAssertEqual(try metrics("{ users(last: 3) { name } }").cost, 4)
        XCTAssertEqual(try metrics("{ users(first: 2, last: 5) { name } }").cost, 6)  // the larger
        XCTAssertEqual(try metrics("{ users { name } }").cost, 21)  // [User!]! without first: 20
        XCTAssertEqual(try metrics("{ users(first: -4) { name } }").cost, 1)
        XCTAssertEqual(try metrics("{ me { friends { name } } }").cost, 1 + (1 + 20))
    }

    func testCostWithVariables() throws {
        let text = "query ($n: Int) { users(first: $n) { name } }"
        XCTAssertEqual(try metrics(text, variables: ["n": .int(7)]).cost, 8)
        XCTAssertEqual(try metrics(text).cost, 21)  // not given: as if absent
        XCTAssertEqual(try metrics(text, variables: ["n": .null]).cost, 21)
        XCTAssertEqual(try metrics("query ($n: Int = 4) { users(first: $n) { name } }").cost, 5)
        XCTAssertEqual(try metrics("query ($n: Int = 4) { users(first: $n) { name } }", variables: ["n": 2]).cost, 3)
    }

    func testCostOfConnections() throws {
        // search: connection, 20; edges: the connection's page, so 1 (not 20 again); node: 1 + name.
        XCTAssertEqual(try metrics("{ search { edges { node { name } } } }").cost, 1 + 20 * (1 + 1 * 2))
        XCTAssertEqual(try metrics("{ search(first: 5) { edges { node { name } } } }").cost, 1 + 5 * 3)
        XCTAssertEqual(try metrics("{ me { posts { count } } }").cost, 1 + (1 + 20 * 1))
        // Nested connections multiply.
        let nested = "{ search(first: 10) { edges { node { friends(first: 5) { name } } } } }"
        XCTAssertEqual(try metrics(nested).cost, 1 + 10 * (1 + 1 * (1 + (1 + 5 * 1))))
        // A field without subfields costs 1 whatever its multiplier.
        XCTAssertEqual(try metrics("{ search(first: 1000) { total } }").cost, 1 + 1000)
    }

    func testCostOfFragmentsAndDirectives() throws {
        let fragments = """
            { me { ...F } best: me { ...F ... on User { id } } }
            fragment F on User { friends(first: 3) { name } }
            """
        XCTAssertEqual(try metrics(fragments).cost, (1 + 4) + (1 + 4 + 1))
        let directives = "{ me @skip(if: true) { name } version @include(if: false) users(first: 2) @include(if: true) { name } }"
        XCTAssertEqual(try metrics(directives).cost, 3)
        let variable = "query ($s: Boolean!) { me @skip(if: $s) { name } ...F @include(if: $s) } fragment F on Query { version }"
        XCTAssertEqual(try metrics(variable, variables: ["s": true]).cost, 1)
        XCTAssertEqual(try metrics(variable, variables: ["s": false]).cost, 2)
        XCTAssertEqual(try metrics(variable).cost, 3)  // unknown condition: counted
    }

    func testCyclesTerminate() throws {
        let cycle = """
            { me { ...A } }
            fragment A on User { best { ...B } }
            fragment B on User { name ...A }
            """
        XCTAssertEqual(try metrics(cycle), QueryMetrics(depth: 3, aliases: 0, rootFields: 1, cost: 3))
        let selfCycle = "{ ...A } fragment A on Query { version ...A me { ...A } }"
        XCTAssertEqual(try metrics(selfCycle), QueryMetrics(depth: 1, aliases: 0, rootFields: 2, cost: 2))
    }

    func testSaturatesInsteadOfOverflowing() throws {
        let huge = "{ users(first: 1000000000000) { friends(first: 1000000000000) { best { name } } } }"
        XCTAssertEqual(try metrics(huge).cost, Int.max)
        let bigLiteral = "{ users(first: 99999999999999999999999) { name } }"
        XCTAssertEqual(try metrics(bigLiteral).cost, Int.max)
        // Each fragment spreads the next twice: 2^70 aliases, counted in linear time.
        var text = "{ ...F0 }\n"
        for i in 0..<70 { text += "fragment F\(i) on Query { a: version ...F\(i + 1) ...F\(i + 1) }\n" }
        text += "fragment F70 on Query { version }\n"
        let start = Date()
        let m = try metrics(text)
        XCTAssertEqual(m.aliases, Int.max)
        XCTAssertEqual(m.rootFields, 2)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }

    func testLongFragmentChainDoesNotExhaustTheStack() throws {
        let n = 20_000
        var text = "{ me { ...F0 } }\n"
        for i in 0..<n { text += "fragment F\(i) on User { best { ...F\(i + 1) } }\n" }
        text += "fragment F\(n) on User { name }\n"
        let m = try metrics(text)
        XCTAssertEqual(m.depth, n + 2)
        XCTAssertEqual(m.cost, n + 2)
    }

    func testErrors() throws {
        let text = """
            query Small { version }
            query Big { a: me { b: best { c: best { name } } } d: version e: version }
            """
        let document = try parse(text)
        let limits = QueryLimits(maxDepth: 3, maxAliases: 4, maxRootFields: 2, maxCost: 3)
        let small = checkQueryLimits(limits, schema: schema, document: document, operationName: "Small", variables: [:])
        XCTAssertEqual(small.count, 0)
        let (measured, errors) = evaluateQueryLimits(
            limits, schema: schema, document: document, operationName: "Big", variables: [:])
        XCTAssertEqual(measured, QueryMetrics(depth: 4, aliases: 5, rootFields: 3, cost: 6))
        XCTAssertEqual(errors.map(\.message), [
            "Query depth 4 exceeds the maximum allowed depth of 3.",
            "Query uses 5 aliases, more than the maximum of 4.",
            "Operation has 3 root fields, more than the maximum of 2.",
            "Query cost 6 exceeds the maximum cost of 3.",
        ])
        for error in errors {
            XCTAssertEqual(error.locations, [SourceLocation(line: 2, column: 1)])
            XCTAssertEqual(error.extensions, ["code": .string("QUERY_TOO_COMPLEX")])
        }
        // At the limit is allowed; no limits, no errors; an unknown operation is the executor's business.
        let exact = QueryLimits(maxDepth: 4, maxAliases: 5, maxRootFields: 3, maxCost: 6)
        XCTAssertEqual(checkQueryLimits(exact, schema: schema, document: document, operationName: "Big", variables: [:]).count, 0)
        XCTAssertEqual(checkQueryLimits(QueryLimits(), schema: schema, document: document, operationName: "Big", variables: [:]).count, 0)
        XCTAssertEqual(checkQueryLimits(limits, schema: schema, document: document, operationName: nil, variables: [:]).count, 0)
        XCTAssertEqual(checkQueryLimits(limits, schema: schema, document: document, operationName: "Nope", variables: [:]).count, 0)
        // A shorthand query is located at its `{`.
        let shorthand = try parse("\n  { me { best { best { name } } } }")
        let located = checkQueryLimits(QueryLimits(maxDepth: 2), schema: schema, document: shorthand, operationName: nil, variables: [:])
        XCTAssertEqual(located.map(\.locations), [[SourceLocation(line: 2, column: 3)]])
        XCTAssertEqual(located.first?.json.serialized,
            #"{"message":"Query depth 4 exceeds the maximum allowed depth of 2.","locations":[{"line":2,"column":3}],"extensions":{"code":"QUERY_TOO_COMPLEX"}}"#)
    }
}
