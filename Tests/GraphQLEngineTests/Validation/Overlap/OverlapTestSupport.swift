import XCTest
@testable import GraphQLEngine

// Shared helpers of the ValidationExtra tests: graphql-js's validation test schemas and
// assertions over the errors of `OverlappingFieldsChecker`.

enum OverlapSchemas {
    /// graphql-js's validation harness schema (as the conformance corpus has it).
    static let harnessSDL = #"""
schema {
  query: QueryRoot
}

directive @onField on FIELD

interface Mammal {
  mother: Mammal
  father: Mammal
}

interface Pet {
  name(surname: Boolean): String
}

interface Canine implements Mammal {
  name(surname: Boolean): String
  mother: Canine
  father: Canine
}

enum DogCommand {
  SIT
  HEEL
  DOWN
}

type Dog implements Pet & Mammal & Canine {
  name(surname: Boolean): String
  nickname: String
  barkVolume: Int
  barks: Boolean
  doesKnowCommand(dogCommand: DogCommand): Boolean
  isHouseTrained(atOtherHomes: Boolean = true): Boolean
  isAtLocation(x: Int, y: Int): Boolean
  mother: Dog
  father: Dog
}

type Cat implements Pet {
  name(surname: Boolean): String
  nickname: String
  meows: Boolean
  meowsVolume: Int
  furColor: FurColor
}

union CatOrDog = Cat | Dog

type Human {
  name(surname: Boolean): String
  pets: [Pet]
  relatives: [Human]
}

enum FurColor {
  BROWN
  BLACK
  TAN
  SPOTTED
  NO_FUR
  UNKNOWN
}

input ComplexInput {
  requiredField: Boolean!
  nonNullField: Boolean! = false
  intField: Int
  stringField: String
  booleanField: Boolean
  stringListField: [String]
}

input OneOfInput {
  stringField: String
  intField: Int
}

type ComplicatedArgs {
  intArgField(intArg: Int): String
  nonNullIntArgField(nonNullIntArg: Int!): String
  stringArgField(stringArg: String): String
  booleanArgField(booleanArg: Boolean): String
  enumArgField(enumArg: FurColor): String
  floatArgField(floatArg: Float): String
  idArgField(idArg: ID): String
  stringListArgField(stringListArg: [String]): String
  stringListNonNullArgField(stringListNonNullArg: [String!]): String
  complexArgField(complexArg: ComplexInput): String
  oneOfArgField(oneOfArg: OneOfInput): String
  multipleReqs(req1: Int!, req2: Int!): String
  nonNullFieldWithDefault(arg: Int! = 0): String
  multipleOpts(opt1: Int = 0, opt2: Int = 0): String
  multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
}

type QueryRoot {
  human(id: ID): Human
  dog: Dog
  cat: Cat
  pet: Pet
  catOrDog: CatOrDog
  complicatedArgs: ComplicatedArgs
}
"""#

    /// The schema of graphql-js's "return types must be unambiguous" tests.
    static let boxesSDL = #"""
interface SomeBox {
  deepBox: SomeBox
  unrelatedField: String
}

type StringBox implements SomeBox {
  scalar: String
  deepBox: StringBox
  unrelatedField: String
  listStringBox: [StringBox]
  stringBox: StringBox
  intBox: IntBox
}

type IntBox implements SomeBox {
  scalar: Int
  deepBox: IntBox
  unrelatedField: String
  listStringBox: [StringBox]
  stringBox: StringBox
  intBox: IntBox
}

interface NonNullStringBox1 {
  scalar: String!
}

type NonNullStringBox1Impl implements SomeBox & NonNullStringBox1 {
  scalar: String!
  unrelatedField: String
  deepBox: SomeBox
}

interface NonNullStringBox2 {
  scalar: String!
}

type NonNullStringBox2Impl implements SomeBox & NonNullStringBox2 {
  scalar: String!
  unrelatedField: String
  deepBox: SomeBox
}

type Connection {
  edges: [Edge]
}

type Edge {
  node: Node
}

type Node {
  id: ID
  name: String
}

type Query {
  someBox: SomeBox
  connection: Connection
}
"""#

    static let harness: GraphQLSchema = build(harnessSDL)
    static let boxes: GraphQLSchema = build(boxesSDL)

    static func build(_ sdl: String) -> GraphQLSchema {
        do {
            return try buildSchema(sdl)
        } catch {
            preconditionFailure("test schema does not build: \(error)")
        }
    }
}

/// An error as the tests compare it: message and `line:column` locations.
struct ReportedError: Equatable, CustomStringConvertible {
    var message: String
    var locations: [String]
    init(_ message: String, _ locations: [String]) {
        self.message = message
        self.locations = locations
    }
    init(_ error: GraphQLError) {
        message = error.message
        locations = error.locations.map(\.description)
    }
    var description: String { message + " @" + locations.joined(separator: ",") }
}

/// The message graphql-js reports for a conflict on `responseName` because of `reason`.
func conflictMessage(_ responseName: String, _ reason: String) -> String {
    "Fields \"\(responseName)\" conflict because \(reason). Use different aliases on the fields to fetch both if this was intentional."
}

/// The checker's errors for `text`, run as the validator would (every selection set).
func overlapErrors(
    _ text: String, schema: GraphQLSchema = OverlapSchemas.harness,
    algorithm: OverlappingFieldsChecker.Algorithm = .graphqlJS16_11
) throws -> [ReportedError] {
    let document = try parse(text)
    var checker = OverlappingFieldsChecker(schema: schema, document: document)
    checker.algorithm = algorithm
    return checker.validate(document: document).map(ReportedError.init)
}

func expectOverlapErrors(
    _ text: String, schema: GraphQLSchema = OverlapSchemas.harness, _ expected: [ReportedError],
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let got = try overlapErrors(text, schema: schema)
        XCTAssertEqual(got, expected, file: file, line: line)
    } catch {
        XCTFail("\(error)", file: file, line: line)
    }
}

func expectOverlapValid(
    _ text: String, schema: GraphQLSchema = OverlapSchemas.harness, file: StaticString = #filePath, line: UInt = #line
) {
    expectOverlapErrors(text, schema: schema, [], file: file, line: line)
}
