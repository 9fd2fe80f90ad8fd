import Foundation
import XCTest

@testable import GraphQLEngine

/// Typed arguments: decoded from the coerced `InputFields` the executor passes.
final class BindingArgumentDecodingTests: XCTestCase {
    /// Binds the marketplace with `Query.listings` replaced by a resolver returning its arguments.
    private func echoingListings<Args: Decodable & Sendable>(_ type: Args.Type) throws -> ExecutableSchema {
        var resolvers = marketplaceResolvers()
        resolvers.registrations.fields.removeAll { $0.coordinate.text == "Query.listings" }
        resolvers.field("Query.listings") { (_: Void, args: Args, _: TestContext) in args }
        return try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
    }

    func testNestedInputObjectsEnumsListsAndScalars() async throws {
        let executable = try echoingListings(ListingsArgs.self)
        let arguments = try executable.arguments(
            "Query.listings",
            #"""
            (filter: {category: DIGITAL, categories: [SERVICE, TICKET], priceRange: {min: 500},
                      createdAfter: "2023-11-14T22:13:20Z"}, after: "cursor-9")
            """#)
        let result = try await executable.resolve("Query.listings", arguments: arguments)
        let args = try XCTUnwrap(result as? ListingsArgs)
        XCTAssertEqual(args.filter?.category, .digital)
        XCTAssertEqual(args.filter?.categories, [.service, .ticket])
        XCTAssertEqual(args.filter?.priceRange, PriceRange(min: 500, max: nil))
        XCTAssertNil(args.filter?.text)
        XCTAssertEqual(args.filter?.createdAfter, Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(args.first, 10, "the schema's default arrives with the arguments")
        XCTAssertEqual(args.after, "cursor-9")
    }

    func testAbsentOptionalsAndVariables() async throws {
        let executable = try echoingListings(ListingsArgs.self)
        let arguments = try executable.arguments(
            "Query.listings", "(filter: $filter, first: 3)",
            variables: ["filter": ["categories": .list([.enumValue("SERVICE")]), "text": .null]])
        let result = try await executable.resolve("Query.listings", arguments: arguments)
        let args = try XCTUnwrap(result as? ListingsArgs)
        XCTAssertEqual(args.filter?.categories, [.service])
        XCTAssertNil(args.filter?.text, "an explicit null decodes as nil")
        XCTAssertNil(args.filter?.category)
        XCTAssertEqual(args.first, 3)
        XCTAssertNil(args.after)
    }

    func testIDAndNumbersDecodeAsTheirSwiftTypes() async throws {
        struct Numbers: Decodable, Sendable {
            var first: Int32
            var filter: Filter
            struct Filter: Decodable, Sendable { var priceRange: Range }
            struct Range: Decodable, Sendable {
                var min: Double
                var max: UInt8
            }
        }
        let executable = try echoingListings(Numbers.self)
        let arguments = try executable.arguments("Query.listings", "(filter: {priceRange: {min: 5, max: 200}})")
        let result = try await executable.resolve("Query.listings", arguments: arguments)
        let args = try XCTUnwrap(result as? Numbers)
        XCTAssertEqual(args.first, 10)
        XCTAssertEqual(args.filter.priceRange.min, 5.0, "an Int decodes as a Double")
        XCTAssertEqual(args.filter.priceRange.max, 200)

        // ID literals given as integers arrive as strings.
        let listing = try await executable.resolve(
            "Query.listing", arguments: try executable.arguments("Query.listing", "(id: 12)"),
            context: TestContext(listings: ["12": .sample]))
        XCTAssertEqual(listing as? MarketListing, .sample)
    }

    func testPassThroughScalarArgumentsDecodeAsInputValue() async throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let arguments = try executable.arguments("Query.echo", #"(data: {sizes: [1, 2], note: "fragile"})"#)
        let echoed = try await executable.resolve("Query.echo", arguments: arguments)
        XCTAssertEqual(echoed as? InputValue, ["sizes": [1, 2], "note": "fragile"])
    }

    func testDecodingErrorsNameTheFieldTheTypeAndThePath() async throws {
        struct Strict: Decodable, Sendable {
            var filter: Filter
            struct Filter: Decodable, Sendable {
                var text: String
                var categories: [Strictness]
            }
            enum Strictness: String, Decodable, Sendable { case service = "SERVICE" }
        }
        let executable = try echoingListings(Strict.self)

        var arguments = try executable.arguments("Query.listings", #"(filter: {categories: [SERVICE]})"#)
        await XCTAssertThrowsMessage(
            try await executable.resolve("Query.listings", arguments: arguments),
            #"Cannot decode the arguments of Query.listings as Strict: "filter.text": "#
                + "no value (a non-optional Swift property needs one)")

        arguments = try executable.arguments("Query.listings", #"(filter: {text: "x", categories: [SERVICE, TICKET]})"#)
        await XCTAssertThrowsMessage(
            try await executable.resolve("Query.listings", arguments: arguments),
            #"Cannot decode the arguments of Query.listings as Strict: "filter.categories[1]": "#
                + "Cannot initialize Strictness from invalid String value TICKET")
    }

    func testScalarParseErrorsInsideArguments() throws {
        // Coercion (validation, execution) already rejects what the bound parseValue rejects.
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        XCTAssertThrowsError(try executable.arguments("Query.listings", #"(filter: {createdAfter: "yesterday"})"#)) {
            XCTAssertEqual(
                ($0 as? GraphQLError)?.message, #"Argument "filter" has invalid value {createdAfter: "yesterday"}."#)
        }
    }

    func testTheDecoderDirectly() throws {
        let decoding = InputDecoding()
        struct Page: Decodable {
            var sizes: [[Int]]
            var labels: [String?]
            var flag: Bool?
        }
        let page = try decoding.decode(
            Page.self, from: ["sizes": [[1], [2, 3]], "labels": ["a", nil], "flag": true])
        XCTAssertEqual(page.sizes, [[1], [2, 3]])
        XCTAssertEqual(page.labels, ["a", nil])
        XCTAssertEqual(page.flag, true)
        XCTAssertThrowsError(try decoding.decode(Page.self, from: ["sizes": [["x"]], "labels": []])) {
            XCTAssertEqual(InputDecoding.describe($0), #""sizes[0][0]": expected a value of type Int, found "x""#)
        }
        XCTAssertThrowsError(try decoding.decode(Int8.self, from: 300)) {
            XCTAssertEqual(InputDecoding.describe($0), "expected a value of type Int8, found 300")
        }
    }
}

/// Asserts that `expression` throws an error whose message (or description) is `message`.
func XCTAssertThrowsMessage<T>(
    _ expression: @autoclosure () async throws -> T, _ message: String, file: StaticString = #filePath,
    line: UInt = #line
) async {
    do {
        _ = try await expression()
        XCTFail("no error thrown", file: file, line: line)
    } catch let error as GraphQLError {
        XCTAssertEqual(error.message, message, file: file, line: line)
    } catch {
        XCTAssertEqual(String(describing: error), message, file: file, line: line)
    }
}
