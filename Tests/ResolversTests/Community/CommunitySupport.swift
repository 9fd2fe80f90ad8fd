import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

extension GraphQLHarness {
    /// `buyer`'s order of `listing` (free, so paid at once): the order's and its item's global IDs.
    func freeOrder(of listing: String, buyer: Account, file: StaticString = #filePath, line: UInt = #line) async throws
        -> (order: String, item: String)
    {
        let added = try await run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                  ["id": .string(listing)], token: buyer.token)
        XCTAssertEqual(added.errorCodes("data.addToCart.errors"), [], file: file, line: line)
        let checkout = try await run(Self.checkoutDocument, Self.checkoutInput, token: buyer.token)
        XCTAssertEqual(checkout.errorCodes("data.checkout.errors"), [], file: file, line: line)
        let order = try XCTUnwrap(checkout.string("data.checkout.order.id"), file: file, line: line)
        let items = try await run("query($id: ID!) { order(id: $id) { items { id } } }", ["id": .string(order)], token: buyer.token)
        return (order, try XCTUnwrap(items.string("data.order.items.0.id"), file: file, line: line))
    }

    /// A COMPLETED item of `buyer`'s for `listing` (free, completed by `provider`): its global ID.
    func completedItem(of listing: String, buyer: Account, provider: Account, file: StaticString = #filePath, line: UInt = #line)
        async throws -> String
    {
        let item = try await freeOrder(of: listing, buyer: buyer, file: file, line: line).item
        let done = try await run("mutation($id: ID!) { completeOrderItem(id: $id) { errors { code } } }",
                                 ["id": .string(item)], token: provider.token)
        XCTAssertEqual(done.errorCodes("data.completeOrderItem.errors"), [], file: file, line: line)
        return item
    }

    static let createReviewDocument = """
        mutation($input: CreateReviewInput!) {
          createReview(input: $input) {
            review { id rating title body status author { firstName } listing { id } provider { id } createdAt }
            errors { field code message }
          }
        }
        """

    func createReview(item: String, rating: Int, title: String? = nil, body: String? = nil, token: String) async throws -> Response {
        try await run(Self.createReviewDocument, ["input": [
            "orderItemId": .string(item), "rating": .int(rating),
            "title": title.map { .string($0) } ?? .null, "body": body.map { .string($0) } ?? .null,
        ]], token: token)
    }
}
