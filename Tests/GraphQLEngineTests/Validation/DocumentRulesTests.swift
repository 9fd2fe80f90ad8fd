import XCTest
@testable import GraphQLEngine

/// Operation- and document-level rules, one rule at a time, on the spec-style pet schema (`ValidationHarness`);
/// expected errors are graphql-js's.
final class DocumentRulesTests: XCTestCase {
    func testExecutableDefinitionsRule() {
        let rule = ValidationRule { ExecutableDefinitionsRule(context: $0) }
        expectValid(rule, "query Q { dog { name } }\nfragment F on Dog { name }")
        expectErrors(
            rule, "query Q { dog { name } }\ntype Cow { name: String }\nextend type Dog { color: String }\nschema { query: Query }",
            [
                "The \"Cow\" definition is not executable. @2:1",
                "The \"Dog\" definition is not executable. @3:1",
                "The schema definition is not executable. @4:1",
            ])
    }

    func testUniqueOperationNamesRule() {
        let rule = ValidationRule { UniqueOperationNamesRule(context: $0) }
        expectValid(rule, "query A { dog { name } }\nquery B { dog { name } }")
        expectErrors(
            rule, "query A { dog { name } }\nmutation A { addPet(name: \"x\") { name } }\nsubscription A { newMessage { body } }",
            [
                "There can be only one operation named \"A\". @1:7,2:10",
                "There can be only one operation named \"A\". @1:7,3:14",
            ])
    }

    func testLoneAnonymousOperationRule() {
        let rule = ValidationRule { LoneAnonymousOperationRule(context: $0) }
        expectValid(rule, "{ dog { name } }")
        expectErrors(
            rule, "{ dog { name } }\n{ pet { name } }\nquery Named { dog { name } }",
            [
                "This anonymous operation must be the only defined operation. @1:1",
                "This anonymous operation must be the only defined operation. @2:1",
            ])
    }

    func testSingleFieldSubscriptionsRule() {
        let rule = ValidationRule { SingleFieldSubscriptionsRule(context: $0) }
        expectValid(rule, "subscription S { newMessage { body } }")
        expectErrors(
            rule, "subscription S { newMessage { body } disallowedSecondRootField ...F }\nfragment F on Subscription { extra: newMessage { body } }",
            [
                "Subscription \"S\" must select only one top level field. @1:38,2:30",
            ])
        expectErrors(
            rule, "subscription { __typename }",
            [
                "Anonymous Subscription must not select an introspection top level field. @1:16",
            ])
        expectValid(rule, "subscription S { newMessage { body } ... @skip(if: true) { disallowedSecondRootField } }")
    }
}
