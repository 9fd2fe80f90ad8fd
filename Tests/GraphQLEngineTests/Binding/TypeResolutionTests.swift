import Foundation
import XCTest

@testable import GraphQLEngine

/// Interfaces and unions: the object type of a value is the one its Swift type was registered for.
final class BindingTypeResolutionTests: XCTestCase {
    private func typeName(_ executable: ExecutableSchema, _ abstract: String, _ value: Any) throws -> String? {
        guard let resolve = executable.typeResolvers[abstract], let type = executable.schema.type(named: abstract)
        else {
            XCTFail("no type resolver for \(abstract)")
            return nil
        }
        let query = try XCTUnwrap(executable.schema.queryType)
        let fixture = try InfoFixture(executable, query, query.fields[0], context: TestContext())
        defer { withExtendedLifetime(fixture) {} }
        return try resolve(value, TestContext(), fixture.info, type) as? String
    }

    func testUnionAndInterfaceMembersByTheirSwiftTypes() throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let provider = Provider(id: "p1", name: "Ada")
        XCTAssertEqual(try typeName(executable, "SearchResult", MarketListing.sample), "Listing")
        XCTAssertEqual(try typeName(executable, "SearchResult", provider), "Provider")
        XCTAssertEqual(try typeName(executable, "Node", MarketListing.sample), "Listing")
        XCTAssertEqual(try typeName(executable, "Node", provider), "Provider")
        XCTAssertEqual(try typeName(executable, "SearchResult", Optional(provider) as Any), "Provider")
        XCTAssertNil(try typeName(executable, "SearchResult", "a string"), "unregistered: the executor reports it")
    }

    func testValuesOfOtherObjectTypesGetTheirOwnNameForTheExecutorToReject() throws {
        let sdl = """
            type Query { pet: Pet owner: Owner }
            union Pet = Cat | Dog
            type Cat { name: String! }
            type Dog { name: String! }
            type Owner { name: String! }
            """
        var resolvers = SchemaResolvers<TestContext>()
        resolvers.field("Query.pet") { (_: Void, _: TestContext) -> Any in Cat(name: "Tom") }
        resolvers.field("Query.owner") { (_: Void, _: TestContext) in OwnerRecord(name: "Jon") }
        resolvers.object("Cat", Cat.self)
        resolvers.object("Dog", DogRecord.self)
        resolvers.object("Owner", OwnerRecord.self)
        let executable = try ExecutableSchema(binding: sdl, resolvers: resolvers)
        XCTAssertEqual(try typeName(executable, "Pet", Cat(name: "Tom")), "Cat")
        XCTAssertEqual(try typeName(executable, "Pet", PuppyRecord()), "Dog", "a subclass of a registered class")
        XCTAssertEqual(try typeName(executable, "Pet", OwnerRecord(name: "Jon")), "Owner")
    }

    func testExplicitTypeResolvers() throws {
        var resolvers = marketplaceResolvers()
        resolvers.typeResolver("SearchResult") { value, context in
            value is Provider ? "Provider" : context.listings.isEmpty ? nil : "Listing"
        }
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: resolvers)
        XCTAssertEqual(try typeName(executable, "SearchResult", "anything"), "Listing")
        XCTAssertEqual(try typeName(executable, "SearchResult", Provider(id: "p", name: "n")), "Provider")
    }
}

struct Cat: Sendable { var name: String }

class DogRecord: @unchecked Sendable {
    var name = "Rex"
}

final class PuppyRecord: DogRecord, @unchecked Sendable {}
