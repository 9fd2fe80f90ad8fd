import XCTest
@testable import GraphQLEngine

final class LocationTests: XCTestCase {
    func testLineTerminators() {
        let source = Source(body: "a\r\nb\rc\nd")
        XCTAssertEqual(source.location(at: 0), SourceLocation(line: 1, column: 1))
        XCTAssertEqual(source.location(at: 3), SourceLocation(line: 2, column: 1))
        XCTAssertEqual(source.location(at: 5), SourceLocation(line: 3, column: 1))
        XCTAssertEqual(source.location(at: 7), SourceLocation(line: 4, column: 1))
    }

    func testColumnsCountUTF16Units() {
        // "😀" is 4 UTF-8 bytes but 2 UTF-16 units; "é" is 2 bytes and 1 unit.
        let source = Source(body: "😀é x")
        XCTAssertEqual(source.location(at: 7), SourceLocation(line: 1, column: 5))
        assertSyntaxError("{ a(b: \"😀\") ?", "Syntax Error: Unexpected character: \"?\".", 1, 14)
        assertSyntaxError("{ a(b: \"😀\") }}", "Syntax Error: Unexpected \"}\".", 1, 15)
        assertSyntaxError("# 😀\n  é ?", "Syntax Error: Unexpected character: U+00E9.", 2, 3)
    }

    func testNodeLocations() throws {
        let doc = try parse("query Q { a: b(c: 1) }")
        guard case .operation(let op) = doc.definitions[0], case .field(let field) = op.selectionSet.selections[0] else {
            return XCTFail("unexpected shape")
        }
        XCTAssertEqual(doc.loc, Location(start: 0, end: 22))
        XCTAssertEqual(op.loc, Location(start: 0, end: 22))
        XCTAssertEqual(op.selectionSet.loc, Location(start: 8, end: 22))
        XCTAssertEqual(field.loc, Location(start: 10, end: 20))
        XCTAssertEqual(field.alias?.loc, Location(start: 10, end: 11))
        XCTAssertEqual(field.arguments[0].value.loc, Location(start: 18, end: 19))
        XCTAssertEqual(doc.source?.location(at: field.loc.start), SourceLocation(line: 1, column: 11))
    }

    func testErrorJSON() {
        let error = GraphQLError(message: "m", locations: [SourceLocation(line: 1, column: 2)], path: [.key("a"), .index(0)])
        XCTAssertEqual(error.json.serialized, #"{"message":"m","locations":[{"line":1,"column":2}],"path":["a",0]}"#)
    }
}
