import XCTest
@testable import GraphQLEngine

/// `__InputValue.defaultValue`: printed as graphql-js prints `astFromValue`, and its errors.
extension IntrospectionResolversTests {
    func testDefaultValues() throws {
        guard case .inputObject(let filter)? = schema.type(named: "Filter") else { return XCTFail() }
        let expected: [String: String?] = [
            "s": #""a \"quoted\"\n\\ string ✓ 😀 \u0001 \u007F""#,
            "i": "-3",
            "f": "1000",
            "f2": "1.5",
            "b": "true",
            "id": "123",
            "idStr": #""abc""#,
            "idInt": "42",
            "color": "RED",
            "colors": "[RED, BLUE]",
            "single": "[7]",
            "nested": "[[1, 2], [3]]",
            "point": "{x: 2, y: 1}",
            "pointDefaults": "{x: 1, y: 2.5}",
            "nul": "null",
            "plain": #""p""#,
            "plainNumber": "12",
            "plainEnum": #""SOME_NAME""#,
            "old": nil,
            "required": nil,
            "noDefault": nil,
        ]
        for field in filter.fields {
            let actual = try harness.resolve("__InputValue", "defaultValue", field) as? String
            XCTAssertEqual(actual, expected[field.name] ?? nil, field.name)
        }
        XCTAssertEqual(try R.defaultValue(of: Introspection.type.field(named: "fields")!.args[0]), "false")
        XCTAssertEqual(try R.defaultValue(of: GraphQLDeprecatedDirective.args[0]), #""No longer supported""#)
    }

    /// graphql-js's `astFromValue` throws for a custom scalar default that serializes to a
    /// list or object, and for a default its type cannot serialize: a field error.
    func testUnprintableDefaultValues() throws {
        let h = try IntrospectionHarness(sdl: """
            scalar JSON
            type Query { a(j: JSON = {a: [1, "b"], c: null}, l: JSON = [1, 2], e: JSON = {}, ok: [JSON] = [1, 2], n: JSON = null): Int }
            """)
        guard case .object(let q)? = h.schema.type(named: "Query"), let a = q.field(named: "a") else { return XCTFail() }
        func message(_ arg: String) -> String? {
            let result = Result { () throws -> Any? in try h.resolve("__InputValue", "defaultValue", a.argument(named: arg)!) }
            guard case .failure(let error) = result else { return nil }
            return (error as? GraphQLError)?.message ?? "\(error)"
        }
        XCTAssertEqual(message("j"), #"Cannot convert value to AST: { a: [1, "b"], c: null }."#)
        XCTAssertEqual(message("l"), "Cannot convert value to AST: [1, 2].")
        XCTAssertEqual(message("e"), "Cannot convert value to AST: {}.")
        XCTAssertNil(message("ok"))
        XCTAssertEqual(try h.resolve("__InputValue", "defaultValue", a.argument(named: "ok")!) as? String, "[1, 2]")
        XCTAssertEqual(try h.resolve("__InputValue", "defaultValue", a.argument(named: "n")!) as? String, "null")

        // Programmatic defaults that do not serialize.
        let badInt = GraphQLArgument(name: "x", type: .scalar(GraphQLInt), defaultValue: .string("abc"))
        XCTAssertThrowsError(try R.defaultValue(of: badInt)) { error in
            XCTAssertEqual((error as? GraphQLError)?.message, #"Int cannot represent non-integer value: "abc""#)
        }
        let color = GraphQLEnumType(name: "C", values: [GraphQLEnumValue(name: "A")])
        let badEnum = GraphQLArgument(name: "x", type: .list(.enum(color)), defaultValue: .list([.enumValue("A"), .enumValue("B")]))
        XCTAssertThrowsError(try R.defaultValue(of: badEnum)) { error in
            XCTAssertEqual((error as? GraphQLError)?.message, #"Enum "C" cannot represent value: "B""#)
        }
        let nonFinite = GraphQLArgument(name: "x", type: .scalar(GraphQLScalarType(name: "N")), defaultValue: .float(.infinity))
        XCTAssertThrowsError(try R.defaultValue(of: nonFinite))
        // A non-null type with a null default prints nothing.
        let nullNonNull = GraphQLArgument(name: "x", type: .nonNull(.scalar(GraphQLInt)), defaultValue: .null)
        XCTAssertNil(try R.defaultValue(of: nullNonNull))
    }

    // MARK: __Directive

    func testDirectiveFields() throws {
        let tag = try XCTUnwrap(schema.directive(named: "tag"))
        XCTAssertEqual(try harness.resolve("__Directive", "name", tag) as? String, "tag")
        XCTAssertEqual(try harness.resolve("__Directive", "description", tag) as? String, "Repeatable directive")
        XCTAssertEqual(try harness.resolve("__Directive", "isRepeatable", tag) as? Bool, true)
        XCTAssertEqual(
            try harness.resolve("__Directive", "locations", tag) as? [String], ["FIELD_DEFINITION", "OBJECT", "ENUM_VALUE"])
        let args = try XCTUnwrap(try harness.resolve("__Directive", "args", tag, ["includeDeprecated": false]) as? [GraphQLArgument])
        XCTAssertEqual(args.map(\.name), ["name", "flags"])
        XCTAssertEqual(try args.map { try R.defaultValue(of: $0) }, [#""x""#, "[true]"])
        XCTAssertEqual(
            (try harness.resolve("__Directive", "args", tag, ["includeDeprecated": true]) as? [GraphQLArgument])?.map(\.name),
            ["name", "weight", "flags"])

        let plain = try XCTUnwrap(schema.directive(named: "plain"))
        XCTAssertNil(try harness.resolve("__Directive", "description", plain))
        XCTAssertEqual(try harness.resolve("__Directive", "isRepeatable", plain) as? Bool, false)
        XCTAssertEqual(try harness.resolve("__Directive", "locations", plain) as? [String], ["QUERY", "MUTATION"])
        XCTAssertEqual((try harness.resolve("__Directive", "args", plain) as? [GraphQLArgument])?.count, 0)

        XCTAssertEqual(
            R.locations(of: GraphQLDeprecatedDirective),
            ["FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"])
        for location in R.locations(of: GraphQLDeprecatedDirective) {
            XCTAssertNotNil(Introspection.directiveLocation.value(named: location))
        }
    }
}
