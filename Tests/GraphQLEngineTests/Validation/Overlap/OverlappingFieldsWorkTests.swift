import Foundation
import XCTest
@testable import GraphQLEngine

// The checker's work stays bounded: it compares only fields sharing a response name,
// skips provably identical leaf pairs, and memoizes fragment comparisons. The counts are
// `findConflict` calls (`comparisons`).

final class OverlappingFieldsWorkTests: XCTestCase {
    let schema = OverlapSchemas.build("""
        type Query { a: Int b(x: Int): Int obj: Obj }
        type Obj { a: Int c: Int obj: Obj }
        """)

    /// Runs the checker over `text`; returns (errors, comparisons, seconds).
    func run(_ text: String, skipIdentical: Bool = true) throws -> (errors: Int, comparisons: Int, seconds: Double) {
        let document = try parse(text)
        var checker = OverlappingFieldsChecker(schema: schema, document: document)
        checker.skipsIdenticalLeafPairs = skipIdentical
        let start = Date()
        let errors = checker.validate(document: document)
        return (errors.count, checker.comparisons, Date().timeIntervalSince(start))
    }

    func testDistinctSiblingsAreNeverCompared() throws {
        let text = "{ " + (0..<1000).map { "f\($0): a" }.joined(separator: " ") + " }"
        let r = try run(text)
        print("1,000 distinct siblings: \(r.comparisons) comparisons, \(r.seconds) s")
        XCTAssertEqual(r.comparisons, 0)
        XCTAssertEqual(r.errors, 0)
    }

    func testIdenticalLeafSiblingsAreSkipped() throws {
        let text = "{ " + String(repeating: "a ", count: 1000) + "b(x: 1) " + String(repeating: "b(x: 1) ", count: 999) + "}"
        let r = try run(text)
        print("1,000 identical `a` + 1,000 identical `b(x: 1)`: \(r.comparisons) comparisons, \(r.seconds) s")
        XCTAssertEqual(r.comparisons, 0)
        XCTAssertEqual(r.errors, 0)
        XCTAssertLessThan(r.seconds, 0.5)
    }

    /// graphql-js compares all n(n-1)/2 pairs; so does the checker without the shortcut.
    func testGraphQLJSBoundForIdenticalSiblings() throws {
        let text = "{ " + String(repeating: "a ", count: 1000) + "}"
        let r = try run(text, skipIdentical: false)
        print("1,000 identical `a`, every pair compared (graphql-js): \(r.comparisons) comparisons, \(r.seconds) s")
        XCTAssertEqual(r.comparisons, 499_500)
        XCTAssertEqual(r.errors, 0)
    }

    /// Fields with subselections are compared pairwise (their subfields may conflict):
    /// n(n-1)/2 pairs; their subfields are identical leaves, skipped (graphql-js compares
    /// those too: twice the count).
    func testIdenticalSiblingsWithSubselections() throws {
        let text = "{ " + String(repeating: "obj { a } ", count: 300) + "}"
        let r = try run(text)
        print("300 identical `obj { a }`: \(r.comparisons) comparisons, \(r.seconds) s")
        XCTAssertEqual(r.comparisons, 44_850)
        XCTAssertEqual(r.errors, 0)
        XCTAssertLessThan(r.seconds, 1)
    }

    /// Fragments spreading each other: F_i spreads F_{i+1} and F_{i+2}, so the number of
    /// paths is exponential; the memo sets keep the work polynomial.
    func testFragmentLatticeStaysBounded() throws {
        let n = 150
        var text = "{ obj { ...F0 } obj { ...F1 c } }\n"
        for i in 0..<n {
            var body = "a c: a obj { a }"
            if i + 1 < n { body += " ...F\(i + 1)" }
            if i + 2 < n { body += " ...F\(i + 2)" }
            text += "fragment F\(i) on Obj { \(body) }\n"
        }
        let r = try run(text)
        print("\(n) fragments in a lattice: \(r.comparisons) comparisons, \(r.errors) errors, \(r.seconds) s")
        XCTAssertLessThan(r.comparisons, 200_000)
        XCTAssertLessThan(r.seconds, 2)
    }

    /// A long chain of fragments, each spreading the next, does not exhaust the stack (the
    /// fragment walks are iterative). Each fragment's fields are still checked against
    /// every fragment it reaches, n(n+1)/2 field-map/fragment visits as in graphql-js,
    /// though every field pair there is an identical leaf pair, skipped.
    func testLongFragmentChain() throws {
        let n = 600
        var text = "{ obj { ...F0 } }\n"
        for i in 0..<n {
            text += "fragment F\(i) on Obj { a" + (i + 1 < n ? " ...F\(i + 1)" : "") + " }\n"
        }
        let r = try run(text)
        print("chain of \(n) fragments: \(r.comparisons) comparisons, \(r.seconds) s")
        XCTAssertEqual(r.errors, 0)
        XCTAssertEqual(r.comparisons, 0)  // every pair is `a` against `a`
    }
}

final class OverlappingFieldsSynthesizedTests: XCTestCase {
    /// Nodes built in code have no source range: the checker identifies their selection
    /// sets by storage, reports without locations, and still terminates on cycles.
    func testDocumentWithoutLocations() {
        let schema = OverlapSchemas.harness
        func field(_ alias: String?, _ name: String, _ sub: [Selection]? = nil) -> Selection {
            .field(Field(alias: alias.map { Name(value: $0) }, name: Name(value: name),
                         selectionSet: sub.map { SelectionSet(selections: $0) }))
        }
        let cyclic = FragmentDefinition(
            name: Name(value: "F"), typeCondition: NamedType(name: Name(value: "Dog")),
            selectionSet: SelectionSet(selections: [
                field(nil, "mother", [.fragmentSpread(FragmentSpread(name: Name(value: "F")))]),
                .fragmentSpread(FragmentSpread(name: Name(value: "F"))),
            ]))
        let operation = OperationDefinition(operation: .query, selectionSet: SelectionSet(selections: [
            field("x", "dog", [field(nil, "name")]),
            field("x", "cat", [field(nil, "name")]),
            field(nil, "dog", [.fragmentSpread(FragmentSpread(name: Name(value: "F")))]),
            field(nil, "dog", [.fragmentSpread(FragmentSpread(name: Name(value: "F")))]),
        ]))
        let document = Document(definitions: [.operation(operation), .fragment(cyclic)])
        let errors = OverlappingFieldsChecker.validate(schema: schema, document: document)
        XCTAssertEqual(errors.map(\.message), [conflictMessage("x", "\"dog\" and \"cat\" are different fields")])
        XCTAssertEqual(errors.first?.locations, [])
    }
}
