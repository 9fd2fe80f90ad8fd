import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// Unpaid orders ending: `cancelOrder`, the sweeper, short holds; and who sees an order.
final class OrderLifecycleTests: XCTestCase {
    static let cancel = """
        mutation($id: ID!, $reason: String) {
          cancelOrder(id: $id, reason: $reason) { order { status checkoutUrl items { status } } errors { code message } }
        }
        """

    /// A buyer's order of 2 of a provider's 3 tickets; the order's global ID and UUID.
    func ticketOrder(_ h: GraphQLHarness, buyer email: String = "buyer@example.com")
        async throws -> (buyer: GraphQLHarness.Account, seller: GraphQLHarness.Account, order: String, id: UUID, ticket: String)
    {
        let seller = try await h.onboardedSeller("seller-\(email)", "Tickets for \(email)")
        let ticket = try await h.publishedListing("TICKET", title: "Show for \(email)", ["quantity": 3], token: seller.token)
        let buyer = try await h.account(email)
        _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id, quantity: 2) { errors { code } } }",
                            ["id": .string(ticket)], token: buyer.token)
        let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
        XCTAssertEqual(response.errorCodes("data.checkout.errors"), [])
        let order = try XCTUnwrap(response.string("data.checkout.order.id"))
        return (buyer, seller, order, try XCTUnwrap(GlobalID(decoding: order)?.id), ticket)
    }

    func sessionStatus(_ h: GraphQLHarness, _ orderID: UUID) async throws -> String? {
        let rows = try await h.sql("SELECT stripe_checkout_session_id FROM marketplace.orders WHERE id = \(orderID)")
        let session = try XCTUnwrap(try rows.first?.decode(String?.self))
        return try await h.localStripe("GET", "/v1/checkout/sessions/\(session)")["status"] as? String
    }

    func available(_ h: GraphQLHarness, _ listing: String) async throws -> Int? {
        let response = try await h.run("query($id: ID!) { listing(id: $id) { quantityAvailable } }", ["id": .string(listing)])
        return response["data.listing.quantityAvailable"] as? Int
    }

    func testTheBuyerCancelsBeforePaying() async throws {
        try await GraphQLHarness.with { h in
            let o = try await ticketOrder(h)
            try await expectEqual(try await available(h, o.ticket), 1)
            let stranger = try await h.account("stranger@example.com")
            let byStranger = try await h.run(Self.cancel, ["id": .string(o.order)], token: stranger.token)
            XCTAssertEqual(byStranger.topLevelCodes, ["NOT_FOUND"])
            let bySeller = try await h.run(Self.cancel, ["id": .string(o.order)], token: o.seller.token)
            XCTAssertEqual(bySeller.topLevelCodes, ["FORBIDDEN"])
            let anonymous = try await h.run(Self.cancel, ["id": .string(o.order)])
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let tooLong = try await h.run(
                Self.cancel, ["id": .string(o.order), "reason": .string(String(repeating: "x", count: 501))], token: o.buyer.token)
            XCTAssertEqual(tooLong.errorCodes("data.cancelOrder.errors"), ["INVALID_INPUT"])
            try await expectEqual(try await h.orderStatus(o.id), "awaiting_payment")

            let cancelled = try await h.run(
                Self.cancel, ["id": .string(o.order), "reason": "Changed my mind"], token: o.buyer.token)
            XCTAssertEqual(cancelled.errorCodes("data.cancelOrder.errors"), [])
            XCTAssertEqual(cancelled.string("data.cancelOrder.order.status"), "CANCELLED")
            XCTAssertNil(cancelled["data.cancelOrder.order.checkoutUrl"])
            XCTAssertEqual((cancelled["data.cancelOrder.order.items"] as? [[String: Any]])?.first?["status"] as? String, "CANCELLED")
            try await expectEqual(try await available(h, o.ticket), 3)
            try await expectEqual(try await sessionStatus(h, o.id), "expired")
            let reason = try await h.sql("SELECT cancel_reason FROM marketplace.orders")
            XCTAssertEqual(try reason[0].decode(String?.self), "Changed my mind")
            let again = try await h.run(Self.cancel, ["id": .string(o.order)], token: o.buyer.token)
            XCTAssertEqual(again.errorCodes("data.cancelOrder.errors"), ["INVALID_STATUS"])
            let audit = try await h.sql("SELECT action, after->>'reason' FROM marketplace.audit_log WHERE entity_id = \(o.id)")
            XCTAssertEqual(audit.count, 1)
            let (action, recorded) = try audit[0].decode((String, String?).self)
            XCTAssertEqual([action, recorded], ["ORDER_CANCELLED", "Changed my mind"])
        }
    }

    /// Paid at Stripe, its webhook not yet here: the order cannot be cancelled any more.
    func testAnOrderPaidAtStripeCannotBeCancelled() async throws {
        try await GraphQLHarness.with { h in
            let o = try await ticketOrder(h)
            let rows = try await h.sql("SELECT stripe_checkout_session_id FROM marketplace.orders")
            let session = try XCTUnwrap(try rows[0].decode(String?.self))
            try await h.localStripe("POST", "/_test/checkout/sessions/\(session)/complete")
            let response = try await h.run(Self.cancel, ["id": .string(o.order)], token: o.buyer.token)
            XCTAssertEqual(response.errorCodes("data.cancelOrder.errors"), ["INVALID_STATUS"])
            try await expectEqual(try await h.orderStatus(o.id), "awaiting_payment")
        }
    }

    /// The sweeper expires orders past their hold, once, however many sweepers run.
    func testTheSweeperExpiresOverdueOrdersOnce() async throws {
        try await GraphQLHarness.with { h in
            let overdue = try await ticketOrder(h, buyer: "late@example.com")
            let current = try await ticketOrder(h, buyer: "early@example.com")
            try await h.sql("UPDATE marketplace.orders SET expires_at = now() - interval '1 second' WHERE id = \(overdue.id)")
            try await h.sql("UPDATE marketplace.reservations SET expires_at = now() - interval '1 second'")
            let sweepers = (0..<4).map { _ in OrderSweeper(services: h.services) }
            let ended = try await withThrowingTaskGroup(of: Int.self) { group in
                for sweeper in sweepers { group.addTask { try await sweeper.sweep() } }
                return try await group.reduce(0, +)
            }
            XCTAssertEqual(ended, 1)
            try await expectEqual(try await h.orderStatus(overdue.id), "expired")
            try await expectEqual(try await h.orderStatus(current.id), "awaiting_payment")
            try await expectEqual(try await sessionStatus(h, overdue.id), "expired")
            try await expectEqual(try await available(h, overdue.ticket), 3)
            for table in ["events WHERE type", "audit_log WHERE action"] {
                let rows = try await h.sql(PostgresQuery(
                    unsafeSQL: "SELECT count(*)::int FROM marketplace.\(table) = 'ORDER_EXPIRED'"))
                XCTAssertEqual(try rows[0].decode(Int.self), 1, table)
            }
        }
    }

    /// A hold shorter than Stripe's 30-minute minimum: the session lasts 30 minutes, the
    /// order its hold, and the sweeper expires the session when the hold ends.
    func testHoldsShorterThanStripesMinimum() async throws {
        try await GraphQLHarness.with(commerce: CommerceConfiguration(holdMinutes: 5)) { h in
            let before = Date()
            let o = try await ticketOrder(h)
            let rows = try await h.sql("SELECT expires_at, stripe_checkout_session_id FROM marketplace.orders")
            let (expiresAt, session) = try rows[0].decode((Date, String?).self)
            XCTAssertEqual(expiresAt.timeIntervalSince(before), 5 * 60 + 5, accuracy: 3)
            let stripeSession = try await h.stripe.retrieveCheckoutSession(try XCTUnwrap(session))
            let sessionEnd = Date(timeIntervalSince1970: TimeInterval(try XCTUnwrap(stripeSession.expiresAt)))
            XCTAssertEqual(sessionEnd.timeIntervalSince(before), 30 * 60 + 5, accuracy: 3)
            try await h.sql("UPDATE marketplace.orders SET expires_at = now() - interval '1 second'")
            try await h.sql("UPDATE marketplace.reservations SET expires_at = now() - interval '1 second'")
            try await expectEqual(try await OrderSweeper(services: h.services).sweep(), 1)
            try await expectEqual(try await sessionStatus(h, o.id), "expired")
        }
    }

    /// The buyer sees their orders whole; a provider sees its own items and invoices of
    /// each; nobody else sees them.
    func testWhoSeesAnOrder() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.onboardedSeller("ada@example.com", "Ada's Music")
            let bob = try await h.onboardedSeller("bob@example.com", "Bob's Tickets")
            let lesson = try await h.publishedListing(title: "Guitar lesson", token: ada.token)
            let show = try await h.publishedListing("TICKET", title: "Jazz night", ["quantity": 9], token: bob.token)
            let buyer = try await h.account("buyer@example.com")
            var orders: [String] = []
            for listing in [lesson, show, lesson] {
                _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                    ["id": .string(listing)], token: buyer.token)
                if listing == show {
                    _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                        ["id": .string(lesson)], token: buyer.token)
                }
                let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
                orders.append(try XCTUnwrap(response.string("data.checkout.order.id")))
            }
            let mine = try await h.run("{ myOrders(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }", token: buyer.token)
            XCTAssertEqual(mine["data.myOrders.totalCount"] as? Int, 3)
            XCTAssertEqual((mine["data.myOrders.nodes"] as? [[String: Any]])?.compactMap { $0["id"] as? String },
                           [orders[2], orders[1]])
            XCTAssertEqual(mine["data.myOrders.pageInfo.hasNextPage"] as? Bool, true)
            let rest = try await h.run(
                "query($after: String) { myOrders(first: 2, after: $after) { pageInfo { hasNextPage } nodes { id } } }",
                ["after": .string(mine.string("data.myOrders.pageInfo.endCursor") ?? "")], token: buyer.token)
            XCTAssertEqual((rest["data.myOrders.nodes"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, [orders[0]])
            XCTAssertEqual(rest["data.myOrders.pageInfo.hasNextPage"] as? Bool, false)
            let sales = try await h.run("{ providerOrders { totalCount nodes { id items { title } invoices { total { cents } } } } }",
                                        token: bob.token)
            XCTAssertEqual(sales["data.providerOrders.totalCount"] as? Int, 1)
            let sold = try XCTUnwrap((sales["data.providerOrders.nodes"] as? [[String: Any]])?.first)
            XCTAssertEqual((sold["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String }, ["Jazz night"])
            XCTAssertEqual((sold["invoices"] as? [Any])?.count, 1)
            let whole = try await h.run("query($id: ID!) { order(id: $id) { items { title } invoices { number } } }",
                                        ["id": .string(orders[1])], token: buyer.token)
            XCTAssertEqual((whole["data.order.items"] as? [Any])?.count, 2)
            let stranger = try await h.account("stranger@example.com")
            let hidden = try await h.run("query($id: ID!) { order(id: $id) { id } node(id: $id) { id } }",
                                         ["id": .string(orders[1])], token: stranger.token)
            XCTAssertNil(hidden["data.order"])
            XCTAssertNil(hidden["data.node"])
            let notProvider = try await h.run("{ providerOrders { totalCount } }", token: buyer.token)
            XCTAssertEqual(notProvider.topLevelCodes, ["FORBIDDEN"])
            let anonymous = try await h.run("{ myOrders { totalCount } }")
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
        }
    }
}
