import Foundation
import XCTest

@testable import GraphQLEngine

// A small marketplace schema, the Swift types behind it, and helpers that call the resolvers
// binding generates the way the executor will.

let marketplaceSDL = """
    scalar DateTime
    scalar JSON

    enum ListingStatus { DRAFT ACTIVE SOLD_OUT }
    enum Category { SERVICE DIGITAL TICKET }

    interface Node { id: ID! }

    type Provider implements Node {
      id: ID!
      name: String!
      rating: Float
    }

    type Listing implements Node {
      id: ID!
      title: String!
      status: ListingStatus!
      previousStatus: ListingStatus
      statusHistory: [ListingStatus!]!
      tags: [String!]!
      priceCents: Int!
      createdAt: DateTime!
      provider: Provider!
    }

    union SearchResult = Listing | Provider

    input PriceRange { min: Int, max: Int }

    input ListingFilter {
      category: Category
      categories: [Category!]
      priceRange: PriceRange
      text: String
      createdAfter: DateTime
    }

    type Query {
      listing(id: ID!): Listing
      listings(filter: ListingFilter, first: Int = 10, after: String): [Listing!]!
      search(text: String!): [SearchResult!]!
      node(id: ID!): Node
      echo(data: JSON): JSON
    }

    type Subscription {
      listingStatusChanged(listingID: ID!): ListingStatus!
      listingUpdated: Listing!
    }
    """

enum ListingStatus: String, CaseIterable, Decodable, Sendable {
    case draft = "DRAFT"
    case active = "ACTIVE"
    case soldOut = "SOLD_OUT"
}

enum Category: String, Decodable, Sendable {
    case service = "SERVICE"
    case digital = "DIGITAL"
    case ticket = "TICKET"
}

struct MarketListing: Sendable, Equatable {
    var id: String
    var title: String
    var status: ListingStatus
    var previousStatus: ListingStatus?
    var statusHistory: [ListingStatus]
    var tags: [String]
    var priceCents: Int
    var createdAt: Date
    var providerID: String
}

struct Provider: Sendable, Equatable {
    var id: String
    var name: String
    var rating: Double?
}

/// The per-request context of the tests.
struct TestContext: Sendable {
    var providers: [String: Provider] = ["p1": Provider(id: "p1", name: "Ada's Pottery", rating: 4.5)]
    var listings: [String: MarketListing] = ["l1": .sample]
}

extension MarketListing {
    static let sample = MarketListing(
        id: "l1", title: "Wheel-thrown mug", status: .active, previousStatus: .draft,
        statusHistory: [.draft, .active], tags: ["ceramics", "kitchen"], priceCents: 2_400,
        createdAt: Date(timeIntervalSince1970: 1_700_000_000), providerID: "p1")
}

/// ISO 8601 `DateTime`, as the marketplace binds it.
let iso8601: @Sendable (Date) -> String = { date in
    let formatter = ISO8601DateFormatter()
    return formatter.string(from: date)
}

func parseISO8601(_ value: InputValue) throws -> Date {
    guard case .string(let text) = value, let date = ISO8601DateFormatter().date(from: text) else {
        throw GraphQLError(message: "DateTime cannot represent value: \(value.json.serialized) (expected ISO 8601)")
    }
    return date
}

/// The resolvers every complete binding of `marketplaceSDL` needs, for tests to start from.
func marketplaceResolvers() -> SchemaResolvers<TestContext> {
    var resolvers = SchemaResolvers<TestContext>()
    resolvers.scalar("DateTime", Date.self, serialize: iso8601, parseValue: parseISO8601)
    resolvers.passThroughScalar("JSON")
    resolvers.object("Provider", Provider.self)
    resolvers.object("Listing", MarketListing.self) { listing in
        listing.field("provider") { listing, context in
            guard let provider = context.providers[listing.providerID] else {
                throw GraphQLError(message: "no provider \(listing.providerID)")
            }
            return provider
        }
    }
    resolvers.fields(of: "Query") { query in
        query.field("listing") { (_, args: IDArgs, context) in context.listings[args.id] }
        query.field("listings") { (_, args: ListingsArgs, context) in Array(context.listings.values.prefix(args.first))
        }
        query.field("search") { (_, args: SearchArgs, context) -> [Any] in
            [context.listings["l1"] as Any, context.providers["p1"] as Any].filter { _ in !args.text.isEmpty }
        }
        query.field("node") { (_, args: IDArgs, context) -> Any? in
            if let listing = context.listings[args.id] { return listing }
            return context.providers[args.id]
        }
        query.field("echo") { (_, args: EchoArgs, _) in args.data }
    }
    resolvers.subscription("Subscription.listingStatusChanged") { (args: ListingIDArgs, _) in
        AsyncStream<ListingStatus> { continuation in
            continuation.yield(.active)
            continuation.yield(.soldOut)
            continuation.finish()
        }
    }
    resolvers.subscription("Subscription.listingUpdated") { context in
        AsyncStream<MarketListing> { continuation in
            continuation.yield(.sample)
            continuation.finish()
        }
    }
    return resolvers
}

struct IDArgs: Decodable { var id: String }
struct ListingIDArgs: Decodable { var listingID: String }
struct SearchArgs: Decodable { var text: String }
struct EchoArgs: Decodable { var data: InputValue? }
struct PriceRange: Decodable, Equatable {
    var min: Int?
    var max: Int?
}
struct ListingFilter: Decodable {
    var category: Category?
    var categories: [Category]?
    var priceRange: PriceRange?
    var text: String?
    var createdAfter: Date?
}
struct ListingsArgs: Decodable {
    var filter: ListingFilter?
    var first: Int
    var after: String?
}

// MARK: Calling resolvers as the executor does

/// The request state a `ResolveInfo` points to, kept alive while resolvers use it. (The
/// executor builds these per request; tests build one per call.)
final class InfoFixture {
    let shared: RequestShared
    let planned: PlannedField

    init(_ executable: ExecutableSchema, _ type: GraphQLObjectType, _ field: GraphQLField, context: any Sendable) throws
    {
        let document = try parse("{ __typename }")
        guard case .operation(let operation) = document.definitions[0] else {
            throw GraphQLError(message: "no operation")
        }
        shared = RequestShared(
            prepared: PreparedDocument(executable: executable, document: document), operation: operation,
            variables: [:], rootValue: nil, context: context, scope: BatchScope())
        planned = PlannedField(
            responseKey: field.name, fieldNodes: [], definition: field, parentType: type, action: .typename,
            arguments: .none, completion: CompletionPlan(nonNull: false, kind: .leaf(.string)), source: nil)
    }

    var info: ResolveInfo {
        ResolveInfo(request: .passUnretained(shared), field: .passUnretained(planned), location: .materialized([]))
    }
}

extension ExecutableSchema {
    /// The object type and field of a coordinate.
    func definition(_ coordinate: String) throws -> (GraphQLObjectType, GraphQLField) {
        let parts = coordinate.split(separator: ".").map(String.init)
        guard case .object(let type)? = schema.type(named: parts[0]), let field = type.field(named: parts[1]) else {
            throw GraphQLError(message: "no field \(coordinate)")
        }
        return (type, field)
    }

    /// The coerced arguments of `coordinate` written as in a query (`(id: "l1")`), as the
    /// executor passes them: coerced against the schema, defaults applied.
    func arguments(_ coordinate: String, _ text: String = "", variables: [String: InputValue] = [:]) throws
        -> InputFields
    {
        let (_, field) = try definition(coordinate)
        let document = try parse("{ \(field.name)\(text) }")
        guard case .operation(let operation) = document.definitions[0],
            case .field(let node) = operation.selectionSet.selections[0]
        else { throw GraphQLError(message: "no field node") }
        return try getArgumentValues(
            field.args, node.arguments, nodePosition: NodePosition(offset: 0, source: document.source),
            variableValues: variables)
    }

    /// Calls the resolver bound to `coordinate`.
    func resolve(
        _ coordinate: String, parent: Any = (), arguments: InputFields = InputFields(),
        context: any Sendable = TestContext()
    ) async throws -> Any? {
        let (type, field) = try definition(coordinate)
        guard let resolver = resolvers[type.name]?[field.name] else { throw GraphQLError(message: "no resolver") }
        let fixture = try InfoFixture(self, type, field, context: context)
        let info = fixture.info
        defer { withExtendedLifetime(fixture) {} }
        switch resolver {
        case .sync(let resolve): return try resolve(parent, arguments, context, info)
        case .async(let resolve): return try await resolve(parent, arguments, context, info)
        }
    }

    /// Whether the resolver of `coordinate` runs inline.
    func isSync(_ coordinate: String) throws -> Bool {
        let (type, field) = try definition(coordinate)
        if case .sync? = resolvers[type.name]?[field.name] { return true }
        return false
    }
}

/// A binding error's problems, or a test failure when binding succeeds.
func bindingProblems<C>(
    _ resolvers: SchemaResolvers<C>, sdl: String = marketplaceSDL, file: StaticString = #filePath, line: UInt = #line
) -> [String] {
    do {
        _ = try ExecutableSchema(binding: sdl, resolvers: resolvers)
        XCTFail("binding succeeded", file: file, line: line)
        return []
    } catch let error as SchemaBindingError {
        return error.problems
    } catch {
        XCTFail("unexpected error: \(error)", file: file, line: line)
        return []
    }
}
