import Foundation
import XCTest
@testable import GraphQLEngine

final class LimitsTests: XCTestCase {
    func testMaxTokens() throws {
        // `{ a b }` is 4 tokens.
        XCTAssertNoThrow(try parse("{ a b }", options: ParseOptions(maxTokens: 4)))
        assertSyntaxError("{ a b }", "Syntax Error: Document contains more than 3 tokens. Parsing aborted.", 1, 7,
                          options: ParseOptions(maxTokens: 3))
        // Comments are not tokens.
        XCTAssertNoThrow(try parse("# c\n{ a # c\n b }", options: ParseOptions(maxTokens: 4)))
    }

    private func assertNestingError(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try parse(text)
            XCTFail("expected a nesting error", file: file, line: line)
        } catch {
            XCTAssertEqual(error.message, "Syntax Error: Document nesting exceeds the maximum depth of 256.", file: file, line: line)
        }
    }

    func testHugeNestingIsASyntaxError() {
        let n = 100_000
        assertNestingError("{ f(a: " + String(repeating: "[", count: n))
        assertNestingError("{ f(a: " + String(repeating: "{a: ", count: n))
        assertNestingError(String(repeating: "{ a ", count: n))
        assertNestingError("query ($v: " + String(repeating: "[", count: n) + "Int" + String(repeating: "]", count: n) + ") { a }")
        assertNestingError("type T { f(a: " + String(repeating: "[", count: n) + ") }")
        XCTAssertThrowsError(try parseValue(String(repeating: "[", count: n)))
        XCTAssertThrowsError(try parseType(String(repeating: "[", count: n)))
    }

    func testDepthAtTheLimitParsesPrintsAndVisits() throws {
        // 1 selection set + 255 nested lists = 256 levels.
        let lists = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        let doc = try parse("{ f(a: \(lists)) }")
        XCTAssertEqual(printAST(try parse(printAST(doc))), printAST(doc))
        struct Count: ASTVisitor {
            var lists = 0
            mutating func enter(_ node: ListValue) -> VisitAction { lists += 1; return .continue }
        }
        var count = Count()
        visit(doc, visitor: &count)
        XCTAssertEqual(count.lists, 255)
        assertNestingError("{ f(a: [\(lists)]) }")
        let selections = String(repeating: "{ a ", count: 256) + String(repeating: "}", count: 256)
        XCTAssertNoThrow(try parse(selections))
        XCTAssertThrowsError(try parse("{ a " + selections + "}"))
        XCTAssertNoThrow(try parse("{ a " + selections + "}", options: ParseOptions(maxNestingDepth: 300)))
    }

    /// Deep documents parse, print and visit on a 512 KiB stack (the size of Swift
    /// concurrency's threads). Release builds fit the full default depth (256) there;
    /// debug frames are about 3x larger, so this debug-run test uses half of it.
    func testDeepDocumentFitsInASmallStack() {
        let text = String(repeating: "{ a ", count: 100) + "{ f(a: " + String(repeating: "[", count: 27)
            + String(repeating: "]", count: 27) + ") }" + String(repeating: "}", count: 100)
        let done = expectation(description: "parsed on a small stack")
        let thread = Thread {
            if let doc = try? parse(text) {
                _ = printAST(doc)
                struct Nop: ASTVisitor {}
                var nop = Nop()
                visit(doc, visitor: &nop)
                done.fulfill()
            }
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 30)
    }
}
