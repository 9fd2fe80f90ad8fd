import Foundation
import XCTest

@testable import GraphQLEngine

/// The binding as the marketplace uses it, end to end: a query field, an object with a
/// resolver and default property reads, a union, a custom scalar and a subscription.
final class BindingUsageExampleTests: XCTestCase {
    private let sdl = """
        scalar DateTime
        enum OrderStatus { PENDING PAID SHIPPED }
        type Query { listing(id: ID!): Listing  search(text: String!): [SearchResult!]! }
        type Listing { id: ID! title: String! createdAt: DateTime! provider: Provider! }
        type Provider { id: ID! name: String! }
        union SearchResult = Listing | Provider
        type Subscription { orderStatusChanged(orderID: ID!): OrderStatus! }
        """

    struct AppContext: Sendable {
        var listings: [String: Listing]
        var providers: [String: Provider]
        var orderEvents: @Sendable (String) -> AsyncStream<OrderStatus>
    }
    struct Listing: Sendable {
        var id: String
        var title: String
        var createdAt: Date
        var providerID: String
    }
    struct Provider: Sendable {
        var id: String
        var name: String
    }
    enum OrderStatus: String, Sendable {
        case pending = "PENDING"
        case paid = "PAID"
        case shipped = "SHIPPED"
    }
    struct ListingArgs: Decodable { var id: String }
    struct SearchArgs: Decodable { var text: String }
    struct OrderArgs: Decodable { var orderID: String }

    func testTheMarketplaceWay() async throws {
        var resolvers = SchemaResolvers<AppContext>()
        resolvers.field("Query.listing") { (_: Void, args: ListingArgs, ctx: AppContext) in
            ctx.listings[args.id]
        }
        resolvers.field("Query.search") { (_: Void, args: SearchArgs, ctx: AppContext) -> [Any] in
            ctx.listings.values.filter { $0.title.contains(args.text) }
                + ctx.providers.values.filter { $0.name.contains(args.text) }
        }
        resolvers.object("Listing", Listing.self) { listing in
            listing.field("provider") { listing, ctx async throws in
                guard let provider = ctx.providers[listing.providerID] else {
                    throw GraphQLError(message: "Provider \(listing.providerID) is gone.")
                }
                return provider
            }
        }
        resolvers.object("Provider", Provider.self)
        resolvers.scalar(
            "DateTime", Date.self,
            serialize: { date in date.ISO8601Format() },
            parseValue: { value in
                guard case .string(let text) = value, let date = try? Date(text, strategy: .iso8601) else {
                    throw GraphQLError(message: "DateTime must be an ISO 8601 string.")
                }
                return date
            })
        resolvers.subscription("Subscription.orderStatusChanged") { (args: OrderArgs, ctx: AppContext) in
            ctx.orderEvents(args.orderID)
        }
        let executable = try ExecutableSchema(binding: sdl, resolvers: resolvers)

        let mug = Listing(id: "l1", title: "Mug", createdAt: Date(timeIntervalSince1970: 0), providerID: "p1")
        let context = AppContext(
            listings: ["l1": mug], providers: ["p1": Provider(id: "p1", name: "Ada")],
            orderEvents: { _ in
                AsyncStream {
                    $0.yield(.paid)
                    $0.finish()
                }
            })
        let listing = try await executable.resolve(
            "Query.listing", arguments: try executable.arguments("Query.listing", #"(id: "l1")"#), context: context)
        XCTAssertEqual((listing as? Listing)?.title, "Mug")
        let provider = try await executable.resolve("Listing.provider", parent: mug, context: context)
        XCTAssertEqual((provider as? Provider)?.name, "Ada")
        XCTAssertFalse(try executable.isSync("Listing.provider"))
        XCTAssertTrue(try executable.isSync("Listing.title"))
        let name = executable.typeResolvers["SearchResult"].map { _ in "bound" }
        XCTAssertEqual(name, "bound")
        guard case .scalar(let dateTime)? = executable.schema.type(named: "DateTime") else { return XCTFail() }
        XCTAssertEqual(try dateTime.serialize(mug.createdAt), "1970-01-01T00:00:00Z")
        XCTAssertNotNil(executable.subscribers["orderStatusChanged"])
        let status = try await executable.resolve("Subscription.orderStatusChanged", parent: OrderStatus.paid)
        XCTAssertEqual(status as? String, "PAID")
    }
}
