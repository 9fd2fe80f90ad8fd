import XCTest
@testable import GraphQLEngine

/// `validate` itself: the rule list, the error limit, invalid schemas, custom rules, and
/// the type information rules see.
final class ValidateTests: XCTestCase {
    func testSpecifiedRulesOrder() {
        // graphql-js 16.11's order; OverlappingFieldsCanBeMergedRule goes after
        // VariablesInAllowedPositionRule when it is present.
        let expected = [
            "ExecutableDefinitionsRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule",
            "SingleFieldSubscriptionsRule", "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule",
            "VariablesAreInputTypesRule", "ScalarLeafsRule", "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule",
            "KnownFragmentNamesRule", "NoUnusedFragmentsRule", "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule",
            "UniqueVariableNamesRule", "NoUndefinedVariablesRule", "NoUnusedVariablesRule", "KnownDirectivesRule",
            "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule", "UniqueArgumentNamesRule",
            "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule", "VariablesInAllowedPositionRule",
            "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule", "MaxIntrospectionDepthRule",
        ]
        let names = specifiedRules.map(\.name)
        XCTAssertEqual(names, expected.filter { $0 != "OverlappingFieldsCanBeMergedRule" || names.contains($0) })
    }

    func testValidDocument() throws {
        XCTAssertEqual(try ValidationHarness.errors(specifiedRules, "{ dog { name ... on Pet { name } } }"), [])
    }

    func testErrorsComeInWalkOrderThenRuleOrder() throws {
        // At `dog`: ScalarLeafs before FieldsOnCorrectType (rule order); `unknown` comes later in the walk.
        XCTAssertEqual(
            try ValidationHarness.errors(specifiedRules, "{ dog unknown }"),
            [
                "Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean \"dog { ... }\"? @1:3",
                "Cannot query field \"unknown\" on type \"Query\". @1:7",
            ])
    }

    func testMaxErrors() throws {
        let schema = try XCTUnwrap(ValidationHarness.schema)
        let document = try parse("{ " + (0..<5).map { "f\($0)" }.joined(separator: " ") + " }")
        let errors = validate(schema: schema, document: document, maxErrors: 3)
        XCTAssertEqual(errors.count, 4)
        XCTAssertEqual(errors.last?.message, "Too many validation errors, error limit reached. Validation aborted.")
        XCTAssertEqual(errors.last?.locations, [])
        // Exactly maxErrors errors: no abort.
        XCTAssertEqual(validate(schema: schema, document: document, maxErrors: 5).count, 5)
    }

    func testInvalidSchemaReturnsSchemaErrors() throws {
        let schema = try buildSchema("type Query { a: In }\ninput In { b: Query }", options: BuildSchemaOptions(assumeValidSDL: true))
        let errors = validate(schema: schema, document: try parse("{ a }"))
        XCTAssertEqual(errors.map(\.message), validateSchema(schema).map(\.message))
        XCTAssertFalse(errors.isEmpty)
    }

    func testSubscriptionDirectiveErrorEndsValidation() throws {
        // graphql-js's collectFields throws here (no variable values); that error ends the list.
        let errors = try ValidationHarness.errors(
            specifiedRules, "subscription { newMessage @skip(if: $v) { body } }")
        XCTAssertEqual(
            errors,
            [
                "Argument \"if\" of required type \"Boolean!\" was provided the variable \"$v\" which was not provided a runtime value. @1:37"
            ])
    }

    /// A custom rule: counts the fields it sees, reports at the document's end.
    struct FieldCountRule: ValidationRuleVisitor {
        static var enteredKinds: KindSet { [.field] }
        static var leftKinds: KindSet { [.document] }
        let context: ValidationContext
        var count = 0
        var parentTypes: [String] = []

        mutating func enter(_ node: Field) -> VisitAction {
            count += 1
            parentTypes.append(context.parentType?.name ?? "-")
            return node.name.value == "owner" ? .skipChildren : .continue
        }

        mutating func leave(_ node: Document) -> VisitAction {
            context.report("\(count) fields on \(parentTypes.joined(separator: ","))", [])
            return .continue
        }
    }

    func testCustomRuleAndSkipChildren() throws {
        let rule = ValidationRule { FieldCountRule(context: $0) }
        XCTAssertEqual(rule.name, "FieldCountRule")
        XCTAssertEqual(
            try ValidationHarness.errors([rule], "{ dog { owner { name } name } pet { ... on Cat { name } } }"),
            ["5 fields on Query,Dog,Dog,Query,Cat"])
    }

    func testTypeInfoTracksInputTypes() throws {
        struct Probe: ValidationRuleVisitor {
            static var enteredKinds: KindSet { [.objectField, .enumValue, .variable] }
            let context: ValidationContext
            mutating func enter(_ node: ObjectField) -> VisitAction {
                let parent = context.parentInputType.map { "\($0)" } ?? "-"
                let input = context.inputType.map { "\($0)" } ?? "-"
                context.report("\(node.name.value): \(input) in \(parent)", [node.loc])
                return .continue
            }
            mutating func enter(_ node: EnumValue) -> VisitAction {
                context.report("\(node.value): \(context.enumValue?.name ?? "-")", [node.loc])
                return .continue
            }
            mutating func enter(_ node: Variable) -> VisitAction {
                let hasDefault = context.typeInfo.hasDefaultValue
                context.report("$\(node.name.value): \(context.inputType.map { "\($0)" } ?? "-") default \(hasDefault)", [])
                return .continue
            }
        }
        let rule = ValidationRule { Probe(context: $0) }
        XCTAssertEqual(
            try ValidationHarness.errors(
                [rule],
                "query ($v: Boolean, $w: Int!) { findDog(searchBy: {owner: \"o\", nope: 1}) { isHouseTrained(atOtherHomes: $v) doesKnowCommand(dogCommand: SIT) } intArg(y: $w) }"),
            [
                // The variables of the definitions, then the uses (a default only at `atOtherHomes`).
                "$v: Boolean default false",
                "$w: Int! default false",
                "owner: String! in FindDogInput @1:52",
                "nope: - in FindDogInput @1:64",
                "$v: Boolean default true",
                "SIT: SIT @1:137",
                "$w: Int! default true",
            ])
    }
}
