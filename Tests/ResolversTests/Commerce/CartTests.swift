import Foundation
import GraphQLEngine
import XCTest

@testable import Resolvers

/// `cart`, `addToCart`, `updateCartLine` and `removeFromCart` over a real database.
final class CartTests: XCTestCase {
    static let cartFields = """
        cart {
          lines { listingId title quantity unitPrice { cents currency } lineTotal { cents } availability problem listing { id } }
          subtotal { cents currency } totalQuantity isCheckoutReady
        }
        errors { field code message }
        """

    func add(_ h: GraphQLHarness, _ id: String, _ quantity: Int? = nil, token: String?) async throws -> GraphQLHarness.Response {
        var variables: [String: InputValue] = ["id": .string(id)]
        if let quantity { variables["quantity"] = .int(quantity) }
        return try await h.run("""
            mutation($id: ID!, $quantity: Int) {
              addToCart(listingId: $id, quantity: $quantity) { \(Self.cartFields) }
            }
            """, variables, token: token)
    }

    func update(_ h: GraphQLHarness, _ id: String, _ quantity: Int, token: String?) async throws -> GraphQLHarness.Response {
        try await h.run("""
            mutation($id: ID!, $quantity: Int!) { updateCartLine(listingId: $id, quantity: $quantity) { \(Self.cartFields) } }
            """, ["id": .string(id), "quantity": .int(quantity)], token: token)
    }

    func cart(_ h: GraphQLHarness, token: String?) async throws -> GraphQLHarness.Response {
        try await h.run("{ cart { lines { listingId title quantity availability problem listing { id } } subtotal { cents currency } totalQuantity isCheckoutReady } }", token: token)
    }

    func testLinesQuantitiesAndSubtotal() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 4500], token: seller.token)
            let ticket = try await h.publishedListing("TICKET", title: "Jazz night", ["priceCents": 2000, "quantity": 3], token: seller.token)
            let ann = try await h.account("ann@example.com")

            let empty = try await cart(h, token: ann.token)
            XCTAssertEqual((empty["data.cart.lines"] as? [Any])?.count, 0)
            XCTAssertEqual(empty["data.cart.subtotal.cents"] as? Int, 0)
            XCTAssertEqual(empty.string("data.cart.subtotal.currency"), "USD")
            XCTAssertEqual(empty["data.cart.isCheckoutReady"] as? Bool, false)

            _ = try await add(h, lesson, token: ann.token)
            let again = try await add(h, lesson, 2, token: ann.token)
            XCTAssertEqual(again.errorCodes("data.addToCart.errors"), [])
            XCTAssertEqual(again["data.addToCart.cart.lines.0.quantity"] as? Int, 3)
            XCTAssertEqual(again["data.addToCart.cart.lines.0.lineTotal.cents"] as? Int, 13_500)
            let withTicket = try await add(h, ticket, 2, token: ann.token)
            XCTAssertEqual(withTicket["data.addToCart.cart.subtotal.cents"] as? Int, 17_500)
            XCTAssertEqual(withTicket["data.addToCart.cart.totalQuantity"] as? Int, 5)
            XCTAssertEqual(withTicket["data.addToCart.cart.isCheckoutReady"] as? Bool, true)
            XCTAssertEqual(withTicket.string("data.addToCart.cart.lines.1.title"), "Jazz night")
            XCTAssertEqual(withTicket.string("data.addToCart.cart.lines.1.availability"), "AVAILABLE")

            // Only 3 tickets exist: 2 in the cart, 2 more is too many.
            let tooMany = try await add(h, ticket, 2, token: ann.token)
            XCTAssertEqual(tooMany.errorCodes("data.addToCart.errors"), ["NOT_ENOUGH_QUANTITY"])
            XCTAssertEqual(tooMany.string("data.addToCart.errors.0.message"), "Only 3 left of Jazz night.")
            XCTAssertEqual(tooMany["data.addToCart.cart.lines.1.quantity"] as? Int, 2, "the cart is unchanged")

            let lowered = try await update(h, lesson, 1, token: ann.token)
            XCTAssertEqual(lowered["data.updateCartLine.cart.lines.0.quantity"] as? Int, 1)
            let raised = try await update(h, ticket, 4, token: ann.token)
            XCTAssertEqual(raised.errorCodes("data.updateCartLine.errors"), ["NOT_ENOUGH_QUANTITY"])
            let removed = try await update(h, lesson, 0, token: ann.token)
            XCTAssertEqual((removed["data.updateCartLine.cart.lines"] as? [Any])?.count, 1)
            let notThere = try await update(h, lesson, 2, token: ann.token)
            XCTAssertEqual(notThere.errorCodes("data.updateCartLine.errors"), ["NOT_IN_CART"])

            for _ in 0..<2 {
                let response = try await h.run(
                    "mutation($id: ID!) { removeFromCart(listingId: $id) { \(Self.cartFields) } }",
                    ["id": .string(ticket)], token: ann.token)
                XCTAssertEqual(response.errorCodes("data.removeFromCart.errors"), [])
                XCTAssertEqual((response["data.removeFromCart.cart.lines"] as? [Any])?.count, 0)
            }
        }
    }

    func testRefusedAdditions() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let lesson = try await h.publishedListing(token: seller.token)
            let file = try await h.upload(minimalPDF, purpose: "LISTING_FILE", contentType: "application/pdf", token: seller.token)
            let ebook = try await h.publishedListing("DIGITAL", title: "Chord book", ["fileKey": .string(file)], token: seller.token)
            let euro = try await h.publishedListing(title: "Paris lesson", ["currency": "EUR"], token: seller.token)
            let draftResponse = try await h.createListing("SERVICE", title: "Draft lesson", token: seller.token)
            let draft = try XCTUnwrap(draftResponse.string("data.createListing.listing.id"))
            let paused = try await h.publishedListing(title: "Paused lesson", token: seller.token)
            _ = try await h.statusChange("pauseListing", paused, token: seller.token)
            let ann = try await h.account("ann@example.com")

            let anonymous = try await add(h, lesson, token: nil)
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let noCart = try await cart(h, token: nil)
            XCTAssertEqual(noCart.topLevelCodes, ["UNAUTHENTICATED"])
            let hidden = try await add(h, draft, token: ann.token)
            XCTAssertEqual(hidden.topLevelCodes, ["NOT_FOUND"])
            let malformed = try await add(h, "nope", token: ann.token)
            XCTAssertEqual(malformed.topLevelCodes, ["BAD_USER_INPUT"])

            let cases: [(String, Int?, String?, String)] = [
                (lesson, 0, ann.token, "INVALID_INPUT"),
                (lesson, 101, ann.token, "INVALID_INPUT"),
                (lesson, -1, ann.token, "INVALID_INPUT"),
                (ebook, 2, ann.token, "INVALID_INPUT"),
                (paused, nil, ann.token, "LISTING_UNAVAILABLE"),
                (lesson, nil, seller.token, "OWN_LISTING"),
            ]
            for (id, quantity, token, code) in cases {
                let response = try await add(h, id, quantity, token: token)
                XCTAssertEqual(response.errorCodes("data.addToCart.errors"), [code], "\(quantity.map(String.init) ?? "default") → \(code)")
            }
            _ = try await add(h, ebook, token: ann.token)
            let secondCopy = try await add(h, ebook, token: ann.token)
            XCTAssertEqual(secondCopy.errorCodes("data.addToCart.errors"), ["INVALID_INPUT"])
            let otherCurrency = try await add(h, euro, token: ann.token)
            XCTAssertEqual(otherCurrency.errorCodes("data.addToCart.errors"), ["CURRENCY_MISMATCH"])
            let final = try await cart(h, token: ann.token)
            XCTAssertEqual((final["data.cart.lines"] as? [Any])?.count, 1)
            XCTAssertEqual(final["data.cart.totalQuantity"] as? Int, 1)
        }
    }

    /// Listings change after they are added: the cart shows why a line cannot be bought,
    /// and is not ready for checkout until the line is fixed.
    func testLinesThatBecameUnavailable() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let lesson = try await h.publishedListing(title: "Guitar lesson", token: seller.token)
            let gone = try await h.publishedListing(title: "Drum lesson", token: seller.token)
            let ticket = try await h.publishedListing("TICKET", title: "Jazz night", ["quantity": 5], token: seller.token)
            let ann = try await h.account("ann@example.com")
            for (id, quantity) in [(lesson, 1), (gone, 1), (ticket, 4)] {
                let response = try await add(h, id, quantity, token: ann.token)
                XCTAssertEqual(response.errorCodes("data.addToCart.errors"), [])
            }
            _ = try await h.statusChange("pauseListing", lesson, token: seller.token)
            _ = try await h.deleteListing(gone, token: seller.token)
            let ticketID = try XCTUnwrap(GlobalID(decoding: ticket)?.id)
            try await h.sql("UPDATE marketplace.listings SET quantity = 2 WHERE id = \(ticketID)")

            let response = try await cart(h, token: ann.token)
            let lines = try XCTUnwrap(response["data.cart.lines"] as? [[String: Any]])
            XCTAssertEqual(lines.map { $0["availability"] as? String }, ["UNAVAILABLE", "REMOVED", "NOT_ENOUGH_QUANTITY"])
            XCTAssertEqual(lines.map { $0["problem"] as? String }, [
                "This listing is not for sale right now.", "The provider removed this listing.", "Only 2 left.",
            ])
            XCTAssertNotNil(lines[0]["listing"] as? [String: Any])
            XCTAssertTrue(lines[1]["listing"] is NSNull, "a deleted listing is not shown")
            XCTAssertEqual(lines[1]["listingId"] as? String, gone)
            XCTAssertEqual(lines[1]["title"] as? String, "Drum lesson")
            XCTAssertEqual(response["data.cart.isCheckoutReady"] as? Bool, false)

            try await h.sql("UPDATE marketplace.listings SET status = 'sold_out' WHERE id = \(ticketID)")
            let soldOut = try await cart(h, token: ann.token)
            XCTAssertEqual(soldOut.string("data.cart.lines.2.availability"), "SOLD_OUT")
            try await h.sql("UPDATE marketplace.listings SET status = 'active' WHERE id = \(ticketID)")

            // Fixing every line makes the cart ready again.
            _ = try await update(h, ticket, 2, token: ann.token)
            _ = try await update(h, gone, 0, token: ann.token)
            _ = try await h.statusChange("publishListing", lesson, token: seller.token)
            let fixed = try await cart(h, token: ann.token)
            XCTAssertEqual(fixed["data.cart.isCheckoutReady"] as? Bool, true)
            XCTAssertEqual((fixed["data.cart.lines"] as? [Any])?.count, 2)
        }
    }

    func testConcurrentAdditionsToOneLineAllCount() async throws {
        try await GraphQLHarness.with { h in
            let seller = try await h.account("seller@example.com", provider: "Ada's Music")
            let lesson = try await h.publishedListing(token: seller.token)
            let ann = try await h.account("ann@example.com")
            let token = ann.token
            let document = "mutation($id: ID!) { addToCart(listingId: $id, quantity: 3) { errors { code } } }"
            try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await h.run(document, ["id": .string(lesson)], token: token).errorCodes("data.addToCart.errors")
                    }
                }
                for try await codes in group { XCTAssertEqual(codes, []) }
            }
            let response = try await cart(h, token: ann.token)
            XCTAssertEqual(response["data.cart.lines.0.quantity"] as? Int, 30)
        }
    }

    func testOnlyTheUserAndAdminsSeeACart() async throws {
        try await GraphQLHarness.with { h in
            let ann = try await h.account("ann@example.com")
            let bob = try await h.account("bob@example.com")
            let admin = try await h.account("admin@example.com", admin: true)
            let query = "query($id: ID!) { node(id: $id) { ... on User { cart { totalQuantity } } } }"
            let byBob = try await h.run(query, ["id": .string(ann.id)], token: bob.token)
            XCTAssertEqual(byBob.topLevelCodes, ["FORBIDDEN"])
            let anonymous = try await h.run(query, ["id": .string(ann.id)])
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            for token in [ann.token, admin.token] {
                let response = try await h.run(query, ["id": .string(ann.id)], token: token)
                XCTAssertEqual(response["data.node.cart.totalQuantity"] as? Int, 0)
            }
            // The cart query is one statement after the session's.
            let me = try await cart(h, token: ann.token)
            XCTAssertEqual(me.statements, 2)
        }
    }
}
