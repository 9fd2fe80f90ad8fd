import XCTest
@testable import GraphQLEngine

/// Type name and directive rules, one rule at a time, on the spec-style pet schema (`ValidationHarness`);
/// expected errors are graphql-js's.
final class TypeAndDirectiveRulesTests: XCTestCase {
    func testKnownTypeNamesRule() {
        let rule = ValidationRule { KnownTypeNamesRule(context: $0) }
        expectValid(rule, "query Q($a: Int, $d: FindDogInput) { dog { ... on Dog { name } } }\nfragment F on Pet { name }")
        expectErrors(
            rule, "query Q($a: Innt, $b: [Dgo!]) { dog { ... on Badger { name } } }\nfragment F on Peat { name }",
            [
                "Unknown type \"Innt\". Did you mean \"Int\"? @1:13",
                "Unknown type \"Dgo\". Did you mean \"Dog\"? @1:24",
                "Unknown type \"Badger\". @1:46",
                "Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"? @2:15",
            ])
    }

    func testKnownDirectivesRule() {
        let rule = ValidationRule { KnownDirectivesRule(context: $0) }
        expectValid(rule, "query Q($a: Boolean) { dog @include(if: $a) { name @skip(if: true) } }")
        expectErrors(
            rule, "query Q @skip(if: true) { dog @unknown { name @deprecated } ...F @specifiedBy(url: \"x\") }\nfragment F on Query @include(if: true) { dog { name } }",
            [
                "Directive \"@skip\" may not be used on QUERY. @1:9",
                "Unknown directive \"@unknown\". @1:31",
                "Directive \"@deprecated\" may not be used on FIELD. @1:47",
                "Directive \"@specifiedBy\" may not be used on FRAGMENT_SPREAD. @1:66",
                "Directive \"@include\" may not be used on FRAGMENT_DEFINITION. @2:21",
            ])
    }

    func testUniqueDirectivesPerLocationRule() {
        let rule = ValidationRule { UniqueDirectivesPerLocationRule(context: $0) }
        expectValid(rule, "{ dog @include(if: true) @skip(if: false) { name } }")
        expectErrors(
            rule, "{ dog @include(if: true) @include(if: false) { name @skip(if: true) @skip(if: true) @skip(if: false) } }",
            [
                "The directive \"@include\" can only be used once at this location. @1:7,1:26",
                "The directive \"@skip\" can only be used once at this location. @1:53,1:69",
                "The directive \"@skip\" can only be used once at this location. @1:53,1:85",
            ])
    }
}
