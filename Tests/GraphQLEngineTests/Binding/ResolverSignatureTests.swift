import Foundation
import XCTest

@testable import GraphQLEngine

/// The `field` overloads: how call sites read (these compile without annotations but the
/// parent or the arguments), which resolver kind they produce, and what results become.
final class BindingResolverSignatureTests: XCTestCase {
    private let sdl = """
        enum ListingStatus { DRAFT ACTIVE SOLD_OUT }
        type Query {
          status: ListingStatus!
          maybeStatus: ListingStatus
          statuses: [ListingStatus]!
          nested: [[ListingStatus!]]
          code: ID!
          label(upper: Boolean = false): String!
          count: Int!
          slow: Int!
          provider(id: ID!): Provider
        }
        type Provider { id: ID! name: String! listingCount: Int! displayName(prefix: String!): String! }
        """

    private struct Code: RawRepresentable, Sendable { var rawValue: String }
    private struct LabelArgs: Decodable { var upper: Bool }
    private struct PrefixArgs: Decodable { var prefix: String }

    private func bound() throws -> ExecutableSchema {
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.fields(of: "Query") { query in
            query.field("status") { _ in ListingStatus.soldOut }
            query.field("maybeStatus") { _, _ in ListingStatus?.none }
            query.field("statuses") { _, _ in [ListingStatus.draft, nil, .active] }
            query.field("nested") { _ in [[ListingStatus.draft], [.active, .soldOut]] }
            query.field("code") { _ in Code(rawValue: "c-1") }
            query.field("label") { (_, args: LabelArgs, _) in args.upper ? "MUG" : "mug" }
            query.field("count") { _, context in context.listings.count }
            query.field("slow") { _, context in
                try await Task.sleep(nanoseconds: 1_000)
                return context.providers.count
            }
            query.field("provider") { (_, args: IDArgs, context, info) in
                _ = info  // resolvers that read it get the field's ResolveInfo
                return context.providers[args.id]
            }
        }
        resolvers.object("Provider", Provider.self) { provider in
            provider.field("listingCount") { provider, context in
                context.listings.values.filter { $0.providerID == provider.id }.count
            }
            provider.field("displayName") { (provider, args: PrefixArgs, _) in args.prefix + provider.name }
        }
        return try ExecutableSchema(binding: sdl, resolvers: resolvers)
    }

    func testSyncClosuresBecomeSyncResolvers() throws {
        let executable = try bound()
        for field in ["Query.status", "Query.label", "Query.count", "Query.provider", "Provider.listingCount"] {
            XCTAssertTrue(try executable.isSync(field), field)
        }
        XCTAssertFalse(try executable.isSync("Query.slow"))
    }

    func testSwiftEnumsBecomeTheirRawValues() async throws {
        let executable = try bound()
        let status = try await executable.resolve("Query.status")
        XCTAssertEqual(status as? String, "SOLD_OUT")
        let maybe = try await executable.resolve("Query.maybeStatus")
        XCTAssertNil(maybe)
        let statuses = try await executable.resolve("Query.statuses") as? [Any?]
        XCTAssertEqual(statuses?.map { $0 as? String }, ["DRAFT", nil, "ACTIVE"])
        let nested = try await executable.resolve("Query.nested") as? [Any?]
        XCTAssertEqual(nested?.map { ($0 as? [Any?])?.map { $0 as? String } }, [["DRAFT"], ["ACTIVE", "SOLD_OUT"]])
        let code = try await executable.resolve("Query.code")
        XCTAssertEqual(code as? String, "c-1", "String-raw types serialize as ID and String too")
    }

    func testArgumentsContextAndParent() async throws {
        let executable = try bound()
        let label = try await executable.resolve("Query.label", arguments: try executable.arguments("Query.label"))
        XCTAssertEqual(label as? String, "mug")
        let upper = try await executable.resolve(
            "Query.label", arguments: try executable.arguments("Query.label", "(upper: true)"))
        XCTAssertEqual(upper as? String, "MUG")
        let slow = try await executable.resolve("Query.slow")
        XCTAssertEqual(slow as? Int, 1)
        let provider = try await executable.resolve(
            "Query.provider", arguments: try executable.arguments("Query.provider", #"(id: "p1")"#))
        XCTAssertEqual((provider as? Provider)?.name, "Ada's Pottery")
        let count = try await executable.resolve("Provider.listingCount", parent: provider as Any)
        XCTAssertEqual(count as? Int, 1)
        let display = try await executable.resolve(
            "Provider.displayName", parent: provider as Any,
            arguments: try executable.arguments("Provider.displayName", #"(prefix: "by ")"#))
        XCTAssertEqual(display as? String, "by Ada's Pottery")
    }

    func testAWrongContextIsAnError() async throws {
        let executable = try bound()
        await XCTAssertThrowsMessage(
            try await executable.resolve("Query.count", context: "not a context"),
            "Query.count: the request's context is a String, but the resolvers were bound for a context of type TestContext."
        )
    }

    /// Call sites as the marketplace writes them; compiling is the test.
    func testCoordinateCallSitesCompile() throws {
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.field("Query.listing") { (_: Void, args: IDArgs, context: TestContext, info: ResolveInfo) in
            context.listings[args.id]
        }
        resolvers.field("Query.listings") { (_: Void, args: ListingsArgs, context) in
            Array(context.listings.values.prefix(args.first))
        }
        resolvers.field("Listing.provider") { (listing: MarketListing, context) async throws -> Provider in
            try await Task.sleep(nanoseconds: 1)
            guard let provider = context.providers[listing.providerID] else { throw GraphQLError(message: "gone") }
            return provider
        }
        resolvers.field("Listing.title") { (listing: MarketListing) in listing.title.capitalized }
        resolvers.field("Listing.status") { (listing: MarketListing, _: NoArguments, _, info) in
            info.fieldName == "status" ? listing.status : .draft
        }
        resolvers.object("Provider", Provider.self) {
            $0.field("name") { provider in provider.name }
            $0.field("rating") { provider, context in
                let ratings = context.listings.values.filter { $0.providerID == provider.id }.map { _ in 5.0 }
                return ratings.isEmpty ? provider.rating : ratings.reduce(0, +) / Double(ratings.count)
            }
        }
        XCTAssertEqual(resolvers.registrations.fields.count, 7)
    }
}
