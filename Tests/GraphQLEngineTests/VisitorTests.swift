import XCTest
@testable import GraphQLEngine

final class VisitorTests: XCTestCase {
    struct Recorder: ASTVisitor {
        var events: [String] = []
        var skipFragments = false
        var stopAtField: String? = nil
        mutating func enter(_ node: OperationDefinition) -> VisitAction { events.append("enter op"); return .continue }
        mutating func leave(_ node: OperationDefinition) -> VisitAction { events.append("leave op"); return .continue }
        mutating func enter(_ node: Field) -> VisitAction {
            events.append("enter \(node.name.value)")
            return node.name.value == stopAtField ? .stop : .continue
        }
        mutating func leave(_ node: Field) -> VisitAction { events.append("leave \(node.name.value)"); return .continue }
        mutating func enter(_ node: InlineFragment) -> VisitAction {
            events.append("enter inline")
            return skipFragments ? .skipChildren : .continue
        }
        mutating func leave(_ node: InlineFragment) -> VisitAction { events.append("leave inline"); return .continue }
        mutating func enter(_ node: IntValue) -> VisitAction { events.append("int \(node.value)"); return .continue }
    }

    let document = try! parse("{ a(x: [1, 2]) { b } ... on T { c } d }")

    func testOrder() {
        var v = Recorder()
        XCTAssertTrue(visit(document, visitor: &v))
        XCTAssertEqual(v.events, ["enter op", "enter a", "int 1", "int 2", "enter b", "leave b", "leave a",
                                  "enter inline", "enter c", "leave c", "leave inline", "enter d", "leave d", "leave op"])
    }

    func testSkipChildren() {
        var v = Recorder(skipFragments: true)
        visit(document, visitor: &v)
        XCTAssertEqual(v.events.filter { $0.contains("inline") || $0.contains(" c") }, ["enter inline"])
    }

    func testStop() {
        var v = Recorder(stopAtField: "b")
        XCTAssertFalse(visit(document, visitor: &v))
        XCTAssertEqual(v.events.last, "enter b")
    }

    func testVisitSubtree() throws {
        var v = Recorder()
        visit(try parseValue("[3, [4]]"), visitor: &v)
        XCTAssertEqual(v.events, ["int 3", "int 4"])
    }

    func testParallel() {
        final class Counter: ASTVisitor {
            var fields = 0
            func enter(_ node: Field) -> VisitAction { fields += 1; return .continue }
        }
        let counter = Counter()
        var parallel = ParallelVisitor([Recorder(skipFragments: true), counter])
        visit(document, visitor: &parallel)
        XCTAssertEqual(counter.fields, 4)  // the skip of one visitor does not affect the other
        let recorder = parallel.visitors[0] as? Recorder
        XCTAssertEqual(recorder?.events.contains("enter c"), false)
        XCTAssertEqual(recorder?.events.last, "leave op")
    }

    func testNameAndValueKinds() throws {
        struct Names: ASTVisitor {
            var names: [String] = []
            mutating func enter(_ node: Name) -> VisitAction { names.append(node.value); return .continue }
        }
        var v = Names()
        visit(try parse("query Q($v: T) { f(a: $v) @d }"), visitor: &v)
        XCTAssertEqual(v.names, ["Q", "v", "T", "f", "a", "v", "d"])
    }
}
