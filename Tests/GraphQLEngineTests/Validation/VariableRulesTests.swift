import XCTest
@testable import GraphQLEngine

/// Variable rules, one rule at a time, on the spec-style pet schema (`ValidationHarness`);
/// expected errors are graphql-js's.
final class VariableRulesTests: XCTestCase {
    func testVariablesAreInputTypesRule() {
        let rule = ValidationRule { VariablesAreInputTypesRule(context: $0) }
        expectValid(rule, "query Q($a: String, $b: [Boolean!]!, $c: FindDogInput) { dog { name } }")
        expectErrors(
            rule, "query Q($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }",
            [
                "Variable \"$a\" cannot be non-input type \"Dog\". @1:13",
                "Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\". @1:22",
                "Variable \"$c\" cannot be non-input type \"Pet\". @1:42",
            ])
    }

    func testUniqueVariableNamesRule() {
        let rule = ValidationRule { UniqueVariableNamesRule(context: $0) }
        expectValid(rule, "query A($x: Int, $y: Int) { dog { name } }\nquery B($x: Int) { dog { name } }")
        expectErrors(
            rule, "query A($x: Int, $x: Int, $x: String, $y: Int, $y: Int) { dog { name } }",
            [
                "There can be only one variable named \"$x\". @1:10,1:19,1:28",
                "There can be only one variable named \"$y\". @1:40,1:49",
            ])
    }

    func testNoUndefinedVariablesRule() {
        let rule = ValidationRule { NoUndefinedVariablesRule(context: $0) }
        expectValid(rule, "query Q($a: Boolean) { dog { isHouseTrained(atOtherHomes: $a) ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }")
        expectErrors(
            rule, "query Q($a: Boolean) { dog { isHouseTrained(atOtherHomes: $b) ...F } }\n{ dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $c) }",
            [
                "Variable \"$b\" is not defined by operation \"Q\". @1:59,1:1",
                "Variable \"$c\" is not defined by operation \"Q\". @3:50,1:1",
                "Variable \"$c\" is not defined. @3:50,2:1",
            ])
    }

    func testNoUnusedVariablesRule() {
        let rule = ValidationRule { NoUnusedVariablesRule(context: $0) }
        expectValid(rule, "query Q($a: Boolean) { dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }")
        expectErrors(
            rule, "query Q($a: Boolean, $b: Int) { dog { name } }\nquery ($c: ID) { dog { name } }",
            [
                "Variable \"$a\" is never used in operation \"Q\". @1:9",
                "Variable \"$b\" is never used in operation \"Q\". @1:22",
                "Variable \"$c\" is never used. @2:8",
            ])
    }

    func testVariablesInAllowedPositionRule() {
        let rule = ValidationRule { VariablesInAllowedPositionRule(context: $0) }
        expectValid(rule, "query Q($a: Boolean!, $b: Boolean, $c: [Boolean!], $d: Int) { dog { isHouseTrained(atOtherHomes: $a) } booleanList(arg: $c) intArg(y: $d) x: intArg(x: $d) }")
        expectErrors(
            rule, "query Q($a: Int, $b: [Boolean], $c: Boolean = true, $d: Boolean) { dog { isHouseTrained(atOtherHomes: $a) ...F } booleanList(arg: $b) x: dog @include(if: $c) { name } y: dog @skip(if: $d) { name } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }",
            [
                "Variable \"$a\" of type \"Int\" used in position expecting type \"Boolean\". @1:9,1:103",
                "Variable \"$b\" of type \"[Boolean]\" used in position expecting type \"[Boolean!]\". @1:18,1:131",
                "Variable \"$d\" of type \"Boolean\" used in position expecting type \"Boolean!\". @1:53,1:185",
                "Variable \"$a\" of type \"Int\" used in position expecting type \"Boolean\". @1:9,2:50",
            ])
    }
}
