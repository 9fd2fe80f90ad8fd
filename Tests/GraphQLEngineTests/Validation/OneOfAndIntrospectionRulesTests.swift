import XCTest
@testable import GraphQLEngine

/// The graphql-js 16.9–16.11 additions: the OneOf checks of ValuesOfCorrectTypeRule and
/// VariablesInAllowedPositionRule, and MaxIntrospectionDepthRule.
final class OneOfAndIntrospectionRulesTests: XCTestCase {
    func testValuesOfCorrectTypeOneOf() {
        let rule = ValidationRule { ValuesOfCorrectTypeRule(context: $0) }
        expectValid(rule, "{ oneOf(arg: {a: \"x\"}) }")
        expectValid(rule, "query ($b: Int!) { oneOf(arg: {b: $b}) }")
        expectErrors(
            rule, "{ oneOf(arg: {a: \"x\", b: 1}) }",
            ["OneOf Input Object \"OneOfInput\" must specify exactly one key. @1:14"])
        expectErrors(rule, "{ oneOf(arg: {}) }", ["OneOf Input Object \"OneOfInput\" must specify exactly one key. @1:14"])
        expectErrors(rule, "{ oneOf(arg: {a: null}) }", ["Field \"OneOfInput.a\" must be non-null. @1:14"])
        expectErrors(
            rule, "query ($b: Int) { oneOf(arg: {b: $b}) }",
            ["Variable \"b\" must be non-nullable to be used for OneOf Input Object \"OneOfInput\". @1:30"])
        // A variable no operation defines: graphql-js throws a TypeError here; we leave it
        // to NoUndefinedVariablesRule.
        expectValid(rule, "{ oneOf(arg: {b: $undefined}) }")
    }

    func testVariablesInAllowedPositionOneOf() {
        let rule = ValidationRule { VariablesInAllowedPositionRule(context: $0) }
        expectValid(rule, "query ($b: Int!) { oneOf(arg: {b: $b}) }")
        expectErrors(
            rule, "query ($b: Int) { oneOf(arg: {b: $b}) }",
            [
                "Variable \"$b\" is of type \"Int\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\". @1:8,1:34"
            ])
    }

    func testMaxIntrospectionDepthRule() {
        let rule = ValidationRule { MaxIntrospectionDepthRule(context: $0) }
        expectValid(rule, "{ __schema { types { fields { type { fields { name } } } } } }")
        expectErrors(
            rule, "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
            ["Maximum introspection depth exceeded @1:3"])
        expectErrors(
            rule,
            """
            { __type(name: "Dog") { ...A } }
            fragment A on __Type { interfaces { ...B } }
            fragment B on __Type { possibleTypes { ...C } }
            fragment C on __Type { inputFields { name } }
            """,
            ["Maximum introspection depth exceeded @1:3"])
        // A fragment cycle is cut where it closes (NoFragmentCyclesRule reports it).
        expectValid(rule, "{ __schema { types { ...A } } }\nfragment A on __Type { fields { type { ...A } } }")
    }

    func testMaxIntrospectionDepthRemembersShallowFragments() {
        // Each fragment spreads the next twice: graphql-js's walk is exponential here; the
        // remembered answers keep ours linear, with the same answer.
        var lines = ["{ __schema { types { ...F0 } } }"]
        for i in 0..<40 { lines.append("fragment F\(i) on __Type { name ofType { ...F\(i + 1) ...F\(i + 1) } }") }
        lines.append("fragment F40 on __Type { fields { name } }")
        let rule = ValidationRule { MaxIntrospectionDepthRule(context: $0) }
        expectValid(rule, lines.joined(separator: "\n"))
        lines[lines.count - 1] = "fragment F40 on __Type { fields { type { fields { type { fields { name } } } } } }"
        expectErrors(rule, lines.joined(separator: "\n"), ["Maximum introspection depth exceeded @1:3"])
    }
}
