import XCTest
@testable import GraphQLEngine

final class LexerTests: XCTestCase {
    func testPunctuatorsAndNames() throws {
        let tokens = try lexTokens("! $ & ( ) ... : = @ [ ] { | } name _x1")
        XCTAssertEqual(tokens.map(\.0), [.bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at,
                                         .bracketL, .bracketR, .braceL, .pipe, .braceR, .name, .name])
        XCTAssertEqual(tokens.last?.1, "_x1")
    }

    func testIgnoredTokens() throws {
        let tokens = try lexTokens("\u{FEFF} ,,\t\r\n# comment\r a # trailing\n,b")
        XCTAssertEqual(tokens.map(\.1), ["a", "b"])
    }

    func testNumbers() throws {
        let tokens = try lexTokens("4 -4 0 -0 1.5 -1.123e+4 123E4 0.0")
        XCTAssertEqual(tokens.map(\.0), [.int, .int, .int, .int, .float, .float, .float, .float])
        XCTAssertEqual(tokens.map(\.1), ["4", "-4", "0", "-0", "1.5", "-1.123e+4", "123E4", "0.0"])
    }

    func testNumberErrors() {
        assertSyntaxError("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 2)
        assertSyntaxError("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>.", 1, 3)
        assertSyntaxError("1.0e\"", "Syntax Error: Invalid number, expected digit but got: '\"'.", 1, 5)
        assertSyntaxError("123abc", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 4)
        assertSyntaxError("- 1", "Syntax Error: Invalid number, expected digit but got: \" \".", 1, 2)
        assertSyntaxError("1.2e3.4", "Syntax Error: Invalid number, expected digit but got: \".\".", 1, 6)
    }

    func testStrings() throws {
        let tokens = try lexTokens(#""simple" "esc \" \\ \/ \b \f \n \r \t" "\u0041\u{1F600}\uD83D\uDE00" "é😀""#)
        XCTAssertEqual(tokens.map(\.1), ["simple", "esc \" \\ / \u{8} \u{C} \n \r \t", "A😀😀", "é😀"])
    }

    func testStringErrors() {
        assertSyntaxError("\"multi\nline\"", "Syntax Error: Unterminated string.", 1, 7)
        assertSyntaxError("\"no end", "Syntax Error: Unterminated string.", 1, 8)
        assertSyntaxError(#""bad \x esc""#, #"Syntax Error: Invalid character escape sequence: "\x"."#, 1, 6)
        assertSyntaxError(#""bad \u1 esc""#, #"Syntax Error: Invalid Unicode escape sequence: "\u1 es"."#, 1, 6)
        assertSyntaxError(#""bad \u{FFFF esc""#, #"Syntax Error: Invalid Unicode escape sequence: "\u{FFFF "."#, 1, 6)
        assertSyntaxError(#""\u{110000}""#, #"Syntax Error: Invalid Unicode escape sequence: "\u{110000}"."#, 1, 2)
        assertSyntaxError(#""\uD800\uD800""#, #"Syntax Error: Invalid Unicode escape sequence: "\uD800"."#, 1, 2)
        assertSyntaxError(#""\u{D83D}""#, #"Syntax Error: Invalid Unicode escape sequence: "\u{D83D}"."#, 1, 2)
    }

    func testBlockStrings() throws {
        let tokens = try lexTokens("\"\"\"\n    first\n      second \\\"\"\"\n\n    third\n  \"\"\" \"\"\"x\"\"\"")
        XCTAssertEqual(tokens.map(\.0), [.blockString, .blockString])
        XCTAssertEqual(tokens[0].1, "first\n  second \"\"\"\n\nthird")
        XCTAssertEqual(tokens[1].1, "x")
        XCTAssertEqual(try lexTokens("\"\"\"a\r\n  b\r  c\"\"\"").first?.1, "a\nb\nc")
        assertSyntaxError("\"\"\"no end", "Syntax Error: Unterminated string.", 1, 10)
    }

    func testUnexpectedCharacters() {
        assertSyntaxError("\u{0}", "Syntax Error: Unexpected character: U+0000.", 1, 1)
        assertSyntaxError("※", "Syntax Error: Unexpected character: U+203B.", 1, 1)
        assertSyntaxError("..", "Syntax Error: Unexpected character: \".\".", 1, 1)
        assertSyntaxError("?", "Syntax Error: Unexpected character: \"?\".", 1, 1)
        assertSyntaxError("'a'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)
        assertSyntaxError("😀", "Syntax Error: Unexpected character: U+1F600.", 1, 1)
    }

    func testDedentBlockStringLines() {
        XCTAssertEqual(dedentBlockStringLines(["", "  a", "    b", "  ", ""]), ["a", "  b"])
        XCTAssertEqual(dedentBlockStringLines(["  first", "  second"]), ["  first", "second"])
        XCTAssertEqual(dedentBlockStringLines(["   ", "  "]), [])
    }
}
