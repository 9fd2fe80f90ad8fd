import XCTest
@testable import GraphQLEngine

/// Fragment rules, one rule at a time, on the spec-style pet schema (`ValidationHarness`);
/// expected errors are graphql-js's.
final class FragmentRulesTests: XCTestCase {
    func testFragmentsOnCompositeTypesRule() {
        let rule = ValidationRule { FragmentsOnCompositeTypesRule(context: $0) }
        expectValid(rule, "fragment F on Pet { name }\nfragment G on CatOrDog { ... on Dog { name } }")
        expectErrors(
            rule, "fragment F on Boolean { x }\nfragment G on Dog { ... on FindDogInput { name } }",
            [
                "Fragment \"F\" cannot condition on non composite type \"Boolean\". @1:15",
                "Fragment cannot condition on non composite type \"FindDogInput\". @2:28",
            ])
    }

    func testUniqueFragmentNamesRule() {
        let rule = ValidationRule { UniqueFragmentNamesRule(context: $0) }
        expectValid(rule, "{ dog { ...A ...B } }\nfragment A on Dog { name }\nfragment B on Dog { name }")
        expectErrors(
            rule, "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { nickname }",
            [
                "There can be only one fragment named \"A\". @2:10,3:10",
            ])
    }

    func testKnownFragmentNamesRule() {
        let rule = ValidationRule { KnownFragmentNamesRule(context: $0) }
        expectValid(rule, "{ dog { ...A ... on Dog { ...B } } }\nfragment A on Dog { name }\nfragment B on Dog { name }")
        expectErrors(
            rule, "{ dog { ...Unknown ... on Dog { ...AlsoUnknown } } }",
            [
                "Unknown fragment \"Unknown\". @1:12",
                "Unknown fragment \"AlsoUnknown\". @1:36",
            ])
    }

    func testNoUnusedFragmentsRule() {
        let rule = ValidationRule { NoUnusedFragmentsRule(context: $0) }
        expectValid(rule, "{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }")
        expectErrors(
            rule, "{ dog { ...A } }\nfragment A on Dog { name }\nfragment Unused on Dog { ...Unused2 }\nfragment Unused2 on Dog { name }",
            [
                "Fragment \"Unused\" is never used. @3:1",
                "Fragment \"Unused2\" is never used. @4:1",
            ])
    }

    func testPossibleFragmentSpreadsRule() {
        let rule = ValidationRule { PossibleFragmentSpreadsRule(context: $0) }
        expectValid(rule, "{ pet { ...DogFields ... on Cat { meowVolume } } catOrDog { ... on Pet { name } } }\nfragment DogFields on Dog { name }")
        expectErrors(
            rule, "{ dog { ... on Cat { meowVolume } ...HumanFields } pet { ... on Human { name } } }\nfragment HumanFields on Human { name }\nfragment OnUnion on HumanOrAlien { ... on Dog { name } }",
            [
                "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". @1:9",
                "Fragment \"HumanFields\" cannot be spread here as objects of type \"Dog\" can never be of type \"Human\". @1:35",
                "Fragment cannot be spread here as objects of type \"Pet\" can never be of type \"Human\". @1:58",
                "Fragment cannot be spread here as objects of type \"HumanOrAlien\" can never be of type \"Dog\". @3:36",
            ])
    }

    func testNoFragmentCyclesRule() {
        let rule = ValidationRule { NoFragmentCyclesRule(context: $0) }
        expectValid(rule, "fragment A on Dog { ...B }\nfragment B on Dog { ...C }\nfragment C on Dog { name }")
        expectErrors(
            rule, "fragment A on Dog { ...A }\nfragment B on Dog { ...C }\nfragment C on Dog { ...D ...B }\nfragment D on Dog { ...B }",
            [
                "Cannot spread fragment \"A\" within itself. @1:21",
                "Cannot spread fragment \"B\" within itself via \"C\", \"D\". @2:21,3:21,4:21",
                "Cannot spread fragment \"B\" within itself via \"C\". @2:21,3:26",
            ])
    }
}
