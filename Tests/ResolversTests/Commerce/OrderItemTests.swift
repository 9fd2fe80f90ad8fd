import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// `startOrderItem` and `completeOrderItem`: the provider moves its paid items along, and
/// the order follows.
final class OrderItemTests: XCTestCase {
    static func step(_ mutation: String) -> String {
        """
        mutation($id: ID!) { \(mutation)(id: $id) { orderItem { id status completedAt } errors { code message } } }
        """
    }

    func testProvidersMoveTheirItemsAndTheOrderFollows() async throws {
        try await GraphQLHarness.with { h in
            let o = try await RefundTests.paidOrder(h)
            let order = try await h.run("query($id: ID!) { order(id: $id) { items { id title } } }",
                                        ["id": .string(o.order)], token: o.buyer.token)
            let items = try XCTUnwrap(order["data.order.items"] as? [[String: Any]])
            let lesson = try XCTUnwrap(items.first { $0["title"] as? String == "Guitar lesson" }?["id"] as? String)
            let show = try XCTUnwrap(items.first { $0["title"] as? String == "Jazz night" }?["id"] as? String)

            // Only the item's provider. Bob sells in the same order, but sees only his own items.
            let byBob = try await h.run(Self.step("startOrderItem"), ["id": .string(lesson)], token: o.bob.token)
            XCTAssertEqual(byBob.topLevelCodes, ["NOT_FOUND"])
            let byBuyer = try await h.run(Self.step("startOrderItem"), ["id": .string(lesson)], token: o.buyer.token)
            XCTAssertEqual(byBuyer.topLevelCodes, ["FORBIDDEN"])
            let stranger = try await h.account("stranger@example.com")
            let byStranger = try await h.run(Self.step("startOrderItem"), ["id": .string(lesson)], token: stranger.token)
            XCTAssertEqual(byStranger.topLevelCodes, ["NOT_FOUND"])

            let started = try await h.run(Self.step("startOrderItem"), ["id": .string(lesson)], token: o.ada.token)
            XCTAssertEqual(started.string("data.startOrderItem.orderItem.status"), "IN_PROGRESS")
            try await expectEqual(try await h.orderStatus(o.id), "in_progress")
            let twice = try await h.run(Self.step("startOrderItem"), ["id": .string(lesson)], token: o.ada.token)
            XCTAssertEqual(twice.errorCodes("data.startOrderItem.errors"), ["INVALID_STATUS"])

            let done = try await h.run(Self.step("completeOrderItem"), ["id": .string(lesson)], token: o.ada.token)
            XCTAssertEqual(done.string("data.completeOrderItem.orderItem.status"), "COMPLETED")
            XCTAssertNotNil(done["data.completeOrderItem.orderItem.completedAt"])
            try await expectEqual(try await h.orderStatus(o.id), "in_progress", "Bob's item is still to do")
            // Straight from PAID to COMPLETED is allowed.
            let shown = try await h.run(Self.step("completeOrderItem"), ["id": .string(show)], token: o.bob.token)
            XCTAssertEqual(shown.string("data.completeOrderItem.orderItem.status"), "COMPLETED")
            try await expectEqual(try await h.orderStatus(o.id), "completed")
            let again = try await h.run(Self.step("completeOrderItem"), ["id": .string(show)], token: o.bob.token)
            XCTAssertEqual(again.errorCodes("data.completeOrderItem.errors"), ["INVALID_STATUS"])

            let dashboard = try await h.run("{ me { provider { dashboard { completedOrders totalRevenue { cents } } } } }",
                                            token: o.ada.token)
            XCTAssertEqual(dashboard["data.me.provider.dashboard.completedOrders"] as? Int, 1)
            XCTAssertEqual(dashboard["data.me.provider.dashboard.totalRevenue.cents"] as? Int, 9000)
            let node = try await h.run("query($id: ID!) { node(id: $id) { ... on OrderItem { status } } }",
                                       ["id": .string(show)], token: o.buyer.token)
            XCTAssertEqual(node.string("data.node.status"), "COMPLETED")
            let events = try await h.sql("""
                SELECT payload->>'status' FROM marketplace.events WHERE type = 'ORDER_STATUS_CHANGED' ORDER BY id
                """)
            XCTAssertEqual(try events.map { try $0.decode(String.self) }, ["IN_PROGRESS", "COMPLETED"])
            let audit = try await h.sql("""
                SELECT action FROM marketplace.audit_log WHERE entity_type = 'order_item' ORDER BY id
                """)
            XCTAssertEqual(try audit.map { try $0.decode(String.self) },
                           ["ORDER_ITEM_STARTED", "ORDER_ITEM_COMPLETED", "ORDER_ITEM_COMPLETED"])
        }
    }

    func testUnpaidItemsCannotMove() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.onboardedSeller("ada@example.com", "Ada's Music")
            let lesson = try await h.publishedListing(title: "Guitar lesson", token: ada.token)
            let buyer = try await h.account("buyer@example.com")
            _ = try await h.run("mutation($id: ID!) { addToCart(listingId: $id) { errors { code } } }",
                                ["id": .string(lesson)], token: buyer.token)
            let response = try await h.run(GraphQLHarness.checkoutDocument, GraphQLHarness.checkoutInput, token: buyer.token)
            let order = try XCTUnwrap(response.string("data.checkout.order.id"))
            let items = try await h.run("query($id: ID!) { order(id: $id) { items { id } } }", ["id": .string(order)], token: buyer.token)
            let item = try XCTUnwrap((items["data.order.items"] as? [[String: Any]])?.first?["id"] as? String)
            for mutation in ["startOrderItem", "completeOrderItem"] {
                let refused = try await h.run(Self.step(mutation), ["id": .string(item)], token: ada.token)
                XCTAssertEqual(refused.errorCodes("data.\(mutation).errors"), ["INVALID_STATUS"], mutation)
            }
        }
    }
}
