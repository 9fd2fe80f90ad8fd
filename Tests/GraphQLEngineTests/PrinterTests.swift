import XCTest
@testable import GraphQLEngine

final class PrinterTests: XCTestCase {
    func testShortFormAndVariables() throws {
        XCTAssertEqual(printAST(try parse("query { a }")), "{\n  a\n}")
        XCTAssertEqual(printAST(try parse("query Q { a }")), "query Q {\n  a\n}")
        XCTAssertEqual(printAST(try parse("query ($a: Int = 1 @d, $b: [S!]) @x { a }")),
                       "query ($a: Int = 1 @d, $b: [S!]) @x {\n  a\n}")
        XCTAssertEqual(printAST(try parse("mutation { a }")), "mutation {\n  a\n}")
    }

    func testLongArgumentListsWrap() throws {
        let doc = try parse("{ field(aaaaaaaaaaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbbbbbbbb: 2, cccccccccccccccccccccccccc: 3) }")
        XCTAssertEqual(printAST(doc), """
        {
          field(
            aaaaaaaaaaaaaaaaaaaa: 1
            bbbbbbbbbbbbbbbbbbbbbbbbbb: 2
            cccccccccccccccccccccccccc: 3
          )
        }
        """)
    }

    func testStrings() {
        XCTAssertEqual(printString("a\"b\\c\n\u{1}\u{7F}\u{85}é"), #""a\"b\\c\n\u0001\u007F\u0085é""#)
        XCTAssertEqual(printBlockString("single"), #""""single""""#)
        XCTAssertEqual(printBlockString("  lead"), "\"\"\"  lead\"\"\"")
        XCTAssertEqual(printBlockString("a\nb"), "\"\"\"\na\nb\n\"\"\"")
        XCTAssertEqual(printBlockString("ends with \""), "\"\"\"\nends with \"\n\"\"\"")
        XCTAssertEqual(printBlockString("has \"\"\" inside"), "\"\"\"has \\\"\"\" inside\"\"\"")
        XCTAssertEqual(printBlockString("a\n  b", minimize: true), "\"\"\"\na\n  b\"\"\"")
    }

    func testSchemaPrinting() throws {
        let sdl = """
        \"\"\"Desc\"\"\"
        type A implements B & C @d {
          "field desc"
          f(
            "arg"
            a: Int = 1
          ): [String!]!
          g(x: Int, y: Int): Int
        }

        union U = A | B

        directive @r(a: Int) repeatable on FIELD | QUERY

        extend schema @s
        """
        XCTAssertEqual(printAST(try parse(sdl)), """
        \"\"\"Desc\"\"\"
        type A implements B & C @d {
          "field desc"
          f(
            "arg"
            a: Int = 1
          ): [String!]!
          g(x: Int, y: Int): Int
        }

        union U = A | B

        directive @r(a: Int) repeatable on FIELD | QUERY

        extend schema @s
        """)
    }

    func testKitchenSinkIsIdempotent() throws {
        for text in DocumentCorpus.all {
            let printed = printAST(try parse(text))
            XCTAssertEqual(printAST(try parse(printed)), printed)
        }
    }

    func testPrintsAnyNode() throws {
        let value = try parseValue("{a: [1, \"x\"], b: $v}")
        XCTAssertEqual(printAST(value), "{a: [1, \"x\"], b: $v}")
        let field = Field(name: Name(value: "f"), arguments: [Argument(name: Name(value: "x"), value: .null(NullValue()))])
        XCTAssertEqual(printAST(field), "f(x: null)")
        XCTAssertEqual(printAST(Selection.field(field)), "f(x: null)")
    }
}
