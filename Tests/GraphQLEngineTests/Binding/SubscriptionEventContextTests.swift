import Foundation
import XCTest

@testable import GraphQLEngine

/// A context that is `SubscriptionEventContext` is remade for each event of a subscription,
/// so per-request state (DataLoaders) never outlives one event.
final class SubscriptionEventContextTests: XCTestCase {
    struct EventScopedContext: SubscriptionEventContext {
        var name: String
        func context(forEventIn scope: BatchScope) -> any Sendable {
            EventScopedContext(name: "event \(UUID().uuidString.prefix(8))")
        }
    }

    struct Tick: Sendable { var n: Int }

    func testEachEventRunsWithAContextOfItsOwn() async throws {
        let sdl = """
            type Query { ok: Boolean }
            type Subscription { tick: Tick! }
            type Tick { n: Int! context: String! }
            """
        var resolvers = SchemaResolvers<EventScopedContext>()
        resolvers.field("Query.ok") { (_: Void) in true }
        resolvers.subscription("Subscription.tick") { (context: EventScopedContext) in
            AsyncStream<Tick> { continuation in
                for n in 1...2 { continuation.yield(Tick(n: n)) }
                continuation.finish()
            }
        }
        resolvers.object("Tick", Tick.self) { tick in
            tick.field("context") { (_: Tick, context: EventScopedContext) in context.name }
        }
        let executable = try ExecutableSchema(binding: sdl, resolvers: resolvers)
        let document = try parse("subscription { tick { n context } }")
        guard case .stream(let stream) = await subscribe(
            schema: executable, document: document, context: EventScopedContext(name: "subscription"))
        else { return XCTFail("no stream") }
        var names: [String] = []
        for try await result in stream {
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.json())) as? [String: Any])
            names.append(try XCTUnwrap(((json["data"] as? [String: Any])?["tick"] as? [String: Any])?["context"] as? String))
        }
        XCTAssertEqual(names.count, 2)
        XCTAssertEqual(Set(names).count, 2, "a context per event")
        XCTAssertFalse(names.contains("subscription"))
    }
}
