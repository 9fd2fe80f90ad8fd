import Foundation
import XCTest

@testable import GraphQLEngine

/// The binding through the real executor (scratch check, not part of the mirror).
final class BindingExecutorE2ETests: XCTestCase {
    private func run(_ query: String, _ variables: [String: InputValue] = [:]) async throws -> String {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let document = try parse(query)
        XCTAssertEqual(validate(schema: executable.schema, document: document).map(\.message), [])
        let result = await execute(schema: executable, document: document, variableValues: variables, context: TestContext())
        return String(decoding: result.json(), as: UTF8.self)
    }

    func testQueries() async throws {
        let out = try await run("""
            { listing(id: "l1") { id title status previousStatus statusHistory tags priceCents createdAt
                provider { name rating } }
              listings(filter: {categories: [SERVICE], createdAfter: "2020-01-01T00:00:00Z"}) { id }
              search(text: "x") { __typename ... on Listing { title } ... on Provider { name } }
              node(id: "p1") { __typename id }
              echo(data: {a: [1, "b"]}) }
            """)
        print(out)
        XCTAssertEqual(out, #"{"data":{"listing":{"id":"l1","title":"Wheel-thrown mug","status":"ACTIVE","previousStatus":"DRAFT","statusHistory":["DRAFT","ACTIVE"],"tags":["ceramics","kitchen"],"priceCents":2400,"createdAt":"2023-11-14T22:13:20Z","provider":{"name":"Ada's Pottery","rating":4.5}},"listings":[{"id":"l1"}],"search":[{"__typename":"Listing","title":"Wheel-thrown mug"},{"__typename":"Provider","name":"Ada's Pottery"}],"node":{"__typename":"Provider","id":"p1"},"echo":{"a":[1,"b"]}}}"#)
    }

    func testVariablesAndErrors() async throws {
        let out = try await run(
            #"query($after: DateTime) { listings(filter: {createdAfter: $after}) { id } listing(id: "zz") { id } }"#,
            ["after": "2020-01-01T00:00:00Z"])
        print(out)
        XCTAssertEqual(out, #"{"data":{"listings":[{"id":"l1"}],"listing":null}}"#)
        let bad = try await run(#"query($after: DateTime) { listings(filter: {createdAfter: $after}) { id } }"#, ["after": "soon"])
        print(bad)
        XCTAssertTrue(bad.contains("DateTime cannot represent value"))
    }

    func testSubscription() async throws {
        let executable = try ExecutableSchema(binding: marketplaceSDL, resolvers: marketplaceResolvers())
        let document = try parse(#"subscription { listingStatusChanged(listingID: "l1") }"#)
        guard case .stream(let stream) = await subscribe(schema: executable, document: document, context: TestContext()) else {
            return XCTFail("no stream")
        }
        var outs: [String] = []
        for try await result in stream { outs.append(String(decoding: result.json(), as: UTF8.self)) }
        XCTAssertEqual(outs, [#"{"data":{"listingStatusChanged":"ACTIVE"}}"#, #"{"data":{"listingStatusChanged":"SOLD_OUT"}}"#])
    }
}
