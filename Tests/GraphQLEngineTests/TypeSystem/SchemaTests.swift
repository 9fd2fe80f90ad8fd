// GraphQLSchema: type map, roots, directives, abstract-type relations.

import GraphQLEngine
import XCTest

final class SchemaTests: XCTestCase {
    let sdl = """
        interface Node { id: ID! }
        interface Entity implements Node { id: ID! }
        type User implements Entity & Node { id: ID! name: String }
        type Shop implements Node { id: ID! }
        union Result = User | Shop
        type Query { node: Node search: [Result] }
        """

    func testTypeMapOrderFollowsGraphQLJS() throws {
        let schema = try buildSchema(sdl)
        XCTAssertEqual(
            schema.types.map(\.name),
            ["Node", "ID", "Entity", "User", "String", "Shop", "Result", "Query", "Boolean", "__Schema", "__Type",
             "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation"])
    }

    func testRootsAndLookups() throws {
        let schema = try buildSchema(sdl)
        XCTAssertEqual(schema.queryType?.name, "Query")
        XCTAssertNil(schema.mutationType)
        XCTAssertEqual(schema.rootType(for: .query)?.name, "Query")
        XCTAssertEqual(schema.type(named: "User")?.name, "User")
        XCTAssertNil(schema.type(named: "Nope"))
        XCTAssertEqual(schema.directives.map(\.name), ["include", "skip", "deprecated", "specifiedBy", "oneOf"])
        XCTAssertNotNil(schema.directive(named: "oneOf"))
    }

    func testAbstractTypeRelations() throws {
        let schema = try buildSchema(sdl)
        let node = try XCTUnwrap(schema.type(named: "Node"))
        let entity = try XCTUnwrap(schema.type(named: "Entity"))
        let user = try XCTUnwrap(schema.type(named: "User"))
        let shop = try XCTUnwrap(schema.type(named: "Shop"))
        let result = try XCTUnwrap(schema.type(named: "Result"))
        XCTAssertEqual(schema.possibleTypes(of: node).map(\.name), ["User", "Shop"])
        XCTAssertEqual(schema.possibleTypes(of: result).map(\.name), ["User", "Shop"])
        guard case .interface(let nodeInterface) = node else { return XCTFail("Node is an interface") }
        XCTAssertEqual(schema.implementations(of: nodeInterface).interfaces.map(\.name), ["Entity"])
        XCTAssertTrue(schema.isSubType(node, entity))
        XCTAssertTrue(schema.isSubType(entity, user))
        XCTAssertFalse(schema.isSubType(entity, shop))
        XCTAssertTrue(schema.isSubType(result, shop))
        XCTAssertTrue(isTypeSubTypeOf(schema, .nonNull(.named(user)), .named(node)))
        XCTAssertFalse(isTypeSubTypeOf(schema, .named(node), .nonNull(.named(node))))
        XCTAssertTrue(isTypeSubTypeOf(schema, .list(.nonNull(.named(user))), .list(.named(node))))
        XCTAssertTrue(isEqualType(.list(.named(user)), .list(.named(user))))
        XCTAssertFalse(isEqualType(.list(.named(user)), .named(user)))
        XCTAssertTrue(doTypesOverlap(schema, node, result))
        XCTAssertFalse(doTypesOverlap(schema, entity, shop))
    }

    func testDuplicateTypeNamesAreRejected() {
        let a = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "a", type: .scalar(GraphQLInt))])
        let b = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "b", type: .scalar(GraphQLInt))])
        XCTAssertThrowsError(try GraphQLSchema(query: a, types: [.object(b)])) { error in
            XCTAssertEqual(
                (error as? SchemaError)?.message,
                "Schema must contain uniquely named types but contains multiple types named \"Query\".")
        }
    }

    func testProgrammaticSchemaWithCycles() throws {
        let user = GraphQLObjectType(name: "User")
        user.define(
            fields: [
                GraphQLField(name: "name", type: .scalar(GraphQLString)),
                GraphQLField(name: "friends", type: .list(.object(user))),
            ], interfaces: [])
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "me", type: .object(user))])
        let schema = try GraphQLSchema(query: query)
        XCTAssertEqual(validateSchema(schema).count, 0)
        XCTAssertEqual(printSchema(schema), "type Query {\n  me: User\n}\n\ntype User {\n  name: String\n  friends: [User]\n}")
    }

    func testIntrospectionTypes() throws {
        let typeFields = Introspection.type.fields.map(\.name)
        XCTAssertEqual(typeFields.last, "isOneOf")
        XCTAssertNil(Introspection.type.field(named: "isOneOf")?.description)
        XCTAssertEqual(
            Introspection.schema.field(named: "subscriptionType")?.description,
            "If this server support subscription, the type that subscription operations will be rooted at.")
        XCTAssertEqual(Introspection.typeMetaField.args.map(\.name), ["name"])
        XCTAssertEqual(Introspection.typeNameMetaField.type.description, "String!")
        XCTAssertEqual(Introspection.schemaMetaField.type.description, "__Schema!")
        XCTAssertEqual(Introspection.directiveLocation.values.count, 19)
        XCTAssertEqual(GraphQLOneOfDirective.description, "Indicates exactly one field must be supplied and this field must not be `null`.")
    }
}
