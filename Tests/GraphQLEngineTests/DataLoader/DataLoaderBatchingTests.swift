import Foundation
import GraphQLEngine
import XCTest

/// One batch per loader per level: how loads of a level meet in a batch.
final class DataLoaderBatchingTests: XCTestCase {
    func testALevelOfDistinctKeysIsOneBatch() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            let results = await runLevel(scope, count: 100) { try await users.load($0) }
            XCTAssertEqual(values(results), (0..<100).map { "v\($0)" })
            XCTAssertEqual(log.count, 1)
            XCTAssertEqual(log.calls.first.map(Set.init), Set(0..<100))
            XCTAssertEqual(log.calls.first?.count, 100)
            XCTAssertEqual(scope.dispatchRounds, 1)
            try await assertScopeIdle(scope)
        }
    }

    func testDuplicateKeysAreOneBatchEntry() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            let results = await runLevel(scope, count: 100) { try await users.load($0 % 10) }
            XCTAssertEqual(values(results), (0..<100).map { "v\($0 % 10)" })
            XCTAssertEqual(log.count, 1)
            XCTAssertEqual(log.calls.first?.sorted(), Array(0..<10))
        }
    }

    func testKeysArePassedInTheOrderFirstLoaded() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            let results = await runLevel(scope, count: 1) { _ in try await users.loadMany([5, 3, 5, 9, 1]) }
            XCTAssertEqual(values(results).first?.compactMap { try? $0.get() }, ["v5", "v3", "v5", "v9", "v1"])
            XCTAssertEqual(log.calls, [[5, 3, 9, 1]])
        }
    }

    func testThreeLevelsOfTwoLoadersBatchOncePerLoaderPerLevel() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let authorLog = BatchLog<Int>()
            let tagLog = BatchLog<Int>()
            let authors = stringLoader(scope, log: authorLog)
            let tags = stringLoader(scope, log: tagLog)
            for level in 1...3 {
                // 100 items, each with two fields: one resolver per field.
                let results = await runLevel(scope, count: 200) { index in
                    let key = level * 1000 + index / 2
                    return try await (index % 2 == 0 ? authors : tags).load(key)
                }
                XCTAssertEqual(values(results), (0..<200).map { "v\(level * 1000 + $0 / 2)" })
                XCTAssertEqual(authorLog.count, level)
                XCTAssertEqual(tagLog.count, level)
                XCTAssertEqual(authorLog.calls.last?.count, 100)
                XCTAssertEqual(tagLog.calls.last?.count, 100)
                XCTAssertEqual(scope.dispatchRounds, level)
            }
            try await assertScopeIdle(scope)
        }
    }

    func testTwoLoadersDispatchInOneRound() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let userLog = BatchLog<Int>()
            let postLog = BatchLog<Int>()
            let users = stringLoader(scope, log: userLog)
            let posts = stringLoader(scope, log: postLog)
            let results = await runLevel(scope, count: 50) { index in
                try await index < 25 ? users.load(index) : posts.load(index)
            }
            XCTAssertEqual(values(results).count, 50)
            XCTAssertEqual(userLog.calls.map { $0.count }, [25])
            XCTAssertEqual(postLog.calls.map { $0.count }, [25])
            XCTAssertEqual(scope.dispatchRounds, 1)
        }
    }

    func testALoadChainTakesTwoRoundsNotTwoPerItem() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let postLog = BatchLog<Int>()
            let userLog = BatchLog<Int>()
            // post i -> its author's id, 1000 + i % 30
            let posts = DataLoader<Int, Int>(scope: scope) { keys in
                postLog.record(keys)
                return Dictionary(uniqueKeysWithValues: keys.map { ($0, 1000 + $0 % 30) })
            }
            let users = stringLoader(scope, log: userLog)
            let results = await runLevel(scope, count: 100) { index -> String? in
                guard let author = try await posts.load(index) else { return nil }
                return try await users.load(author)
            }
            XCTAssertEqual(values(results), (0..<100).map { "v\(1000 + $0 % 30)" })
            XCTAssertEqual(postLog.count, 1)
            XCTAssertEqual(userLog.count, 1)
            XCTAssertEqual(userLog.calls.first?.sorted(), Array(1000..<1030))
            XCTAssertEqual(scope.dispatchRounds, 2)
            try await assertScopeIdle(scope)
        }
    }

    func testMaxBatchSizeSplitsADispatchIntoConcurrentCalls() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let running = Counter()
            let users = DataLoader<Int, String>(scope: scope, maxBatchSize: 100) { keys in
                log.record(keys)
                // Every call waits for the other two: the test hangs if they run one by one.
                running.add()
                while running.value < 3 { try await Task.sleep(nanoseconds: 1_000_000) }
                return Dictionary(uniqueKeysWithValues: keys.map { ($0, "v\($0)") })
            }
            let results = await runLevel(scope, count: 250) { try await users.load($0) }
            XCTAssertEqual(values(results), (0..<250).map { "v\($0)" })
            XCTAssertEqual(log.calls.map { $0.count }.sorted(), [50, 100, 100])
            XCTAssertEqual(Set(log.calls.joined()), Set(0..<250))
            XCTAssertEqual(scope.dispatchRounds, 1)
            try await assertScopeIdle(scope)
        }
    }

    func testALoadJoinsTheBatchInFlightForItsKey() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let fastLog = BatchLog<Int>()
            let slowLog = BatchLog<Int>()
            let fast = stringLoader(scope, log: fastLog)
            let slow = DataLoader<Int, String>(scope: scope) { keys in
                slowLog.record(keys)
                try await Task.sleep(nanoseconds: 50_000_000)
                return Dictionary(uniqueKeysWithValues: keys.map { ($0, "slow\($0)") })
            }
            // Both loaders run in round 1; the fast one's waiters then load the key the slow
            // batch is still loading: they join it instead of making a second batch.
            let results = await runLevel(scope, count: 20) { index -> String? in
                if index < 10 { return try await slow.load(1) }
                _ = try await fast.load(index)
                return try await slow.load(1)
            }
            XCTAssertEqual(values(results), Array(repeating: "slow1", count: 20))
            XCTAssertEqual(slowLog.calls, [[1]])
            XCTAssertEqual(fastLog.count, 1)
            try await assertScopeIdle(scope)
        }
    }

    func testABatchFunctionMayLoadFromAnotherLoader() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let userLog = BatchLog<Int>()
            let users = stringLoader(scope, log: userLog)
            // Display names: the batch loads the users through their loader.
            let names = DataLoader<Int, String>(scope: scope) { keys in
                let loaded = try await users.loadMany(keys)
                var values: [Int: String] = [:]
                for (key, result) in zip(keys, loaded) {
                    if let user = try result.get() { values[key] = "name of \(user)" }
                }
                return values
            }
            let results = await runLevel(scope, count: 30) { try await names.load($0 % 20) }
            XCTAssertEqual(values(results), (0..<30).map { "name of v\($0 % 20)" })
            XCTAssertEqual(userLog.count, 1)
            XCTAssertEqual(scope.dispatchRounds, 2)
            try await assertScopeIdle(scope)
        }
    }

    func testALoadOutsideTheExecutorIsDispatched() async throws {
        try await withWatchdog {
            // Nothing counted runs: the load must not wait for a quiescence that already came.
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            let first = try await users.load(1)
            XCTAssertEqual(first, "v1")
            let many = try await users.loadMany([2, 3])
            XCTAssertEqual(many.map { try? $0.get() }, ["v2", "v3"])
            // Concurrent uncounted loads all complete (not necessarily in one batch).
            let concurrent = await withTaskGroup(of: String?.self) { group in
                for key in 10..<40 { group.addTask { try? await users.load(key) } }
                var all: [String?] = []
                for await value in group { all.append(value) }
                return all
            }
            XCTAssertEqual(Set(concurrent.compactMap { $0 }), Set((10..<40).map { "v\($0)" }))
            XCTAssertEqual(Array(log.calls.prefix(2)), [[1], [2, 3]])
            try await assertScopeIdle(scope)
        }
    }

    func testNothingPendingDispatchesNothing() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            XCTAssertFalse(users.hasPendingKeys)
            await users.dispatch()
            XCTAssertEqual(log.count, 0)
            let results = await runLevel(scope, count: 3) { _ in 42 }
            XCTAssertEqual(values(results), [42, 42, 42])
            XCTAssertEqual(scope.dispatchRounds, 0)
        }
    }
}
