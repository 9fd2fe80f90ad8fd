import Foundation
import XCTest

@testable import GraphQLEngine

/// Fields without resolvers read the stored property of their name (found at bind time).
final class BindingDefaultResolverTests: XCTestCase {
    func testStructPropertiesAreReadInline() async throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let listing = MarketListing.sample
        for field in ["id", "title", "status", "previousStatus", "statusHistory", "tags", "priceCents", "createdAt"] {
            XCTAssertTrue(try executable.isSync("Listing.\(field)"), field)
        }
        let title = try await executable.resolve("Listing.title", parent: listing)
        XCTAssertEqual(title as? String, "Wheel-thrown mug")
        let tags = try await executable.resolve("Listing.tags", parent: listing)
        XCTAssertEqual(tags as? [String], ["ceramics", "kitchen"])
        let price = try await executable.resolve("Listing.priceCents", parent: listing)
        XCTAssertEqual(price as? Int, 2_400)
        let createdAt = try await executable.resolve("Listing.createdAt", parent: listing)
        XCTAssertEqual(createdAt as? Date, listing.createdAt, "custom scalars get the Swift value to serialize")
        let rating = try await executable.resolve("Provider.rating", parent: Provider(id: "p2", name: "B", rating: nil))
        XCTAssertNil(rating, "a nil optional reaches the executor as nil")
    }

    func testEnumPropertiesAreReadAsRawValues() async throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        var listing = MarketListing.sample
        let status = try await executable.resolve("Listing.status", parent: listing)
        XCTAssertEqual(status as? String, "ACTIVE")
        let previous = try await executable.resolve("Listing.previousStatus", parent: listing)
        XCTAssertEqual(previous as? String, "DRAFT")
        let history = try await executable.resolve("Listing.statusHistory", parent: listing)
        XCTAssertEqual((history as? [Any?])?.map { $0 as? String }, ["DRAFT", "ACTIVE"])
        listing.previousStatus = nil
        let none = try await executable.resolve("Listing.previousStatus", parent: listing)
        XCTAssertNil(none)
    }

    func testAWrongParentIsAnErrorNotACrash() async throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        await XCTAssertThrowsMessage(
            try await executable.resolve("Listing.title", parent: Provider(id: "p", name: "n")),
            "Listing.title: the parent value is a Provider, but the resolver reads a MarketListing.")
    }

    func testClassPropertiesIncludingInheritedAndReferenceOnes() async throws {
        let sdl = """
            type Query { shop: Shop }
            type Shop { id: ID! name: String! owner: Owner manager: Owner rating: Float tags: [String!]! }
            type Owner { name: String! }
            """
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.field("Query.shop") { (_: Void, _: TestContext) in ShopRecord(id: "s1") }
        resolvers.object("Shop", ShopRecord.self)
        resolvers.object("Owner", OwnerRecord.self)
        let executable = try ExecutableSchema(binding: sdl, resolvers: resolvers)

        let owner = OwnerRecord(name: "Grace")
        let shop = ShopRecord(id: "s1")
        shop.owner = owner
        shop.manager = owner
        let id = try await executable.resolve("Shop.id", parent: shop)
        XCTAssertEqual(id as? String, "s1", "a superclass's stored property")
        let name = try await executable.resolve("Shop.name", parent: shop)
        XCTAssertEqual(name as? String, "Shop s1")
        let tags = try await executable.resolve("Shop.tags", parent: shop)
        XCTAssertEqual(tags as? [String], ["new"])
        let strong = try await executable.resolve("Shop.owner", parent: shop)
        XCTAssertTrue((strong as? OwnerRecord) === owner)
        let weak = try await executable.resolve("Shop.manager", parent: shop)
        XCTAssertTrue((weak as? OwnerRecord) === owner, "a weak property is read as what it holds")
        let rating = try await executable.resolve("Shop.rating", parent: shop)
        XCTAssertEqual(rating as? Double, 4.0)
        XCTAssertTrue(try executable.isSync("Shop.manager"))
    }

    func testStructsWithUnreadablePropertiesKeepTheRest() async throws {
        let sdl = "type Query { item: Item } type Item { name: String! onChange: String }"
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.field("Query.item") { (_: Void, _: TestContext) in Item(name: "x") }
        resolvers.object("Item", Item.self)
        XCTAssertEqual(
            bindingProblems(resolvers, sdl: sdl),
            [#"Item.onChange: no resolver, and Item's Swift type Item has no stored property "onChange""#])
        resolvers.field("Item.onChange") { (_: Item) in "set" }
        let executable = try ExecutableSchema(binding: sdl, resolvers: resolvers)
        let name = try await executable.resolve("Item.name", parent: Item(name: "x"))
        XCTAssertEqual(name as? String, "x")
    }

    func testSwiftTypesAreInferredFromResolverParents() async throws {
        var resolvers = marketplaceResolvers()
        resolvers.registrations.objects.removeAll { $0.typeName == "Listing" }
        // `Listing.provider` takes a `MarketListing`: the other fields read its properties.
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
        let title = try await executable.resolve("Listing.title", parent: MarketListing.sample)
        XCTAssertEqual(title as? String, "Wheel-thrown mug")
    }
}

class RecordBase {
    let id: String
    init(id: String) { self.id = id }
}

final class ShopRecord: RecordBase, @unchecked Sendable {
    var name: String
    var owner: OwnerRecord?
    weak var manager: OwnerRecord?
    var rating: Double? = 4.0
    var tags = ["new"]

    override init(id: String) {
        name = "Shop \(id)"
        super.init(id: id)
    }
}

final class OwnerRecord: Sendable {
    let name: String
    init(name: String) { self.name = name }
}

struct Item: Sendable {
    var name: String
    var onChange: @Sendable () -> Void = {}
}
