import Foundation
import GraphQLEngine
import PostgresNIO
import XCTest

@testable import Resolvers

/// Messaging: threads between a buyer and a provider, their messages, read state, and who
/// may see them.
final class MessagingTests: XCTestCase {
    static let start = """
        mutation($input: StartThreadInput!) {
          startThread(input: $input) {
            thread { id subject unreadCount participants { firstName } listing { id } order { id } messages { totalCount nodes { body sender { firstName } } } }
            errors { field code message }
          }
        }
        """
    static let send = """
        mutation($id: ID!, $body: String!) { sendMessage(threadId: $id, body: $body) { message { id body sender { firstName } thread { id } } errors { field code message } } }
        """
    static let threads = """
        { threads { totalCount nodes { id subject lastMessageAt unreadCount messages(first: 1) { nodes { body } } } } }
        """

    func testAConversationBetweenABuyerAndAProvider() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.account("ada@example.com", provider: "Ada's Music")
            let me = try await h.run("{ me { provider { id } } }", token: ada.token)
            let adaProvider = try XCTUnwrap(me.string("data.me.provider.id"))
            let lesson = try await h.publishedListing(title: "Guitar lesson", ["priceCents": 0], token: ada.token)
            let buyer = try await h.account("buyer@example.com")
            let stranger = try await h.account("stranger@example.com")

            // The rules of the input.
            func start(_ input: InputValue, _ token: String?) async throws -> GraphQLHarness.Response {
                try await h.run(Self.start, ["input": input], token: token)
            }
            let empty = try await start(["providerId": .string(adaProvider), "body": "  "], buyer.token)
            XCTAssertEqual(empty.errorCodes("data.startThread.errors"), ["INVALID_INPUT"])
            let long = try await start(["providerId": .string(adaProvider), "body": .string(String(repeating: "a", count: 4001))], buyer.token)
            XCTAssertEqual(long.errorCodes("data.startThread.errors"), ["INVALID_INPUT"])
            let own = try await start(["providerId": .string(adaProvider), "body": "Hello me"], ada.token)
            XCTAssertEqual(own.errorCodes("data.startThread.errors"), ["INVALID_INPUT"])
            let anonymous = try await start(["providerId": .string(adaProvider), "body": "Hi"], nil)
            XCTAssertEqual(anonymous.topLevelCodes, ["UNAUTHENTICATED"])
            let strangersOrder = try await h.freeOrder(of: lesson, buyer: stranger).order
            let notMine = try await start(["providerId": .string(adaProvider), "orderId": .string(strangersOrder), "body": "Hi"], buyer.token)
            XCTAssertEqual(notMine.errorCodes("data.startThread.errors"), ["INVALID_INPUT"])
            let both = try await start(["providerId": .string(adaProvider), "listingId": .string(lesson),
                                        "orderId": .string(strangersOrder), "body": "Hi"], buyer.token)
            XCTAssertEqual(both.errorCodes("data.startThread.errors"), ["INVALID_INPUT"])

            // About a listing; asking again about it continues the same thread.
            let first = try await start(["providerId": .string(adaProvider), "listingId": .string(lesson), "body": "Do you teach left-handed?"], buyer.token)
            XCTAssertEqual(first.errorCodes("data.startThread.errors"), [])
            let thread = try XCTUnwrap(first.string("data.startThread.thread.id"))
            XCTAssertEqual(first.string("data.startThread.thread.subject"), "Guitar lesson")
            XCTAssertEqual((first["data.startThread.thread.participants"] as? [[String: Any]])?.count, 2)
            XCTAssertEqual(first["data.startThread.thread.unreadCount"] as? Int, 0, "your own messages are read")
            let again = try await start(["providerId": .string(adaProvider), "listingId": .string(lesson), "body": "And on Sundays?"], buyer.token)
            XCTAssertEqual(again.string("data.startThread.thread.id"), thread)
            XCTAssertEqual(again["data.startThread.thread.messages.totalCount"] as? Int, 2)
            XCTAssertEqual(again.string("data.startThread.thread.messages.nodes.0.body"), "And on Sundays?", "newest first")
            // A general thread is another subject.
            let general = try await start(["providerId": .string(adaProvider), "body": "Do you sell gift cards?"], buyer.token)
            XCTAssertNotEqual(general.string("data.startThread.thread.id"), thread)
            XCTAssertEqual(general.string("data.startThread.thread.subject"), "General enquiry")
            // About the buyer's own order with the provider.
            let order = try await h.freeOrder(of: lesson, buyer: buyer).order
            let aboutOrder = try await start(["providerId": .string(adaProvider), "orderId": .string(order), "body": "When?"], buyer.token)
            XCTAssertEqual(aboutOrder.string("data.startThread.thread.order.id"), order)
            XCTAssertTrue(aboutOrder.string("data.startThread.thread.subject")?.hasPrefix("Order MP-") ?? false)

            // The provider's side: three threads, the listing one with two unread.
            var adaThreads = try await h.run(Self.threads, token: ada.token)
            XCTAssertEqual(adaThreads["data.threads.totalCount"] as? Int, 3)
            let listed = try XCTUnwrap(adaThreads["data.threads.nodes"] as? [[String: Any]])
            XCTAssertEqual(listed.map { $0["subject"] as? String }.last, "Guitar lesson", "least recent activity last")
            XCTAssertEqual(listed.last?["unreadCount"] as? Int, 2)

            let reply = try await h.run(Self.send, ["id": .string(thread), "body": "Yes, both!"], token: ada.token)
            XCTAssertEqual(reply.errorCodes("data.sendMessage.errors"), [])
            XCTAssertEqual(reply.string("data.sendMessage.message.thread.id"), thread)
            adaThreads = try await h.run(Self.threads, token: ada.token)
            XCTAssertEqual(adaThreads.string("data.threads.nodes.0.id"), thread, "the reply makes it the most recent")
            XCTAssertEqual(adaThreads["data.threads.nodes.0.unreadCount"] as? Int, 0, "replying reads the thread")
            let buyerThreads = try await h.run(Self.threads, token: buyer.token)
            XCTAssertEqual(buyerThreads["data.threads.nodes.0.unreadCount"] as? Int, 1)
            XCTAssertEqual(buyerThreads.string("data.threads.nodes.0.messages.nodes.0.body"), "Yes, both!")
            let read = try await h.run("mutation($id: ID!) { markThreadRead(threadId: $id) { thread { unreadCount } errors { code } } }",
                                       ["id": .string(thread)], token: buyer.token)
            XCTAssertEqual(read["data.markThreadRead.thread.unreadCount"] as? Int, 0)

            // Participants only.
            let intruder = try await h.run(Self.send, ["id": .string(thread), "body": "Hi"], token: stranger.token)
            XCTAssertEqual(intruder.topLevelCodes, ["NOT_FOUND"])
            let peek = try await h.run("query($id: ID!) { node(id: $id) { id } }", ["id": .string(thread)], token: stranger.token)
            XCTAssertNil(peek["data.node"])
            let message = try XCTUnwrap(reply.string("data.sendMessage.message.id"))
            let peekMessage = try await h.run("query($id: ID!) { node(id: $id) { id } }", ["id": .string(message)], token: stranger.token)
            XCTAssertNil(peekMessage["data.node"])
            let seen = try await h.run("query($id: ID!) { node(id: $id) { ... on Message { body } } }", ["id": .string(message)], token: buyer.token)
            XCTAssertEqual(seen.string("data.node.body"), "Yes, both!")
            let strangerThreads = try await h.run(Self.threads, token: stranger.token)
            XCTAssertEqual(strangerThreads["data.threads.totalCount"] as? Int, 0)
            let empty2 = try await h.run(Self.send, ["id": .string(thread), "body": ""], token: ada.token)
            XCTAssertEqual(empty2.errorCodes("data.sendMessage.errors"), ["INVALID_INPUT"])

            let events = try await h.sql("SELECT count(*)::int8 FROM marketplace.events WHERE type = 'MESSAGE_SENT'")
            XCTAssertEqual(try events[0].decode(Int.self), 5)
        }
    }

    /// 20 messages a minute: the 21st is refused and not written.
    func testSendingIsLimited() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.account("ada@example.com", provider: "Ada's Music")
            let me = try await h.run("{ me { provider { id } } }", token: ada.token)
            let buyer = try await h.account("buyer@example.com")
            let started = try await h.run(Self.start, [
                "input": ["providerId": .string(try XCTUnwrap(me.string("data.me.provider.id"))), "body": "Message 1"],
            ], token: buyer.token)
            let thread = try XCTUnwrap(started.string("data.startThread.thread.id"))
            for n in 2...MessagingFlows.limits.perMinute {
                let sent = try await h.run(Self.send, ["id": .string(thread), "body": .string("Message \(n)")], token: buyer.token)
                XCTAssertEqual(sent.errorCodes("data.sendMessage.errors"), [])
            }
            let refused = try await h.run(Self.send, ["id": .string(thread), "body": "One too many"], token: buyer.token)
            XCTAssertEqual(refused.errorCodes("data.sendMessage.errors"), ["RATE_LIMITED"])
            let again = try await h.run(Self.start, [
                "input": ["providerId": .string(try XCTUnwrap(me.string("data.me.provider.id"))), "body": "Elsewhere"],
            ], token: buyer.token)
            XCTAssertEqual(again.errorCodes("data.startThread.errors"), ["RATE_LIMITED"])
            let count = try await h.sql("SELECT count(*)::int8 FROM marketplace.messages")
            XCTAssertEqual(try count[0].decode(Int.self), MessagingFlows.limits.perMinute)
            // The other side is not limited by the buyer's messages.
            let reply = try await h.run(Self.send, ["id": .string(thread), "body": "Slow down!"], token: ada.token)
            XCTAssertEqual(reply.errorCodes("data.sendMessage.errors"), [])
        }
    }

    func testPagesOfMessagesAndStatementCounts() async throws {
        try await GraphQLHarness.with { h in
            let ada = try await h.account("ada@example.com", provider: "Ada's Music")
            let me = try await h.run("{ me { provider { id } } }", token: ada.token)
            let adaProvider = try XCTUnwrap(me.string("data.me.provider.id"))
            var buyers: [GraphQLHarness.Account] = []
            var threadIDs: [String] = []
            for n in 0..<3 {
                let buyer = try await h.account("buyer\(n)@example.com")
                buyers.append(buyer)
                let started = try await h.run(Self.start, ["input": ["providerId": .string(adaProvider), "body": "Message 0"]], token: buyer.token)
                let thread = try XCTUnwrap(started.string("data.startThread.thread.id"))
                threadIDs.append(thread)
                for m in 1..<5 {
                    _ = try await h.run(Self.send, ["id": .string(thread), "body": .string("Message \(m)")], token: buyer.token)
                }
            }
            let page = "query($id: ID!, $after: String) { node(id: $id) { ... on MessageThread { messages(first: 3, after: $after) { nodes { body } pageInfo { hasNextPage endCursor } } } } }"
            let first = try await h.run(page, ["id": .string(threadIDs[0]), "after": .null], token: ada.token)
            XCTAssertEqual((first["data.node.messages.nodes"] as? [[String: Any]])?.map { $0["body"] as? String },
                           ["Message 4", "Message 3", "Message 2"])
            let cursor = try XCTUnwrap(first.string("data.node.messages.pageInfo.endCursor"))
            let next = try await h.run(page, ["id": .string(threadIDs[0]), "after": .string(cursor)], token: ada.token)
            XCTAssertEqual((next["data.node.messages.nodes"] as? [[String: Any]])?.map { $0["body"] as? String }, ["Message 1", "Message 0"])
            XCTAssertEqual(next["data.node.messages.pageInfo.hasNextPage"] as? Bool, false)

            // The provider's inbox with each thread's participants, unread count and last
            // messages: the same statements for one thread as for three.
            let inbox = """
                query($n: Int) { threads(first: $n) { nodes { subject unreadCount participants { firstName }
                  messages(first: 2) { totalCount nodes { body sender { firstName } } } } } }
                """
            let one = try await h.run(inbox, ["n": 1], token: ada.token)
            let three = try await h.run(inbox, ["n": 3], token: ada.token)
            XCTAssertEqual((three["data.threads.nodes"] as? [[String: Any]])?.map { $0["unreadCount"] as? Int }, [5, 5, 5])
            XCTAssertEqual(one.statements, three.statements)
            // The viewer, the provider profile, the page, unread counts, participants, messages, their counts.
            XCTAssertEqual(three.statements, 7)
        }
    }
}
