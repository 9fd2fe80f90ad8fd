import Foundation
import XCTest

@testable import GraphQLEngine

/// Custom scalars bound to Swift types end up in the built schema, where serialization,
/// input coercion and validation find them; arguments decode into the Swift type.
final class BindingScalarTests: XCTestCase {
    private func dateTime(_ executable: ExecutableSchema) throws -> GraphQLScalarType {
        guard case .scalar(let scalar)? = executable.schema.type(named: "DateTime") else {
            throw GraphQLError(message: "no DateTime")
        }
        return scalar
    }

    func testSerializeIsTheBoundOne() throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let scalar = try dateTime(executable)
        XCTAssertEqual(try scalar.serialize(Date(timeIntervalSince1970: 1_700_000_000)), "2023-11-14T22:13:20Z")
        XCTAssertEqual(try scalar.serialize(Optional(Date(timeIntervalSince1970: 0)) as Any), "1970-01-01T00:00:00Z")
        XCTAssertThrowsError(try scalar.serialize("2023-11-14")) {
            XCTAssertEqual(
                ($0 as? GraphQLError)?.message, #"DateTime cannot represent value: "2023-11-14" (expected a Date)."#)
        }
        XCTAssertEqual(scalar.astNode?.node.name.value, "DateTime", "the SDL's definition stays")
    }

    func testInputCoercionAndValidationUseTheBoundParser() throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let scalar = try dateTime(executable)
        XCTAssertEqual(try scalar.parseValue("2023-11-14T22:13:20Z"), "2023-11-14T22:13:20Z")
        XCTAssertThrowsError(try scalar.parseValue(12)) {
            XCTAssertEqual(($0 as? GraphQLError)?.message, "DateTime cannot represent value: 12 (expected ISO 8601)")
        }

        let document = try parse(#"{ listings(filter: {createdAfter: "last week"}) { id } }"#)
        let errors = validate(schema: executable.schema, document: document).map(\.message)
        // A GraphQLError thrown by the scalar is reported as it is (graphql-js's ValuesOfCorrectTypeRule).
        XCTAssertEqual(errors, [#"DateTime cannot represent value: "last week" (expected ISO 8601)"#])

        let variables = coerceVariableValues(
            schema: executable.schema, definitions: try variableDefinitions("query($at: DateTime!) { __typename }"),
            inputs: ["at": "soon"], source: nil)
        XCTAssertEqual(
            variables.errors.map(\.message),
            [#"Variable "$at" got invalid value "soon"; DateTime cannot represent value: "soon" (expected ISO 8601)"#])
    }

    func testCustomLiteralParsingAndDecoding() async throws {
        let sdl = """
            scalar Money
            type Query { price(amount: Money!, discounts: [Money!]): Money! }
            """
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.scalar(
            "Money", Money.self,
            serialize: { (money: Money) in .string(money.description) },
            parseValue: { value in
                guard case .string(let text) = value, let money = Money(text) else {
                    throw GraphQLError(message: "Money cannot represent value: \(inspect(value))")
                }
                return money
            },
            parseLiteral: { node, _ in
                // Literals may also be integer cents.
                if case .int(let int) = node, let cents = Int(int.value) { return Money(cents: cents) }
                guard case .string(let string) = node, let money = Money(string.value) else {
                    throw GraphQLError(message: "Money cannot represent literal: \(printAST(node))")
                }
                return money
            })
        resolvers.field("Query.price") { (_: Void, args: PriceArgs, _: TestContext) in
            Money(cents: args.amount.cents - (args.discounts ?? []).map(\.cents).reduce(0, +))
        }
        let executable = try ExecutableSchema(binding: sdl, resolvers: resolvers)
        let arguments = try executable.arguments("Query.price", #"(amount: 1250, discounts: ["2.50", 100])"#)
        XCTAssertEqual(arguments["amount"], "12.50", "literals are kept in their serialized form")
        let price = try await executable.resolve("Query.price", arguments: arguments)
        XCTAssertEqual(price as? Money, Money(cents: 900))
        XCTAssertThrowsError(try executable.arguments("Query.price", "(amount: true)"))
    }

    func testPassThroughScalarsKeepTheDefaultBehaviour() throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        guard case .scalar(let json)? = executable.schema.type(named: "JSON") else { return XCTFail("no JSON") }
        XCTAssertEqual(try json.serialize(["a": 1] as InputValue), ["a": 1])
        XCTAssertEqual(try json.parseValue([1, "x"]), [1, "x"])
    }

    func testBuildOptionsInstallTheScalarsForSchemasBuiltElsewhere() throws {
        let resolvers = marketplaceResolvers()
        let schema = try buildSchema(marketplaceSDL, options: resolvers.buildOptions)
        let executable = try ExecutableSchema(binding: schema, resolvers: resolvers)
        XCTAssertEqual(try (try dateTime(executable)).serialize(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
    }

    private func variableDefinitions(_ text: String) throws -> [VariableDefinition] {
        guard case .operation(let operation) = try parse(text).definitions[0] else { return [] }
        return operation.variableDefinitions
    }
}

struct Money: Equatable, Sendable, CustomStringConvertible {
    var cents: Int
    init(cents: Int) { self.cents = cents }
    init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let units = Int(parts[0]), let hundredths = Int(parts[1]) else { return nil }
        cents = units * 100 + hundredths
    }
    var description: String { "\(cents / 100).\(String(format: "%02d", cents % 100))" }
}

struct PriceArgs: Decodable {
    var amount: Money
    var discounts: [Money]?
}

extension Money: CustomScalarValue {}
