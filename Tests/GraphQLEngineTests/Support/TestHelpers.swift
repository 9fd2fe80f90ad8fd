import XCTest
@testable import GraphQLEngine

/// Asserts that parsing `text` fails with exactly `message` at `line:column`.
func assertSyntaxError(
    _ text: String, _ message: String, _ line: Int, _ column: Int,
    options: ParseOptions = ParseOptions(), file: StaticString = #filePath, lineNumber: UInt = #line
) {
    do {
        _ = try parse(text, options: options)
        XCTFail("expected a syntax error for \(text.debugDescription)", file: file, line: lineNumber)
    } catch {
        XCTAssertEqual(error.message, message, file: file, line: lineNumber)
        XCTAssertEqual(error.locations, [SourceLocation(line: line, column: column)], file: file, line: lineNumber)
    }
}

/// All tokens of `text` as (kind, graphql-js value) pairs, EOF excluded.
func lexTokens(_ text: String) throws(GraphQLError) -> [(TokenKind, String?)] {
    var body = text
    let result: Result<[(TokenKind, String?)], SyntaxErrorInfo> = body.withUTF8 { bytes in
        var lexer = Lexer(bytes: bytes)
        var tokens: [(TokenKind, String?)] = []
        do throws(SyntaxErrorInfo) {
            while true {
                try lexer.advance()
                if lexer.token.kind == .eof { return .success(tokens) }
                tokens.append((lexer.token.kind, lexer.value(of: lexer.token)))
            }
        } catch {
            return .failure(error)
        }
    }
    switch result {
    case .success(let t): return t
    case .failure(let e):
        throw GraphQLError.syntaxError(source: Source(body: text), position: e.position, description: e.description)
    }
}
