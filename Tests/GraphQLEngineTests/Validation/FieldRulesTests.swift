import XCTest
@testable import GraphQLEngine

/// Field and argument rules, one rule at a time, on the spec-style pet schema (`ValidationHarness`);
/// expected errors are graphql-js's.
final class FieldRulesTests: XCTestCase {
    func testScalarLeafsRule() {
        let rule = ValidationRule { ScalarLeafsRule(context: $0) }
        expectValid(rule, "{ dog { name barkVolume } }")
        expectErrors(
            rule, "{ dog human(id: 1) { name { first } } }",
            [
                "Field \"dog\" of type \"Dog\" must have a selection of subfields. Did you mean \"dog { ... }\"? @1:3",
                "Field \"name\" must not have a selection since type \"String!\" has no subfields. @1:27",
            ])
        expectErrors(
            rule, "{ dog { doesKnowCommand(dogCommand: SIT) { x } } }",
            [
                "Field \"doesKnowCommand\" must not have a selection since type \"Boolean!\" has no subfields. @1:42",
            ])
    }

    func testFieldsOnCorrectTypeRule() {
        let rule = ValidationRule { FieldsOnCorrectTypeRule(context: $0) }
        expectValid(rule, "{ dog { name __typename } pet { ... on Dog { barkVolume } } }")
        expectErrors(
            rule, "{ dog { nam meowVolume } pet { nickname } catOrDog { name } }",
            [
                "Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"? @1:9",
                "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"? @1:13",
                "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"? @1:32",
                "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Cat\", or \"Dog\"? @1:54",
            ])
        expectErrors(
            rule, "{ dogOrHuman { name } __schema { queryType { name } } }",
            [
                "Cannot query field \"name\" on type \"DogOrHuman\". Did you mean to use an inline fragment on \"Sentient\", \"Human\", \"Pet\", or \"Dog\"? @1:16",
            ])
    }

    func testKnownArgumentNamesRule() {
        let rule = ValidationRule { KnownArgumentNamesRule(context: $0) }
        expectValid(rule, "{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained(atOtherHomes: true) @include(if: true) } }")
        expectErrors(
            rule, "{ dog { doesKnowCommand(dogcommand: SIT) name(x: 1) @include(iff: true) } human(id: 1, ids: 2) { name } }",
            [
                "Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"? @1:25",
                "Unknown argument \"x\" on field \"Dog.name\". @1:47",
                "Unknown argument \"iff\" on directive \"@include\". Did you mean \"if\"? @1:62",
                "Unknown argument \"ids\" on field \"Query.human\". Did you mean \"id\"? @1:88",
            ])
    }

    func testUniqueArgumentNamesRule() {
        let rule = ValidationRule { UniqueArgumentNamesRule(context: $0) }
        expectValid(rule, "{ intArg(x: 1, y: 2) dog @include(if: true) { name } }")
        expectErrors(
            rule, "{ intArg(x: 1, x: 2, y: 1, x: 3) dog @include(if: true, if: false) { name } }",
            [
                "There can be only one argument named \"x\". @1:10,1:16,1:28",
                "There can be only one argument named \"if\". @1:47,1:57",
            ])
    }

    func testProvidedRequiredArgumentsRule() {
        let rule = ValidationRule { ProvidedRequiredArgumentsRule(context: $0) }
        expectValid(rule, "{ dog { doesKnowCommand(dogCommand: SIT) isHouseTrained } intArg human(id: 1) { name } }")
        expectErrors(
            rule, "{ dog { doesKnowCommand } human { name @include } }",
            [
                "Field \"doesKnowCommand\" argument \"dogCommand\" of type \"DogCommand!\" is required, but it was not provided. @1:9",
                "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided. @1:40",
                "Field \"human\" argument \"id\" of type \"ID!\" is required, but it was not provided. @1:27",
            ])
    }
}
