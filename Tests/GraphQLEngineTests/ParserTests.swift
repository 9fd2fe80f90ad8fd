import XCTest
@testable import GraphQLEngine

final class ParserTests: XCTestCase {
    func testOperationShape() throws {
        let doc = try parse("query Q($id: ID! = 4 @d) @op { alias: node(id: $id) { ...F ... on User { name } ... @skip(if: true) { x } } }")
        XCTAssertEqual(doc.definitions.count, 1)
        guard case .operation(let op) = doc.definitions[0] else { return XCTFail("not an operation") }
        XCTAssertEqual(op.operation, .query)
        XCTAssertEqual(op.name?.value, "Q")
        XCTAssertEqual(op.variableDefinitions.first?.variable.name.value, "id")
        XCTAssertEqual(printAST(op.variableDefinitions[0].type), "ID!")
        if case .int(let v)? = op.variableDefinitions[0].defaultValue { XCTAssertEqual(v.value, "4") } else { XCTFail() }
        XCTAssertEqual(op.variableDefinitions[0].directives.first?.name.value, "d")
        XCTAssertEqual(op.directives.map(\.name.value), ["op"])
        guard case .field(let node) = op.selectionSet.selections[0] else { return XCTFail("not a field") }
        XCTAssertEqual(node.alias?.value, "alias")
        XCTAssertEqual(node.name.value, "node")
        guard case .variable(let v) = node.arguments[0].value else { return XCTFail("not a variable") }
        XCTAssertEqual(v.name.value, "id")
        let kinds = node.selectionSet?.selections.map(\.kind)
        XCTAssertEqual(kinds, [.fragmentSpread, .inlineFragment, .inlineFragment])
        if case .inlineFragment(let inline)? = node.selectionSet?.selections[1] {
            XCTAssertEqual(inline.typeCondition?.name.value, "User")
        } else { XCTFail() }
    }

    func testValues() throws {
        let value = try parseValue(#"[1, -2.5e3, "s", """b""", true, false, null, ENUM, $v, {a: [], b: {}}]"#)
        guard case .list(let list) = value else { return XCTFail("not a list") }
        XCTAssertEqual(list.values.map(\.kind), [.intValue, .floatValue, .stringValue, .stringValue, .booleanValue,
                                                 .booleanValue, .nullValue, .enumValue, .variable, .objectValue])
        if case .string(let s) = list.values[3] { XCTAssertTrue(s.block) } else { XCTFail() }
        XCTAssertThrowsError(try parseConstValue("$v")) { error in
            XCTAssertEqual((error as? GraphQLError)?.message, "Syntax Error: Unexpected variable \"$v\" in constant value.")
        }
    }

    func testTypes() throws {
        XCTAssertEqual(printAST(try parseType("[[Int!]]!")), "[[Int!]]!")
        XCTAssertEqual(try parseType("[Foo!]").namedType.name.value, "Foo")
        XCTAssertThrowsError(try parseType("Int!!"))
    }

    func testTypeSystemShape() throws {
        let doc = try parse(DocumentCorpus.schemaKitchenSink)
        let kinds = Set(doc.definitions.map(\.kind))
        XCTAssertTrue(kinds.isSuperset(of: [.schemaDefinition, .objectTypeDefinition, .interfaceTypeDefinition,
                                           .unionTypeDefinition, .enumTypeDefinition, .inputObjectTypeDefinition,
                                           .scalarTypeDefinition, .directiveDefinition, .schemaExtension,
                                           .objectTypeExtension, .interfaceTypeExtension, .unionTypeExtension,
                                           .enumTypeExtension, .inputObjectTypeExtension, .scalarTypeExtension]))
        XCTAssertFalse(doc.definitions.contains { $0.isExecutable })
        for definition in doc.definitions {
            if case .directive(let d) = definition, d.name.value == "myRepeatableDir" {
                XCTAssertTrue(d.repeatable)
                XCTAssertEqual(d.locations.map(\.value), ["OBJECT", "INTERFACE"])
            }
            if case .interfaceType(let i) = definition, i.name.value == "Baz" {
                XCTAssertEqual(i.interfaces.map(\.name.value), ["Bar", "Two"])
            }
        }
    }

    func testErrorMessages() {
        assertSyntaxError("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)
        assertSyntaxError("{ ...MissingOn }\nfragment MissingOn Type", "Syntax Error: Expected \"on\", found Name \"Type\".", 2, 20)
        assertSyntaxError("{ field: {} }", "Syntax Error: Expected Name, found \"{\".", 1, 10)
        assertSyntaxError("notAnOperation Foo { field }", "Syntax Error: Unexpected Name \"notAnOperation\".", 1, 1)
        assertSyntaxError("...", "Syntax Error: Unexpected \"...\".", 1, 1)
        assertSyntaxError("{ \"\"", "Syntax Error: Expected Name, found String \"\".", 1, 3)
        assertSyntaxError("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }",
                          "Syntax Error: Unexpected variable \"$var\" in constant value.", 1, 37)
        assertSyntaxError("fragment on on on { on }", "Syntax Error: Unexpected Name \"on\".", 1, 10)
        assertSyntaxError("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)
        assertSyntaxError("\"desc\" query { a }",
                          "Syntax Error: Unexpected description, descriptions are supported only on type definitions.", 1, 1)
        assertSyntaxError("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)
        assertSyntaxError("extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16)
        assertSyntaxError("directive @d on FIELD | NOPE", "Syntax Error: Unexpected Name \"NOPE\".", 1, 25)
        assertSyntaxError("type T { f: [Int }", "Syntax Error: Expected \"]\", found \"}\".", 1, 18)
        assertSyntaxError("query { a } $", "Syntax Error: Unexpected \"$\".", 1, 13)
        assertSyntaxError("", "Syntax Error: Unexpected <EOF>.", 1, 1)
    }
}
