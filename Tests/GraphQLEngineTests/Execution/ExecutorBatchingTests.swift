import Foundation
import XCTest
@testable import GraphQLEngine

/// The executor dispatches DataLoaders level by level: a query three levels deep over 100
/// items at each level calls each loader's batch function once per level.
final class ExecutorBatchingTests: XCTestCase {
    /// Records every batch call's keys.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [String: [[Int]]] = [:]
        func record(_ loader: String, _ keys: [Int]) {
            lock.lock()
            calls[loader, default: []].append(keys)
            lock.unlock()
        }
        subscript(loader: String) -> [[Int]] {
            lock.lock()
            defer { lock.unlock() }
            return calls[loader] ?? []
        }
    }

    /// The request context: this request's loaders.
    struct Loaders: Sendable {
        let names: DataLoader<Int, String>
        let friends: DataLoader<Int, [Int]>
    }

    func loaders(scope: BatchScope, calls: Calls) -> Loaders {
        Loaders(
            names: DataLoader(scope: scope) { ids in
                calls.record("names", ids)
                try await Task.sleep(nanoseconds: 1_000_000)  // a query's latency
                return Dictionary(uniqueKeysWithValues: ids.map { ($0, "user-\($0)") })
            },
            friends: DataLoader(scope: scope) { ids in
                calls.record("friends", ids)
                return Dictionary(uniqueKeysWithValues: ids.map { ($0, [$0 + 1000]) })
            })
    }

    func executable() throws -> ExecutableSchema {
        // A User's value is its id; its fields load through the request's loaders.
        ExecutableSchema(
            schema: try buildSchema("""
                type Query { users: [User!]! }
                type User { id: Int! name: String! friends: [User!]! }
                """),
            resolvers: [
                "Query": ["users": .sync { _, _, _, _ in Array(1...100) }],
                "User": [
                    "id": .sync { id, _, _, _ in id },
                    "name": .async { id, _, context, _ in
                        try await (context as! Loaders).names.load(id as! Int)
                    },
                    "friends": .async { id, _, context, _ in
                        try await (context as! Loaders).friends.load(id as! Int) ?? []
                    },
                ],
            ])
    }

    func testEachLoaderBatchesOncePerLevel() async throws {
        let scope = BatchScope()
        let calls = Calls()
        let result = await execute(
            schema: try executable(),
            document: try parse("{ users { id name friends { id name friends { id name } } } }"),
            context: loaders(scope: scope, calls: calls), batchScope: scope)
        XCTAssertEqual(result.errors.map(\.message), [])
        // Levels: users (100) -> friends (100) -> friends of friends (100).
        XCTAssertEqual(calls["names"].map(\.count), [100, 100, 100])
        XCTAssertEqual(calls["friends"].map(\.count), [100, 100])
        // Which resolver asks first (the keys' order in a batch) is the scheduler's choice.
        XCTAssertEqual(Set(calls["names"][2]), Set(2001...2100))
        guard case .object(let data)? = result.data, case .array(let users)? = data["users"] else {
            return XCTFail("no users")
        }
        XCTAssertEqual(users.count, 100)
        XCTAssertEqual(
            users.first,
            .object([
                "id": .int(1), "name": .string("user-1"),
                "friends": .array([.object([
                    "id": .int(1001), "name": .string("user-1001"),
                    "friends": .array([.object(["id": .int(2001), "name": .string("user-2001")])]),
                ])]),
            ]))
    }

    func testTheNumberOfBatchesDoesNotDependOnTheNumberOfItems() async throws {
        var perSize: [Int] = []
        for count in [1, 10, 250] {
            let scope = BatchScope()
            let calls = Calls()
            let executable = ExecutableSchema(
                schema: try buildSchema("type Query { users(n: Int!): [User!]! } type User { name: String! }"),
                resolvers: [
                    "Query": ["users": .sync { _, args, _, _ in
                        guard case .int(let n)? = args["n"] else { return [Int]() }
                        return Array(0..<n)
                    }],
                    "User": ["name": .async { id, _, context, _ in try await (context as! Loaders).names.load(id as! Int) }],
                ])
            _ = await execute(
                schema: executable, document: try parse("{ a: users(n: \(count)) { name } b: users(n: 3) { name } }"),
                context: loaders(scope: scope, calls: calls), batchScope: scope)
            perSize.append(calls["names"].count)
        }
        XCTAssertEqual(perSize, [1, 1, 1])
    }
}
