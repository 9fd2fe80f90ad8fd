import XCTest
@testable import GraphQLEngine

// graphql-js 16.11 `OverlappingFieldsCanBeMergedRule-test.ts`, "return types must be
// unambiguous" (graphql-js's indentation kept, so the locations are graphql-js's).

final class OverlappingFieldsReturnTypeTests: XCTestCase {
    let boxes = OverlapSchemas.boxes

    func testConflictingReturnTypesWhichPotentiallyOverlap() {
        expectOverlapErrors("""

          {
            someBox {
              ...on IntBox {
                scalar
              }
              ...on NonNullStringBox1 {
                scalar
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage("scalar", "they return conflicting types \"Int\" and \"String!\""), ["5:17", "8:17"])])
    }

    func testCompatibleReturnShapesOnDifferentReturnTypes() {
        expectOverlapValid("""

          {
            someBox {
              ... on SomeBox {
                deepBox {
                  unrelatedField
                }
              }
              ... on StringBox {
                deepBox {
                  unrelatedField
                }
              }
            }
          }
""", schema: boxes)
    }

    func testDisallowsDifferingReturnTypesDespiteNoOverlap() {
        expectOverlapErrors("""

          {
            someBox {
              ... on IntBox {
                scalar
              }
              ... on StringBox {
                scalar
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage("scalar", "they return conflicting types \"Int\" and \"String\""), ["5:17", "8:17"])])
    }

    func testReportsCorrectlyWhenANonExclusiveFollowsAnExclusive() {
        expectOverlapErrors("""

          {
            someBox {
              ... on IntBox {
                deepBox {
                  ...X
                }
              }
            }
            someBox {
              ... on StringBox {
                deepBox {
                  ...Y
                }
              }
            }
            memoed: someBox {
              ... on IntBox {
                deepBox {
                  ...X
                }
              }
            }
            memoed: someBox {
              ... on StringBox {
                deepBox {
                  ...Y
                }
              }
            }
            other: someBox {
              ...X
            }
            other: someBox {
              ...Y
            }
          }
          fragment X on SomeBox {
            scalar
          }
          fragment Y on SomeBox {
            scalar: unrelatedField
          }
""", schema: boxes, [ReportedError(
            conflictMessage(
                "other", "subfields \"scalar\" conflict because \"scalar\" and \"unrelatedField\" are different fields"),
            ["31:13", "39:13", "34:13", "42:13"])])
    }

    func testDisallowsDifferingNullabilityAndListsDespiteNoOverlap() {
        expectOverlapErrors("""

          {
            someBox {
              ... on NonNullStringBox1 {
                scalar
              }
              ... on StringBox {
                scalar
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage("scalar", "they return conflicting types \"String!\" and \"String\""), ["5:17", "8:17"])])
        expectOverlapErrors("""

          {
            someBox {
              ... on IntBox {
                box: listStringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: stringBox {
                  scalar
                }
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage("box", "they return conflicting types \"[StringBox]\" and \"StringBox\""),
            ["5:17", "10:17"])])
        expectOverlapErrors("""

          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: listStringBox {
                  scalar
                }
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage("box", "they return conflicting types \"StringBox\" and \"[StringBox]\""),
            ["5:17", "10:17"])])
    }

    func testDisallowsDifferingSubfields() {
        expectOverlapErrors("""

          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  val: scalar
                  val: unrelatedField
                }
              }
              ... on StringBox {
                box: stringBox {
                  val: scalar
                }
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage("val", "\"scalar\" and \"unrelatedField\" are different fields"), ["6:19", "7:19"])])
    }

    func testDisallowsDifferingDeepReturnTypesDespiteNoOverlap() {
        expectOverlapErrors("""

          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: intBox {
                  scalar
                }
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage(
                "box", "subfields \"scalar\" conflict because they return conflicting types \"String\" and \"Int\""),
            ["5:17", "6:19", "10:17", "11:19"])])
    }

    func testAllowedOverlaps() {
        expectOverlapValid("""

          {
            someBox {
              ... on IntBox {
                scalar: unrelatedField
              }
              ... on StringBox {
                scalar
              }
            }
          }
""", schema: boxes)
        expectOverlapValid("""

          {
            someBox {
              ...on NonNullStringBox1 {
                scalar
              }
              ...on NonNullStringBox2 {
                scalar
              }
            }
          }
""", schema: boxes)
        expectOverlapValid("""

          {
            a
            ... {
              a
            }
          }
""", schema: boxes)
        expectOverlapValid("""

          {
            someBox {
              ...on UnknownType {
                scalar
              }
              ...on NonNullStringBox2 {
                scalar
              }
            }
          }
""", schema: boxes)
        let keywords = OverlapSchemas.build("type Foo { constructor: String } type Query { foo: Foo }")
        expectOverlapValid("""

          {
            foo {
              constructor
            }
          }
""", schema: keywords)
    }

    func testComparesDeepTypesIncludingList() {
        expectOverlapErrors("""

          {
            connection {
              ...edgeID
              edges {
                node {
                  id: name
                }
              }
            }
          }

          fragment edgeID on Connection {
            edges {
              node {
                id
              }
            }
          }
""", schema: boxes, [ReportedError(
            conflictMessage(
                "edges",
                "subfields \"node\" conflict because subfields \"id\" conflict because \"name\" and \"id\" are different fields"),
            ["5:15", "6:17", "7:19", "14:13", "15:15", "16:17"])])
    }
}
