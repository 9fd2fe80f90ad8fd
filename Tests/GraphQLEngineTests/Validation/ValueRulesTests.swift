import XCTest
@testable import GraphQLEngine

/// Value rules, one rule at a time, on the spec-style pet schema (`ValidationHarness`);
/// expected errors are graphql-js's.
final class ValueRulesTests: XCTestCase {
    func testValuesOfCorrectTypeRule() {
        let rule = ValidationRule { ValuesOfCorrectTypeRule(context: $0) }
        expectValid(rule, "{ intArg(x: 1, y: 2) booleanList(arg: [true, false]) b: booleanList(arg: true) findDog(searchBy: {owner: \"a\", name: null}) { name } dog { doesKnowCommand(dogCommand: HEEL) } }")
        expectErrors(
            rule, "{ intArg(x: \"one\", y: 2.5) booleanList(arg: [true, 1]) dog { doesKnowCommand(dogCommand: \"SIT\") isHouseTrained(atOtherHomes: SITT) } }",
            [
                "Int cannot represent non-integer value: \"one\" @1:13",
                "Int cannot represent non-integer value: 2.5 @1:23",
                "Boolean cannot represent a non boolean value: 1 @1:52",
                "Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"? @1:90",
                "Boolean cannot represent a non boolean value: SITT @1:126",
            ])
        expectErrors(
            rule, "{ findDog(searchBy: {nme: \"a\"}) { name } a: findDog(searchBy: {owner: null}) { name } b: intArg(x: 3000000000, y: null) human(id: 1.5) { name } }",
            [
                "Field \"FindDogInput.owner\" of required type \"String!\" was not provided. @1:21",
                "Field \"nme\" is not defined by type \"FindDogInput\". Did you mean \"name\"? @1:22",
                "Expected value of type \"String!\", found null. @1:71",
                "Int cannot represent non 32-bit signed integer value: 3000000000 @1:100",
                "Expected value of type \"Int!\", found null. @1:115",
                "ID cannot represent a non-string and non-integer value: 1.5 @1:131",
            ])
        expectErrors(
            rule, "{ dog { doesKnowCommand(dogCommand: sit) } }",
            [
                "Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"? @1:37",
            ])
    }

    func testUniqueInputFieldNamesRule() {
        let rule = ValidationRule { UniqueInputFieldNamesRule(context: $0) }
        expectValid(rule, "{ findDog(searchBy: {name: \"a\", owner: \"b\"}) { name } }")
        expectErrors(
            rule, "{ findDog(searchBy: {name: \"a\", owner: \"b\", name: \"c\", name: \"d\"}) { name } }",
            [
                "There can be only one input field named \"name\". @1:22,1:45",
                "There can be only one input field named \"name\". @1:22,1:56",
            ])
    }
}
