// @oneOf (graphql-js 16.9+): printing, schema validation, coercion.

import GraphQLEngine
import XCTest

final class OneOfTests: XCTestCase {
    func testPrintSchemaPrintsOneOf() throws {
        let schema = try buildSchema("""
            "Pick one"
            input Pick @oneOf { a: Int b: String }
            type Query { f(p: Pick): Int }
            """)
        XCTAssertEqual(
            printSchema(schema),
            "\"\"\"Pick one\"\"\"\ninput Pick @oneOf {\n  a: Int\n  b: String\n}\n\ntype Query {\n  f(p: Pick): Int\n}")
        XCTAssertTrue(printIntrospectionSchema(schema).contains(
            "\"\"\"\nIndicates exactly one field must be supplied and this field must not be `null`.\n\"\"\"\ndirective @oneOf on INPUT_OBJECT"))
    }

    func testSchemaValidation() throws {
        let schema = try buildSchema("input Pick @oneOf { a: Int! b: String = \"x\" } type Query { f(p: Pick): Int }")
        let errors = validateSchema(schema)
        XCTAssertEqual(
            errors.map(\.message),
            ["OneOf input field Pick.a must be nullable.", "OneOf input field Pick.b cannot have a default value."])
        XCTAssertEqual(
            errors.map(\.locations), [[SourceLocation(line: 1, column: 24)], [SourceLocation(line: 1, column: 29)]])
    }

    func testCoercion() throws {
        let schema = try buildSchema("input Pick @oneOf { a: Int b: String } type Query { f(p: Pick): Int }")
        let pick = try XCTUnwrap(schema.type(named: "Pick")).type
        XCTAssertEqual(try coerceInputValue(["a": 1], pick), ["a": 1])
        XCTAssertThrowsError(try coerceInputValue(["a": 1, "b": "x"], pick)) { error in
            XCTAssertEqual(
                (error as? GraphQLError)?.message,
                "Invalid value { a: 1, b: \"x\" }: Exactly one key must be specified for OneOf type \"Pick\".")
        }
        XCTAssertThrowsError(try coerceInputValue(["a": nil], pick)) { error in
            XCTAssertEqual((error as? GraphQLError)?.message, "Invalid value null at \"value.a\": Field \"a\" must be non-null.")
        }
        XCTAssertEqual(valueFromAST(try parseValue("{a: 1}"), pick), ["a": 1])
        XCTAssertNil(valueFromAST(try parseValue("{a: 1, b: \"x\"}"), pick))
        XCTAssertNil(valueFromAST(try parseValue("{a: null}"), pick))
    }
}
