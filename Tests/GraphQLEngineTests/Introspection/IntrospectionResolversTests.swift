// The introspection resolvers called directly, on a schema with every kind of type and
// every introspection feature: expected values are graphql-js 16.11's.

import XCTest
@testable import GraphQLEngine

final class IntrospectionResolversTests: XCTestCase {
    static let sdl = #"""
        "The schema description"
        schema {
          query: Root
          mutation: Mut
          subscription: Sub
        }

        "A date-time"
        scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
        scalar Plain

        "Colors"
        enum Color {
          "Red color"
          RED
          GREEN @deprecated
          BLUE @deprecated(reason: "Use \"RED\"")
        }

        input Point {
          x: Int = 1
          y: Float = 2.5
        }

        "An input"
        input Filter {
          "a string"
          s: String = "a \"quoted\"\n\\ string ✓ 😀 \u0001 \u007F"
          i: Int = -3
          f: Float = 1e3
          f2: Float = 1.5
          b: Boolean = true
          id: ID = "123"
          idStr: ID = "abc"
          idInt: ID = 42
          color: Color = RED
          colors: [Color!] = [RED, BLUE]
          single: [Int] = 7
          nested: [[Int]] = [[1, 2], [3]]
          point: Point = {y: 1, x: 2}
          pointDefaults: Point = {}
          nul: String = null
          plain: Plain = "p"
          plainNumber: Plain = 12
          plainEnum: Plain = SOME_NAME
          old: String @deprecated(reason: "gone")
          required: Int!
          noDefault: [String]
        }

        input Choice @oneOf {
          a: String
          b: Int
        }

        "Something with an id"
        interface Node {
          id: ID!
        }

        interface Named implements Node {
          id: ID!
          name(upper: Boolean = false): String
        }

        type Person implements Named & Node {
          id: ID!
          name(upper: Boolean = false): String
          age: Int @deprecated(reason: "private")
        }

        type Robot implements Node {
          id: ID!
          model: String
        }

        "Anything"
        union Thing = Person | Robot

        type Root {
          node(id: ID!): Node
          things: [Thing!]!
          search(
            filter: Filter
            choice: Choice
            "Old"
            old: Int @deprecated(reason: "use filter")
            color: Color = GREEN
          ): [[Named!]]!
          when: DateTime
          legacy: String @deprecated
        }

        type Mut {
          touch(at: DateTime!): Boolean
        }

        type Sub {
          ticks: Int
        }

        "Repeatable directive"
        directive @tag(
          name: String! = "x"
          weight: Int = 1 @deprecated(reason: "no")
          flags: [Boolean] = [true]
        ) repeatable on FIELD_DEFINITION | OBJECT | ENUM_VALUE

        directive @plain on QUERY | MUTATION
        """#

    var harness: IntrospectionHarness!
    var schema: GraphQLSchema { harness.schema }

    override func setUpWithError() throws {
        harness = try IntrospectionHarness(sdl: Self.sdl)
        XCTAssertEqual(validateSchema(schema).map(\.message), [])
    }

    typealias R = IntrospectionResolvers

    func named(_ name: String) throws -> GraphQLType {
        try XCTUnwrap(R.type(named: name, in: schema), "no type \(name)")
    }

    func object(_ name: String) throws -> GraphQLObjectType {
        guard case .object(let o)? = schema.type(named: name) else { throw GraphQLError(message: "no object type \(name)") }
        return o
    }

    func names(_ types: [GraphQLType]?) -> [String]? { types?.map(\.description) }

    // MARK: dispatch

    func testResolverDispatch() {
        for root in ["Root", "Query", "QueryRoot", "Anything"] {
            XCTAssertNotNil(R.resolver(typeName: root, field: "__schema"))
            XCTAssertNotNil(R.resolver(typeName: root, field: "__type"))
            XCTAssertNil(R.resolver(typeName: root, field: "__typename"))
            XCTAssertNil(R.resolver(typeName: root, field: "name"))
            XCTAssertNil(R.resolver(typeName: root, field: "fields"))
        }
        // Every field of every introspection object type, and nothing else.
        for case .object(let type) in Introspection.types {
            for field in type.fields {
                guard case .sync? = R.resolver(typeName: type.name, field: field.name) else {
                    XCTFail("no synchronous resolver for \(type.name).\(field.name)")
                    continue
                }
            }
            XCTAssertNil(R.resolver(typeName: type.name, field: "__typename"))
            XCTAssertNil(R.resolver(typeName: type.name, field: "nope"))
        }
        XCTAssertNil(R.resolver(typeName: "__TypeKind", field: "name"))
        XCTAssertNil(R.resolver(typeName: "_Private", field: "name"))
        XCTAssertNil(R.resolver(typeName: "Person", field: "name"))
    }

    // MARK: query meta fields

    func testMetaFields() throws {
        XCTAssertTrue(try harness.resolve("Root", "__schema", ()) as? GraphQLSchema === schema)
        XCTAssertEqual(try harness.resolve("Root", "__type", (), ["name": "Color"]) as? GraphQLType, try named("Color"))
        XCTAssertEqual(try harness.resolve("Root", "__type", (), ["name": "__Type"]) as? GraphQLType, .object(Introspection.type))
        XCTAssertNil(try harness.resolve("Root", "__type", (), ["name": "Nope"]))
        // Specified scalars exist only when referenced (Float is, by Point.y).
        XCTAssertNotNil(try harness.resolve("Root", "__type", (), ["name": "Float"]))
        let small = try IntrospectionHarness(sdl: "type Query { a: String }")
        XCTAssertNil(try small.resolve("Query", "__type", (), ["name": "Int"]))
        XCTAssertNotNil(try small.resolve("Query", "__type", (), ["name": "Boolean"]))  // via __Type.isOneOf etc.
    }

    // MARK: __Schema

    func testSchemaFields() throws {
        XCTAssertEqual(try harness.resolve("__Schema", "description", schema) as? String, "The schema description")
        XCTAssertEqual(try harness.resolve("__Schema", "queryType", schema) as? GraphQLType, try named("Root"))
        XCTAssertEqual(try harness.resolve("__Schema", "mutationType", schema) as? GraphQLType, try named("Mut"))
        XCTAssertEqual(try harness.resolve("__Schema", "subscriptionType", schema) as? GraphQLType, try named("Sub"))
        let types = try XCTUnwrap(try harness.resolve("__Schema", "types", schema) as? [GraphQLType])
        XCTAssertEqual(types.map(\.description), schema.types.map(\.name))
        let directives = try XCTUnwrap(try harness.resolve("__Schema", "directives", schema) as? [GraphQLDirective])
        XCTAssertEqual(directives.map(\.name), ["tag", "plain", "include", "skip", "deprecated", "specifiedBy", "oneOf"])

        let bare = try IntrospectionHarness(sdl: "type Query { a: String }")
        XCTAssertNil(try bare.resolve("__Schema", "description", bare.schema))
        XCTAssertNil(try bare.resolve("__Schema", "mutationType", bare.schema))
        XCTAssertNil(try bare.resolve("__Schema", "subscriptionType", bare.schema))
        XCTAssertEqual(
            (try bare.resolve("__Schema", "types", bare.schema) as? [GraphQLType])?.map(\.description),
            ["Query", "String", "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue",
             "__Directive", "__DirectiveLocation"])
    }

    // MARK: __Type

    func testKindNameDescription() throws {
        let cases: [(GraphQLType, String, String?, String?)] = [
            (try named("DateTime"), "SCALAR", "DateTime", "A date-time"),
            (try named("Plain"), "SCALAR", "Plain", nil),
            (try named("Root"), "OBJECT", "Root", nil),
            (try named("Node"), "INTERFACE", "Node", "Something with an id"),
            (try named("Thing"), "UNION", "Thing", "Anything"),
            (try named("Color"), "ENUM", "Color", "Colors"),
            (try named("Filter"), "INPUT_OBJECT", "Filter", "An input"),
            (.list(try named("Color")), "LIST", nil, nil),
            (.nonNull(try named("Color")), "NON_NULL", nil, nil),
            (.nonNull(.list(.nonNull(try named("Color")))), "NON_NULL", nil, nil),
        ]
        for (type, kind, name, description) in cases {
            XCTAssertEqual(try harness.resolve("__Type", "kind", type) as? String, kind, "\(type)")
            XCTAssertEqual(try harness.resolve("__Type", "name", type) as? String, name, "\(type)")
            XCTAssertEqual(try harness.resolve("__Type", "description", type) as? String, description, "\(type)")
        }
        // The kind names are values of __TypeKind.
        for type in schema.types {
            XCTAssertNotNil(Introspection.typeKind.value(named: R.kind(of: .named(type))))
        }
        XCTAssertEqual(
            R.description(of: try named("String")),
            "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    }

    func testSpecifiedByURL() throws {
        XCTAssertEqual(
            try harness.resolve("__Type", "specifiedByURL", try named("DateTime")) as? String,
            "https://tools.ietf.org/html/rfc3339")
        for name in ["Plain", "String", "Root", "Color", "Filter", "Thing"] {
            XCTAssertNil(try harness.resolve("__Type", "specifiedByURL", try named(name)), name)
        }
        XCTAssertNil(R.specifiedByURL(of: .nonNull(try named("DateTime"))))
    }

    func testFields() throws {
        let includeAll: [String: InputValue] = ["includeDeprecated": true]
        let root = try named("Root")
        XCTAssertEqual(
            (try harness.resolve("__Type", "fields", root, ["includeDeprecated": false]) as? [GraphQLField])?.map(\.name),
            ["node", "things", "search", "when"])
        XCTAssertEqual(
            (try harness.resolve("__Type", "fields", root, includeAll) as? [GraphQLField])?.map(\.name),
            ["node", "things", "search", "when", "legacy"])
        // An explicit null is falsy, as in graphql-js.
        XCTAssertEqual(
            (try harness.resolve("__Type", "fields", root, ["includeDeprecated": .null]) as? [GraphQLField])?.map(\.name),
            ["node", "things", "search", "when"])
        XCTAssertEqual(R.fields(of: try named("Person"), includeDeprecated: false)?.map(\.name), ["id", "name"])
        XCTAssertEqual(R.fields(of: try named("Person"), includeDeprecated: true)?.map(\.name), ["id", "name", "age"])
        XCTAssertEqual(R.fields(of: try named("Named"), includeDeprecated: false)?.map(\.name), ["id", "name"])
        for name in ["DateTime", "Thing", "Color", "Filter"] {
            XCTAssertNil(try harness.resolve("__Type", "fields", try named(name), includeAll), name)
        }
        XCTAssertNil(R.fields(of: .list(root), includeDeprecated: true))
        XCTAssertNil(R.fields(of: .nonNull(root), includeDeprecated: true))
        // Nothing deprecated: the type's own array.
        let node = try object("Robot")
        XCTAssertEqual(R.fields(of: .object(node), includeDeprecated: false)?.map(ObjectIdentifier.init), node.fields.map(ObjectIdentifier.init))
    }

    func testInterfacesAndPossibleTypes() throws {
        XCTAssertEqual(names(try harness.resolve("__Type", "interfaces", try named("Person")) as? [GraphQLType]), ["Named", "Node"])
        XCTAssertEqual(names(try harness.resolve("__Type", "interfaces", try named("Named")) as? [GraphQLType]), ["Node"])
        XCTAssertEqual(names(try harness.resolve("__Type", "interfaces", try named("Node")) as? [GraphQLType]), [])
        XCTAssertEqual(names(try harness.resolve("__Type", "interfaces", try named("Root")) as? [GraphQLType]), [])
        for name in ["DateTime", "Thing", "Color", "Filter"] {
            XCTAssertNil(try harness.resolve("__Type", "interfaces", try named(name)), name)
        }
        XCTAssertNil(R.interfaces(of: .list(try named("Person"))))

        // Interfaces: the implementing object types only (not Named), in type map order.
        XCTAssertEqual(names(try harness.resolve("__Type", "possibleTypes", try named("Node")) as? [GraphQLType]), ["Person", "Robot"])
        XCTAssertEqual(names(try harness.resolve("__Type", "possibleTypes", try named("Named")) as? [GraphQLType]), ["Person"])
        XCTAssertEqual(names(try harness.resolve("__Type", "possibleTypes", try named("Thing")) as? [GraphQLType]), ["Person", "Robot"])
        for name in ["DateTime", "Person", "Color", "Filter"] {
            XCTAssertNil(try harness.resolve("__Type", "possibleTypes", try named(name)), name)
        }
        XCTAssertNil(R.possibleTypes(of: .nonNull(try named("Node")), in: schema))

        let lonely = try IntrospectionHarness(sdl: "type Query { a: I } interface I { a: Int } union U = Query")
        XCTAssertEqual(names(R.possibleTypes(of: try XCTUnwrap(R.type(named: "I", in: lonely.schema)), in: lonely.schema)), [])
        XCTAssertEqual(names(R.possibleTypes(of: try XCTUnwrap(R.type(named: "U", in: lonely.schema)), in: lonely.schema)), ["Query"])
    }

    func testEnumValues() throws {
        let color = try named("Color")
        let current = try XCTUnwrap(try harness.resolve("__Type", "enumValues", color, ["includeDeprecated": false]) as? [GraphQLEnumValue])
        XCTAssertEqual(current.map(\.name), ["RED"])
        let all = try XCTUnwrap(try harness.resolve("__Type", "enumValues", color, ["includeDeprecated": true]) as? [GraphQLEnumValue])
        XCTAssertEqual(all.map(\.name), ["RED", "GREEN", "BLUE"])
        let expected: [(String?, Bool, String?)] = [("Red color", false, nil), (nil, true, "No longer supported"), (nil, true, "Use \"RED\"")]
        for (value, (description, isDeprecated, reason)) in zip(all, expected) {
            XCTAssertEqual(try harness.resolve("__EnumValue", "name", value) as? String, value.name)
            XCTAssertEqual(try harness.resolve("__EnumValue", "description", value) as? String, description)
            XCTAssertEqual(try harness.resolve("__EnumValue", "isDeprecated", value) as? Bool, isDeprecated)
            XCTAssertEqual(try harness.resolve("__EnumValue", "deprecationReason", value) as? String, reason)
        }
        for name in ["DateTime", "Root", "Node", "Thing", "Filter"] {
            XCTAssertNil(try harness.resolve("__Type", "enumValues", try named(name), ["includeDeprecated": true]), name)
        }
        XCTAssertNil(R.enumValues(of: .list(color), includeDeprecated: true))
        // __TypeKind and __DirectiveLocation list graphql-js's values in its order.
        XCTAssertEqual(
            R.enumValues(of: .enum(Introspection.typeKind), includeDeprecated: false)?.map(\.name),
            ["SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL"])
    }

    func testInputFieldsAndIsOneOf() throws {
        let filter = try named("Filter")
        let current = try XCTUnwrap(try harness.resolve("__Type", "inputFields", filter) as? [GraphQLInputValue])
        XCTAssertFalse(current.map(\.name).contains("old"))
        XCTAssertEqual(current.count, 20)
        let all = try XCTUnwrap(
            try harness.resolve("__Type", "inputFields", filter, ["includeDeprecated": true]) as? [GraphQLInputValue])
        XCTAssertEqual(all.count, 21)
        XCTAssertEqual(all.map(\.name).firstIndex(of: "old"), 18)
        for name in ["DateTime", "Root", "Node", "Thing", "Color"] {
            XCTAssertNil(try harness.resolve("__Type", "inputFields", try named(name), ["includeDeprecated": true]), name)
        }
        XCTAssertEqual(try harness.resolve("__Type", "isOneOf", try named("Choice")) as? Bool, true)
        XCTAssertEqual(try harness.resolve("__Type", "isOneOf", filter) as? Bool, false)
        for name in ["DateTime", "Root", "Node", "Thing", "Color"] {
            XCTAssertNil(try harness.resolve("__Type", "isOneOf", try named(name)), name)
        }
        XCTAssertNil(R.isOneOf(of: .nonNull(try named("Choice"))))
    }

    func testOfType() throws {
        let color = try named("Color")
        XCTAssertNil(try harness.resolve("__Type", "ofType", color))
        XCTAssertEqual(try harness.resolve("__Type", "ofType", GraphQLType.list(color)) as? GraphQLType, color)
        let nonNullList = GraphQLType.nonNull(.list(.nonNull(color)))
        XCTAssertEqual(try harness.resolve("__Type", "ofType", nonNullList) as? GraphQLType, .list(.nonNull(color)))
        // A field's type as introspection walks it.
        let search = try XCTUnwrap(try object("Root").field(named: "search"))
        var type: GraphQLType? = try harness.resolve("__Field", "type", search) as? GraphQLType
        var kinds: [String] = []
        while let t = type {
            kinds.append(R.kind(of: t) + (R.name(of: t).map { " " + $0 } ?? ""))
            type = R.ofType(of: t)
        }
        XCTAssertEqual(kinds, ["NON_NULL", "LIST", "LIST", "NON_NULL", "INTERFACE Named"])
    }

    /// A user resolver of a field typed `__Type` may return a type object rather than a `GraphQLType`.
    func testTypeObjectsAsParents() throws {
        let person = try object("Person")
        XCTAssertEqual(try harness.resolve("__Type", "kind", person) as? String, "OBJECT")
        XCTAssertEqual(try harness.resolve("__Type", "name", GraphQLNamedType.object(person)) as? String, "Person")
        XCTAssertEqual(names(try harness.resolve("__Type", "possibleTypes", schema.type(named: "Thing")!) as? [GraphQLType]), ["Person", "Robot"])
        XCTAssertEqual(try harness.resolve("__Type", "name", GraphQLString) as? String, "String")
        // Anything else is read as graphql-js reads a plain object: by property.
        XCTAssertEqual(try harness.resolve("__Type", "name", ["name": "Fake"] as [String: any Sendable]) as? String, "Fake")
        XCTAssertNil(try harness.resolve("__Field", "name", 42))
    }

    // MARK: __Field

    func testFieldFields() throws {
        let root = try object("Root")
        let search = try XCTUnwrap(root.field(named: "search"))
        XCTAssertEqual(try harness.resolve("__Field", "name", search) as? String, "search")
        XCTAssertNil(try harness.resolve("__Field", "description", search))
        XCTAssertEqual(try harness.resolve("__Field", "isDeprecated", search) as? Bool, false)
        XCTAssertNil(try harness.resolve("__Field", "deprecationReason", search))
        XCTAssertEqual(
            (try harness.resolve("__Field", "args", search, ["includeDeprecated": false]) as? [GraphQLArgument])?.map(\.name),
            ["filter", "choice", "color"])
        XCTAssertEqual(
            (try harness.resolve("__Field", "args", search, ["includeDeprecated": true]) as? [GraphQLArgument])?.map(\.name),
            ["filter", "choice", "old", "color"])
        let legacy = try XCTUnwrap(root.field(named: "legacy"))
        XCTAssertEqual(try harness.resolve("__Field", "isDeprecated", legacy) as? Bool, true)
        XCTAssertEqual(try harness.resolve("__Field", "deprecationReason", legacy) as? String, "No longer supported")
        XCTAssertEqual((try harness.resolve("__Field", "args", legacy, ["includeDeprecated": false]) as? [GraphQLArgument])?.count, 0)
        let schemaField = Introspection.schemaMetaField
        XCTAssertEqual(
            try harness.resolve("__Field", "description", schemaField) as? String, "Access the current type schema of this server.")
    }

    // MARK: __InputValue

    func testInputValueFields() throws {
        let root = try object("Root")
        let old = try XCTUnwrap(root.field(named: "search")?.argument(named: "old"))
        XCTAssertEqual(try harness.resolve("__InputValue", "name", old) as? String, "old")
        XCTAssertEqual(try harness.resolve("__InputValue", "description", old) as? String, "Old")
        XCTAssertEqual(try harness.resolve("__InputValue", "type", old) as? GraphQLType, try named("Int"))
        XCTAssertNil(try harness.resolve("__InputValue", "defaultValue", old))
        XCTAssertEqual(try harness.resolve("__InputValue", "isDeprecated", old) as? Bool, true)
        XCTAssertEqual(try harness.resolve("__InputValue", "deprecationReason", old) as? String, "use filter")
        let color = try XCTUnwrap(root.field(named: "search")?.argument(named: "color"))
        XCTAssertEqual(try harness.resolve("__InputValue", "defaultValue", color) as? String, "GREEN")
        XCTAssertEqual(try harness.resolve("__InputValue", "isDeprecated", color) as? Bool, false)
        XCTAssertNil(try harness.resolve("__InputValue", "deprecationReason", color))
    }
}
