// buildSchema / buildASTSchema / extendSchema and the start-up error report.

import GraphQLEngine
import XCTest

final class BuildSchemaTests: XCTestCase {
    func testBuildSchemaThrowsAllSDLErrorsJoined() {
        XCTAssertThrowsError(try buildSchema("type Query { a: Foo b: Bar }")) { error in
            let e = error as? SchemaError
            XCTAssertEqual(e?.errors.count, 2)
            XCTAssertEqual(e?.message, "Unknown type \"Foo\".\n\nUnknown type \"Bar\".")
            XCTAssertEqual(e?.errors.first?.locations, [SourceLocation(line: 1, column: 17)])
        }
    }

    func testReportingEveryProblemWithLocations() {
        let sdl = """
            type Query { a: Int }
            type A implements Query { b: Int }
            enum Empty
            """
        let (schema, errors) = buildSchemaReportingErrors(Source(body: sdl))
        XCTAssertNotNil(schema)
        XCTAssertEqual(
            errors.map(\.message),
            ["Type A must only implement Interface types, it cannot implement Query.",
             "Enum type Empty must define one or more values."])
        XCTAssertEqual(errors.map(\.locations), [[SourceLocation(line: 2, column: 19)], [SourceLocation(line: 3, column: 1)]])

        let syntax = buildSchemaReportingErrors(Source(body: "type Query {"))
        XCTAssertNil(syntax.schema)
        XCTAssertEqual(syntax.errors.map(\.message), ["Syntax Error: Expected Name, found <EOF>."])
    }

    func testDeprecationAndSpecifiedByAndOneOf() throws {
        let schema = try buildSchema("""
            scalar UUID @specifiedBy(url: "https://example.com")
            input In @oneOf { a: Int b: String }
            enum E { A @deprecated B @deprecated(reason: "x") C @deprecated(reason: null) }
            type Query { f(in: In): UUID @deprecated }
            """)
        guard case .scalar(let uuid)? = schema.type(named: "UUID"),
            case .inputObject(let input)? = schema.type(named: "In"),
            case .enum(let e)? = schema.type(named: "E")
        else { return XCTFail("types") }
        XCTAssertEqual(uuid.specifiedByURL, "https://example.com")
        XCTAssertTrue(input.isOneOf)
        XCTAssertEqual(e.values.map(\.deprecationReason), ["No longer supported", "x", nil])
        XCTAssertEqual(schema.queryType?.field(named: "f")?.deprecationReason, "No longer supported")
        XCTAssertEqual(validateSchema(schema).count, 0)
    }

    func testInvalidDirectiveArgumentIsABuildError() {
        XCTAssertThrowsError(try buildSchema("type Query { a: Int @deprecated(reason: 1) }")) { error in
            let e = error as? SchemaError
            XCTAssertEqual(e?.message, "Argument \"reason\" has invalid value 1.")
            XCTAssertEqual(e?.errors.first?.locations, [SourceLocation(line: 1, column: 41)])
        }
    }

    func testExtendSchema() throws {
        let schema = try buildSchema("type Query { a: Int } enum E { A }")
        let extended = try extendSchema(
            schema, try parse("extend type Query { b: E } extend enum E { B } type New { x: Int }"))
        XCTAssertEqual(
            printSchema(extended), "type Query {\n  a: Int\n  b: E\n}\n\nenum E {\n  A\n  B\n}\n\ntype New {\n  x: Int\n}")
        XCTAssertTrue(try extendSchema(schema, try parse("query { a }")) === schema)
        // The original is untouched.
        XCTAssertEqual(printSchema(schema), "type Query {\n  a: Int\n}\n\nenum E {\n  A\n}")
        XCTAssertThrowsError(try extendSchema(schema, try parse("extend type Query { a: Int }"))) { error in
            XCTAssertEqual(
                (error as? SchemaError)?.message,
                "Field \"Query.a\" already exists in the schema. It cannot also be defined in this type extension.")
        }
    }

    func testExtendedTypesPointAtNewTypes() throws {
        let schema = try buildSchema("type Query { u: User } type User { name: String }")
        let extended = try extendSchema(schema, try parse("extend type User { age: Int }"))
        guard case .object(let user)? = extended.queryType?.field(named: "u")?.type.namedType else {
            return XCTFail("User")
        }
        XCTAssertNotNil(user.field(named: "age"))
        XCTAssertTrue(extended.type(named: "User") == .object(user))
    }

    func testSchemaErrorsLocateExtensionNodes() throws {
        let schema = try buildSchema("type Query { a: Int } type A { a: Int }")
        let extended = try extendSchema(schema, try parse("\n\nextend type A implements Query"))
        let errors = validateSchema(extended)
        XCTAssertEqual(errors.map(\.message), ["Type A must only implement Interface types, it cannot implement Query."])
        XCTAssertEqual(errors.first?.locations, [SourceLocation(line: 3, column: 26)])
    }
}
