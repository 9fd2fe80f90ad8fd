import XCTest
@testable import GraphQLEngine

/// The spec-style schema of the rule tests (dogs, cats, humans and aliens) and helpers
/// that validate a document with one rule and compare the errors as
/// `message @line:column,line:column`.
enum ValidationHarness {
    static let sdl = """
        interface Pet { name: String! }
        enum DogCommand { SIT DOWN HEEL }
        type Dog implements Pet { name: String! nickname: String barkVolume: Int doesKnowCommand(dogCommand: DogCommand!): Boolean! isHouseTrained(atOtherHomes: Boolean = true): Boolean! owner: Human }
        interface Sentient { name: String! }
        type Alien implements Sentient { name: String! homePlanet: String }
        type Human implements Sentient { name: String! pets: [Pet!] }
        enum CatCommand { JUMP }
        type Cat implements Pet { name: String! nickname: String doesKnowCommand(catCommand: CatCommand!): Boolean! meowVolume: Int }
        union CatOrDog = Cat | Dog
        union DogOrHuman = Dog | Human
        union HumanOrAlien = Human | Alien
        input FindDogInput { name: String owner: String! }
        input OneOfInput @oneOf { a: String b: Int }
        type Query { dog: Dog findDog(searchBy: FindDogInput): Dog pet: Pet catOrDog: CatOrDog dogOrHuman: DogOrHuman human(id: ID!): Human booleanList(arg: [Boolean!]): Boolean intArg(x: Int, y: Int! = 1): Int oneOf(arg: OneOfInput): String }
        type Mutation { addPet(name: String!): Pet }
        type Subscription { newMessage: Message disallowedSecondRootField: Boolean }
        type Message { body: String sender: String }
        """

    static let schema: GraphQLSchema? = try? buildSchema(sdl)

    /// The errors of `rules` on `document`, as `message @line:column,...`.
    static func errors(_ rules: [ValidationRule], _ document: String, schema: GraphQLSchema? = schema) throws -> [String] {
        guard let schema else {
            XCTFail("the test schema does not build")
            return []
        }
        return validate(schema: schema, document: try parse(document), rules: rules).map(format)
    }

    static func format(_ error: GraphQLError) -> String {
        guard !error.locations.isEmpty else { return error.message }
        return error.message + " @" + error.locations.map { "\($0.line):\($0.column)" }.joined(separator: ",")
    }
}

/// Asserts that `rule` finds exactly `expected` in `document`, in order.
func expectErrors(
    _ rule: ValidationRule, _ document: String, _ expected: [String],
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let got = try ValidationHarness.errors([rule], document)
        XCTAssertEqual(got, expected, file: file, line: line)
    } catch {
        XCTFail("\(error)", file: file, line: line)
    }
}

/// Asserts that `rule` finds nothing wrong with `document`.
func expectValid(_ rule: ValidationRule, _ document: String, file: StaticString = #filePath, line: UInt = #line) {
    expectErrors(rule, document, [], file: file, line: line)
}
