import Foundation
import XCTest

@testable import GraphQLEngine

/// The check at bind time: every problem between the schema and the resolvers, in one error.
final class BindingCheckTests: XCTestCase {
    private struct DraftListing: Sendable {
        var id: String
        var title: String
        var status: ListingStatus
        var previousStatus: ListingStatus?
        var statusHistory: [ListingStatus]
        var tags: [String]
        var price: Int
        var createdAt: Date
    }

    private enum LegacyStatus: String, CaseIterable, Sendable {
        case draft = "DRAFT"
        case active = "ACTIVE"
        case archived = "ARCHIVED"
        case soldout = "SOLDOUT"
    }

    func testEveryProblemIsReportedOnceSortedWithWhatToDo() throws {
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.passThroughScalar("JSON")
        resolvers.scalar("Mony", Int.self, serialize: { String($0) }, parseValue: { _ in 0 })
        resolvers.object("Listing", DraftListing.self) { listing in
            listing.field("provider") { _, context in context.providers["p1"] }
            listing.field("status") { _ in LegacyStatus.archived }
        }
        resolvers.object("SearchResult", DraftListing.self)
        resolvers.fields(of: "Query") { query in
            query.field("lisitng") { (_, args: IDArgs, context) in context.listings[args.id] }
            query.field("search") { _ in [Any]() }
            query.field("search") { _ in [Any]() }
            query.field("node") { _ in Any?.none }
            query.field("echo") { _ in InputValue.null }
        }
        resolvers.field("Lisitng.title") { (listing: DraftListing) in listing.title }
        resolvers.field("Category.SERVICE") { (_: Void) in "" }
        resolvers.field("Query") { (_: Void) in "" }
        resolvers.subscription("Query.node") { (_: TestContext) in AsyncStream<Int> { $0.finish() } }
        resolvers.subscription("Subscription.listingStatusChanged") { (_: ListingIDArgs, _: TestContext) in
            AsyncStream<ListingStatus> { $0.finish() }
        }
        resolvers.typeResolver("Listing") { _, _ in nil }

        let problems = bindingProblems(resolvers)
        let expected = [
            #""Query": registered, but a field coordinate is written "Type.field""#,
            #"Category.SERVICE: registered, but Category is an enum (only fields of object types and interfaces take resolvers)"#,
            #"DateTime: custom scalar without an implementation (register scalar("DateTime", ...) or passThroughScalar("DateTime"))"#,
            #"Lisitng.title: registered, but the schema has no type "Lisitng" (did you mean "Listing"?)"#,
            #"Listing.priceCents: no resolver, and Listing's Swift type DraftListing has no stored property "priceCents" (did you mean property "price"?)"#,
            #"Listing.status: the Swift enum LegacyStatus has raw values that are not values of the enum ListingStatus: "ARCHIVED" (did you mean "ACTIVE"?), "SOLDOUT" (did you mean "SOLD_OUT"?)"#,
            #"Listing: type resolver registered, but Listing is an object type (only interfaces and unions take one)"#,
            #"Mony: scalar registered, but the schema has no type "Mony""#,
            #"Node: its possible type Provider has no Swift type to recognize its values by (register object("Provider", <Swift type>.self) or typeResolver("Node"))"#,
            #"Provider.id: no resolver, and Provider has no Swift type (register object("Provider", <Swift type>.self) or a resolver)"#,
            #"Provider.name: no resolver, and Provider has no Swift type (register object("Provider", <Swift type>.self) or a resolver)"#,
            #"Provider.rating: no resolver, and Provider has no Swift type (register object("Provider", <Swift type>.self) or a resolver)"#,
            #"Query.listing: no resolver (root fields need one: field("Query.listing") { ... })"#,
            #"Query.listings: no resolver (root fields need one: field("Query.listings") { ... })"#,
            #"Query.lisitng: registered, but the schema has no such field (did you mean "listing" or "listings"?)"#,
            #"Query.node: registered as a subscription, but Query is not the subscription type (the subscription type is Subscription); register its resolver with field("Query.node") { ... }"#,
            #"Query.search: registered 2 times (keep one resolver)"#,
            #"SearchResult: its possible type Provider has no Swift type to recognize its values by (register object("Provider", <Swift type>.self) or typeResolver("SearchResult"))"#,
            #"SearchResult: registered as the object type of DraftListing, but SearchResult is a union (register Swift types for its possible types)"#,
            #"Subscription.listingUpdated: no source stream (register subscription("Subscription.listingUpdated") { args, context in ... })"#,
        ]
        XCTAssertEqual(problems, expected.sorted())
        for (actual, wanted) in zip(problems, expected.sorted()) where actual != wanted {
            XCTFail("\n  got:  \(actual)\n  want: \(wanted)")
        }
    }

    func testTheErrorPrintsOneProblemPerLine() {
        var resolvers = marketplaceResolvers()
        resolvers.field("Query.lisitng") { (_: Void) in 1 }
        resolvers.field("Listing.rating") { (listing: MarketListing) in listing.priceCents }
        do {
            _ = try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
            XCTFail("binding succeeded")
        } catch {
            XCTAssertEqual(
                String(describing: error),
                """
                Listing.rating: registered, but the schema has no such field
                Query.lisitng: registered, but the schema has no such field (did you mean "listing" or "listings"?)
                """)
        }
    }

    func testSwiftTypeConflictsAndAmbiguities() {
        let sdl = """
            type Query { feed: [FeedItem!]! }
            union FeedItem = Post | Ad | Note
            type Post { title: String! }
            type Ad { title: String! }
            type Note { title: String! body: String! }
            """
        struct Titled: Sendable { var title: String }
        struct Other: Sendable { var title: String }
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.field("Query.feed") { (_: Void) in [Titled]() }
        resolvers.object("Post", Titled.self)
        resolvers.object("Ad", Titled.self)
        resolvers.object("Note", Titled.self)
        resolvers.object("Note", Other.self)
        resolvers.field("Note.body") { (note: Other) in note.title }
        XCTAssertEqual(
            bindingProblems(resolvers, sdl: sdl),
            [
                "FeedItem: its possible types Ad and Post share the Swift type Titled, so their values cannot be told "
                    + #"apart (use distinct Swift types or typeResolver("FeedItem"))"#,
                "FeedItem: its possible types Note and Post share the Swift type Titled, so their values cannot be told "
                    + #"apart (use distinct Swift types or typeResolver("FeedItem"))"#,
                "Note: registered as the object type of both Other and Titled",
            ])

        var inferred = SchemaResolvers<TestContext>()
        inferred.field("Query.feed") { (_: Void) in [Titled]() }
        inferred.typeResolver("FeedItem") { _, _ in "Post" }
        inferred.field("Note.title") { (note: Titled) in note.title }
        inferred.field("Note.body") { (note: Other) in note.title }
        inferred.object("Post", Titled.self)
        inferred.object("Ad", Titled.self)
        XCTAssertEqual(
            bindingProblems(inferred, sdl: sdl),
            [
                #"Note: its resolvers take parents of different Swift types (Other, Titled); declare its own with object("Note", <Swift type>.self)"#
            ])
    }

    func testInterfaceFieldResolversApplyToImplementations() async throws {
        var resolvers = marketplaceResolvers()
        resolvers.field("Node.id") { (node: Any) in
            "node:" + ((node as? Provider)?.id ?? (node as? MarketListing)?.id ?? "?")
        }
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
        let providerID = try await executable.resolve("Provider.id", parent: Provider(id: "p1", name: "Ada"))
        XCTAssertEqual(providerID as? String, "node:p1")
        let listingID = try await executable.resolve("Listing.id", parent: MarketListing.sample)
        XCTAssertEqual(listingID as? String, "node:l1")
    }

    func testScalarProblems() {
        let sdl = "scalar Date scalar DateTime type Query { today: Date now: DateTime }"
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.field("Query.today") { (_: Void) in Date() }
        resolvers.field("Query.now") { (_: Void) in Date() }
        resolvers.scalar("Date", Date.self, serialize: iso8601, parseValue: parseISO8601)
        resolvers.scalar("DateTime", Date.self, serialize: iso8601, parseValue: parseISO8601)
        resolvers.scalar("ID", String.self, serialize: { $0 }, parseValue: { _ in "" })
        resolvers.passThroughScalar("Date")
        resolvers.passThroughScalar("Query")
        XCTAssertEqual(
            bindingProblems(resolvers, sdl: sdl),
            [
                "Date, DateTime: these scalars are all bound to the Swift type Date, so arguments cannot tell which one "
                    + "to parse (bind each to a type of its own)",
                "Date: registered both as a bound scalar and as a pass-through one (keep one)",
                "ID: scalar registered, but ID is a built-in scalar, which the engine implements",
                "Query: registered as a pass-through scalar, but Query is an object type",
            ])
    }

    func testInvalidSDLIsASchemaError() {
        XCTAssertThrowsError(
            try ExecutableSchema(binding: "type Query { a: Missing }", resolvers: SchemaResolvers<TestContext>())
        ) {
            XCTAssertEqual(($0 as? SchemaError)?.message, #"Unknown type "Missing"."#)
        }
    }
}
