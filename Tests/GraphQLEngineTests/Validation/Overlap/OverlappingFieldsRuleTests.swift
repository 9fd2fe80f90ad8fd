import XCTest
@testable import GraphQLEngine

// graphql-js 16.11 `OverlappingFieldsCanBeMergedRule-test.ts`, case for case (the
// documents keep graphql-js's indentation so the locations are graphql-js's).

final class OverlappingFieldsRuleTests: XCTestCase {
    func testValidMerges() {
        expectOverlapValid("""

      fragment uniqueFields on Dog {
        name
        nickname
      }
""")
        expectOverlapValid("""

      fragment mergeIdenticalFields on Dog {
        name
        name
      }
""")
        expectOverlapValid("""

      fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand(dogCommand: SIT)
      }
""")
        expectOverlapValid("""

      fragment mergeSameFieldsWithSameDirectives on Dog {
        name @include(if: true)
        name @include(if: true)
      }
""")
        expectOverlapValid("""

      fragment differentArgsWithDifferentAliases on Dog {
        knowsSit: doesKnowCommand(dogCommand: SIT)
        knowsDown: doesKnowCommand(dogCommand: DOWN)
      }
""")
        expectOverlapValid("""

      fragment differentDirectivesWithDifferentAliases on Dog {
        nameIfTrue: name @include(if: true)
        nameIfFalse: name @include(if: false)
      }
""")
        // Differing skip/include directives don't make the value ambiguous.
        expectOverlapValid("""

      fragment differentDirectivesWithDifferentAliases on Dog {
        name @include(if: true)
        name @include(if: false)
      }
""")
    }

    func testSameAliasesWithDifferentFieldTargets() {
        expectOverlapErrors("""

      fragment sameAliasesWithDifferentFieldTargets on Dog {
        fido: name
        fido: nickname
      }
""", [ReportedError(conflictMessage("fido", "\"name\" and \"nickname\" are different fields"), ["3:9", "4:9"])])
    }

    func testSameAliasesAllowedOnNonOverlappingFields() {
        expectOverlapValid("""

      fragment sameAliasesWithDifferentFieldTargets on Pet {
        ... on Dog {
          name
        }
        ... on Cat {
          name: nickname
        }
      }
""")
    }

    func testAliasMaskingDirectFieldAccess() {
        expectOverlapErrors("""

      fragment aliasMaskingDirectFieldAccess on Dog {
        name: nickname
        name
      }
""", [ReportedError(conflictMessage("name", "\"nickname\" and \"name\" are different fields"), ["3:9", "4:9"])])
    }

    func testDifferingArguments() {
        let differing = conflictMessage("doesKnowCommand", "they have differing arguments")
        expectOverlapErrors("""

      fragment conflictingArgs on Dog {
        doesKnowCommand
        doesKnowCommand(dogCommand: HEEL)
      }
""", [ReportedError(differing, ["3:9", "4:9"])])
        expectOverlapErrors("""

      fragment conflictingArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand
      }
""", [ReportedError(differing, ["3:9", "4:9"])])
        expectOverlapErrors("""

      fragment conflictingArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand(dogCommand: HEEL)
      }
""", [ReportedError(differing, ["3:9", "4:9"])])
        expectOverlapErrors("""

      fragment conflictingArgs on Dog {
        isAtLocation(x: 0)
        isAtLocation(y: 0)
      }
""", [ReportedError(conflictMessage("isAtLocation", "they have differing arguments"), ["3:9", "4:9"])])
    }

    func testAllowsDifferentArgsWhereNoConflictIsPossible() {
        expectOverlapValid("""

      fragment conflictingArgs on Pet {
        ... on Dog {
          name(surname: true)
        }
        ... on Cat {
          name
        }
      }
""")
    }

    func testArgumentsAndInputFieldsAreUnordered() {
        let schema1 = OverlapSchemas.build("type Query { someField(a: String, b: String): String }")
        expectOverlapValid("""

        {
          someField(a: null, b: null)
          someField(b: null, a: null)
        }
""", schema: schema1)
        let schema2 = OverlapSchemas.build("""
            input SomeInput { a: String b: String }
            type Query { someField(arg: SomeInput): String }
            """)
        expectOverlapValid("""

        {
          someField(arg: { a: null, b: null })
          someField(arg: { b: null, a: null })
        }
""", schema: schema2)
        // Printing decides: a block string is not the same argument as a plain string.
        expectOverlapErrors("""
{ someField(arg: { a: "x" }) someField(arg: { a: \"\"\"x\"\"\" }) }
""", schema: schema2, [ReportedError(conflictMessage("someField", "they have differing arguments"), ["1:3", "1:30"])])
    }

    func testEncountersConflictInFragments() {
        expectOverlapErrors("""

      {
        ...A
        ...B
      }
      fragment A on Type {
        x: a
      }
      fragment B on Type {
        x: b
      }
""", [ReportedError(conflictMessage("x", "\"a\" and \"b\" are different fields"), ["7:9", "10:9"])])
    }

    func testReportsEachConflictOnce() {
        expectOverlapErrors("""

      {
        f1 {
          ...A
          ...B
        }
        f2 {
          ...B
          ...A
        }
        f3 {
          ...A
          ...B
          x: c
        }
      }
      fragment A on Type {
        x: a
      }
      fragment B on Type {
        x: b
      }
""", [
            ReportedError(conflictMessage("x", "\"a\" and \"b\" are different fields"), ["18:9", "21:9"]),
            ReportedError(conflictMessage("x", "\"c\" and \"a\" are different fields"), ["14:11", "18:9"]),
            ReportedError(conflictMessage("x", "\"c\" and \"b\" are different fields"), ["14:11", "21:9"]),
        ])
    }

    func testDeepConflicts() {
        expectOverlapErrors("""

      {
        field {
          x: a
        },
        field {
          x: b
        }
      }
""", [ReportedError(
            conflictMessage("field", "subfields \"x\" conflict because \"a\" and \"b\" are different fields"),
            ["3:9", "4:11", "6:9", "7:11"])])
        expectOverlapErrors("""

      {
        field {
          x: a
          y: c
        },
        field {
          x: b
          y: d
        }
      }
""", [ReportedError(
            conflictMessage(
                "field",
                "subfields \"x\" conflict because \"a\" and \"b\" are different fields and "
                    + "subfields \"y\" conflict because \"c\" and \"d\" are different fields"),
            ["3:9", "4:11", "5:11", "7:9", "8:11", "9:11"])])
        expectOverlapErrors("""

      {
        field {
          deepField {
            x: a
          }
        },
        field {
          deepField {
            x: b
          }
        }
      }
""", [ReportedError(
            conflictMessage(
                "field",
                "subfields \"deepField\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields"),
            ["3:9", "4:11", "5:13", "8:9", "9:11", "10:13"])])
    }

    func testReportsDeepConflictToNearestCommonAncestor() {
        expectOverlapErrors("""

      {
        field {
          deepField {
            x: a
          }
          deepField {
            x: b
          }
        },
        field {
          deepField {
            y
          }
        }
      }
""", [ReportedError(
            conflictMessage("deepField", "subfields \"x\" conflict because \"a\" and \"b\" are different fields"),
            ["4:11", "5:13", "7:11", "8:13"])])
        expectOverlapErrors("""

      {
        field {
          ...F
        }
        field {
          ...F
        }
      }
      fragment F on T {
        deepField {
          deeperField {
            x: a
          }
          deeperField {
            x: b
          }
        },
        deepField {
          deeperField {
            y
          }
        }
      }
""", [ReportedError(
            conflictMessage("deeperField", "subfields \"x\" conflict because \"a\" and \"b\" are different fields"),
            ["12:11", "13:13", "15:11", "16:13"])])
    }

    func testReportsDeepConflictInNestedFragments() {
        expectOverlapErrors("""

      {
        field {
          ...I
        }
        field {
          ...F
        }
      }
      fragment F on T {
        x: a
        ...G
      }
      fragment G on T {
        y: c
      }
      fragment I on T {
        y: d
        ...J
      }
      fragment J on T {
        x: b
      }
""", [ReportedError(
            conflictMessage(
                "field",
                "subfields \"y\" conflict because \"d\" and \"c\" are different fields and "
                    + "subfields \"x\" conflict because \"b\" and \"a\" are different fields"),
            ["3:9", "18:9", "22:9", "6:9", "15:9", "11:9"])])
    }

    /// The nested-fragment fix of graphql-js 16.10 (graphql-js#4168): 16.6 misses this.
    func testReportsDeepConflictAfterNestedFragments() throws {
        let text = """

      fragment F on T {
        ...G
      }
      fragment G on T {
        ...H
      }
      fragment H on T {
        x: a
      }
      {
        x: b
        ...F
      }
"""
        expectOverlapErrors(text, [
            ReportedError(conflictMessage("x", "\"b\" and \"a\" are different fields"), ["12:9", "9:9"]),
        ])
        XCTAssertEqual(try overlapErrors(text, algorithm: .graphqlJS16_6), [])
    }

    func testIgnoresUnknownFragments() {
        expectOverlapValid("""

      {
        field
        ...Unknown
        ...Known
      }

      fragment Known on T {
        field
        ...OtherUnknown
      }
""")
    }

    func testNoInfiniteLoopOnRecursiveFragments() {
        expectOverlapValid("""

      {
        ...fragA
      }

      fragment fragA on Human { name, relatives { name, ...fragA } }
""")
        expectOverlapValid("""

      {
        ...fragA
      }

      fragment fragA on Human { name, ...fragA }
""")
        expectOverlapValid("""

      {
        ...fragA
        fragA
      }

      fragment fragA on Query { ...fragA }
""")
        expectOverlapValid("""

      {
        ...fragA
        fragB
      }

      fragment fragA on Human { name, ...fragB }
      fragment fragB on Human { name, ...fragC }
      fragment fragC on Human { name, ...fragA }
""")
        expectOverlapValid("""

      {
        ...fragA
        ...fragB
      }

      fragment fragA on T {
        x {
          ...fragA
          x {
            ...fragA
          }
        }
      }

      fragment fragB on T {
        x {
          ...fragB
          x {
            ...fragB
          }
        }
      }
""")
    }

    func testFindsInvalidCasesDespiteRecursionOrFieldsNamedAfterFragments() {
        expectOverlapErrors("""

      {
        fragA
        ...fragA
      }

      fragment fragA on Type {
        fragA: b
      }
""", [ReportedError(conflictMessage("fragA", "\"fragA\" and \"b\" are different fields"), ["3:9", "8:9"])])
        expectOverlapErrors("""

      fragment sameAliasesWithDifferentFieldTargets on Dog {
        ...sameAliasesWithDifferentFieldTargets
        fido: name
        fido: nickname
      }
""", [ReportedError(conflictMessage("fido", "\"name\" and \"nickname\" are different fields"), ["4:9", "5:9"])])
    }
}

final class OverlappingFieldsMemoTests: XCTestCase {
    /// 16.10+ compares a field map with a fragment once (per exclusivity): the third `a`
    /// meets `F` through the first `a`, and is not compared with it again through the
    /// second. 16.6 compares again and reports the conflict twice.
    func testFieldsAndFragmentComparedOnce() throws {
        let text = """

      {
        a { ...F }
        a { ...F }
        a { x: y }
      }
      fragment F on T { x: z }
"""
        let first = ReportedError(
            conflictMessage("a", "subfields \"x\" conflict because \"y\" and \"z\" are different fields"),
            ["3:9", "5:13", "5:9", "7:25"])
        expectOverlapErrors(text, [first])
        let second = ReportedError(first.message, ["4:9", "5:13", "5:9", "7:25"])
        XCTAssertEqual(try overlapErrors(text, algorithm: .graphqlJS16_6), [first, second])
    }
}
