// Scalars, enums, coerceInputValue, valueFromAST and astFromValue, spec-example style.

import GraphQLEngine
import XCTest

final class ValuesTests: XCTestCase {
    func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? GraphQLError)?.message ?? "\(error)"
        }
    }

    func testInputFieldsKeepFirstPositionAndLastValue() {
        let fields = InputFields([("a", 1), ("b", 2), ("a", 3)])
        XCTAssertEqual(fields.keys, ["a", "b"])
        XCTAssertEqual(fields["a"], 3)
        XCTAssertEqual(fields["b"], 2)
        let many = InputFields((0..<50_000).map { ("k\($0 % 40_000)", InputValue.int($0)) })
        XCTAssertEqual(many.count, 40_000)
        XCTAssertEqual(many["k5"], .int(40_005))
    }

    /// graphql-js keys argument nodes by name, so a repeated argument's last value wins
    /// (validation reports the repetition; execution-time helpers must still agree).
    func testRepeatedArgumentTakesTheLastValue() throws {
        let document = try parse("{ a @include(if: true, if: false) }")
        guard case .operation(let operation)? = document.definitions.first,
              case .field(let field)? = operation.selectionSet.selections.first
        else { return XCTFail("unexpected document") }
        let values = try getDirectiveValues(GraphQLIncludeDirective, field.directives, source: document.source)
        XCTAssertEqual(values?["if"], .boolean(false))
    }

    func testBuiltInScalars() throws {
        XCTAssertEqual(try GraphQLInt.parseValue(.int(5)), .int(5))
        XCTAssertEqual(message { try GraphQLInt.parseValue(.float(1.5)) }, "Int cannot represent non-integer value: 1.5")
        XCTAssertEqual(
            message { try GraphQLInt.parseValue(.float(2_147_483_648)) },
            "Int cannot represent non 32-bit signed integer value: 2147483648")
        XCTAssertEqual(
            message { try GraphQLInt.parseLiteral(.string(StringValue(value: "1")), nil) },
            "Int cannot represent non-integer value: \"1\"")
        XCTAssertEqual(try GraphQLInt.serialize("12"), .int(12))
        XCTAssertEqual(try GraphQLInt.serialize(true), .int(1))
        XCTAssertEqual(message { try GraphQLInt.serialize(1e100) }, "Int cannot represent non 32-bit signed integer value: 1e+100")
        XCTAssertEqual(try GraphQLString.serialize(1e21), .string("1e+21"))
        XCTAssertEqual(try GraphQLFloat.parseValue(.int(2)), .float(2))
        XCTAssertEqual(try GraphQLID.parseValue(.int(7)), .string("7"))
        XCTAssertEqual(message { try GraphQLID.parseValue(.boolean(true)) }, "ID cannot represent value: true")
        XCTAssertEqual(message { try GraphQLBoolean.parseValue(.int(1)) }, "Boolean cannot represent a non boolean value: 1")
        XCTAssertEqual(message { try GraphQLString.parseValue(.list([.int(1)])) }, "String cannot represent a non string value: [1]")
    }

    func testCustomScalarDefaults() throws {
        let json = GraphQLScalarType(name: "JSON")
        XCTAssertEqual(try json.parseValue(["a": 1]), ["a": 1])
        XCTAssertEqual(try json.parseLiteral(try parseValue("{a: [1, $v]}"), ["v": "x"]), ["a": [1, "x"]])
        XCTAssertEqual(try json.serialize(InputValue.string("s")), .string("s"))
    }

    func testEnums() throws {
        let schema = try buildSchema("enum Color { RED GREEN } type Query { c: Color }")
        guard case .enum(let color)? = schema.type(named: "Color") else { return XCTFail("Color") }
        XCTAssertEqual(try color.serialize("RED"), .enumValue("RED"))
        XCTAssertEqual(message { try color.serialize("BLUE") }, "Enum \"Color\" cannot represent value: \"BLUE\"")
        XCTAssertEqual(
            message { try color.parseValue("GREN") },
            "Value \"GREN\" does not exist in \"Color\" enum. Did you mean the enum value \"GREEN\" or \"RED\"?")
        XCTAssertEqual(
            message { try color.parseLiteral(try parseValue("\"RED\"")) },
            "Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?")
    }

    func testCoerceInputValueReportsPaths() throws {
        let schema = try buildSchema("input P { x: Int! tags: [String!] } type Query { f(p: [P]): Int }")
        let type = GraphQLType.list(try XCTUnwrap(schema.type(named: "P")).type)
        var reported: [String] = []
        _ = coerceInputValue([["x": 1, "tags": ["a", nil]], ["y": 2]], type) { path, value, error in
            reported.append("\(printPathArray(path)) \(inspect(value)) \(error.message)")
        }
        XCTAssertEqual(
            reported,
            ["[0].tags[1] null Expected non-nullable type \"String!\" not to be null.",
             "[1] { y: 2 } Field \"x\" of required type \"Int!\" was not provided.",
             "[1] { y: 2 } Field \"y\" is not defined by type \"P\". Did you mean \"x\"?"])
        XCTAssertEqual(
            message { try coerceInputValue(["x": "1"], try XCTUnwrap(schema.type(named: "P")).type) },
            "Invalid value \"1\" at \"value.x\": Int cannot represent non-integer value: \"1\"")
    }

    func testValueFromASTAndBack() throws {
        let schema = try buildSchema("""
            enum E { A B }
            input In { e: E = A list: [Int] = [1] f: Float }
            type Query { f(i: In): Int }
            """)
        let input = try XCTUnwrap(schema.type(named: "In")).type
        let value = valueFromAST(try parseValue("{f: 2, list: 3}"), input)
        XCTAssertEqual(value, ["e": .enumValue("A"), "list": [3], "f": .float(2)])
        XCTAssertEqual(astFromValue(value, input).map(printAST), "{e: A, list: [3], f: 2}")
        XCTAssertNil(astFromValue(.null, .nonNull(.scalar(GraphQLInt))))
        XCTAssertEqual(astFromValue(.string("123"), .scalar(GraphQLID)).map(printAST), "123")
        XCTAssertEqual(astFromValue(.float(1e-7), .scalar(GraphQLFloat)).map(printAST), "1e-7")
        XCTAssertEqual(valueFromASTUntyped(try parseValue("[1, 2.5, \"s\", E, null, {a: $x}]"), variables: ["x": true]),
                       [1, 2.5, "s", .enumValue("E"), nil, ["a": true]])
    }

    func testInspect() {
        XCTAssertEqual(inspect(nil), "undefined")
        XCTAssertEqual(inspect(["a": ["b": ["c": 1]]]), "{ a: { b: [Object] } }")
        XCTAssertEqual(inspect(.list((1...12).map { .int($0) })), "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]")
        XCTAssertEqual(inspect(.float(0.1)), "0.1")
        XCTAssertEqual(inspect("q\"uote"), "\"q\\\"uote\"")
    }

    func testSuggestions() {
        XCTAssertEqual(suggestionList("Strin", ["String", "Int", "Strings"]), ["String", "Strings"])
        XCTAssertEqual(didYouMean(["a", "b", "c", "d", "e", "f"]), " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?")
    }
}
