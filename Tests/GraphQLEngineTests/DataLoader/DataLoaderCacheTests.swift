import Foundation
import GraphQLEngine
import XCTest

/// The per-request cache: cached keys need no batch; prime, clear, clearAll; no cache.
final class DataLoaderCacheTests: XCTestCase {
    func testACachedKeyNeedsNoBatch() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            _ = await runLevel(scope, count: 10) { try await users.load($0) }
            let again = await runLevel(scope, count: 10) { try await users.load($0) }
            XCTAssertEqual(values(again), (0..<10).map { "v\($0)" })
            XCTAssertEqual(log.count, 1)
            XCTAssertEqual(scope.dispatchRounds, 1)
            // Half cached: only the new half is batched.
            let mixed = await runLevel(scope, count: 10) { try await users.load($0 + 5) }
            XCTAssertEqual(values(mixed), (5..<15).map { "v\($0)" })
            XCTAssertEqual(log.calls.last?.sorted(), Array(10..<15))
            XCTAssertEqual(log.count, 2)
            try await assertScopeIdle(scope)
        }
    }

    func testMissingKeysAreCachedToo() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log, missing: { $0 == 3 })
            _ = try await users.load(3)
            let again = try await users.load(3)
            XCTAssertNil(again)
            XCTAssertEqual(log.count, 1)
        }
    }

    func testPrimedKeysNeedNoBatch() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            XCTAssertTrue(users.prime(1, "primed"))
            XCTAssertFalse(users.prime(1, "other"), "prime does not replace")
            let results = await runLevel(scope, count: 3) { try await users.load($0) }
            XCTAssertEqual(values(results), ["v0", "primed", "v2"])
            XCTAssertEqual(log.calls.first?.sorted(), [0, 2])
            XCTAssertFalse(users.prime(2, "late"), "a loaded key is cached")
            users.clear(2)
            XCTAssertTrue(users.prime(2, "replaced"))
            let replaced = try await users.load(2)
            XCTAssertEqual(replaced, "replaced")
            XCTAssertEqual(log.count, 1)
        }
    }

    func testClearMakesTheNextLoadBatchAgain() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            _ = await runLevel(scope, count: 5) { try await users.load($0) }
            users.clear(3)
            users.clear(99)  // not cached: nothing happens
            let results = await runLevel(scope, count: 5) { try await users.load($0) }
            XCTAssertEqual(values(results), (0..<5).map { "v\($0)" })
            XCTAssertEqual(log.calls.last, [3])
            users.clearAll()
            _ = await runLevel(scope, count: 5) { try await users.load($0) }
            XCTAssertEqual(log.count, 3)
            XCTAssertEqual(log.calls.last?.sorted(), Array(0..<5))
        }
    }

    func testClearingAPendingKeyKeepsItInTheNextBatchOnce() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            // The first task loads 7, then clears it while it waits; the second loads it again.
            let results = await runLevel(scope, count: 2) { index -> String? in
                if index == 1 {
                    while !users.hasPendingKeys { await Task.yield() }
                    users.clear(7)
                    users.clearAll()
                }
                return try await users.load(7)
            }
            XCTAssertEqual(values(results), ["v7", "v7"])
            XCTAssertEqual(log.calls, [[7]])
        }
    }

    func testWithoutCacheKeysAreStillDeduplicatedWithinABatch() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, cacheKeys: false, log: log)
            XCTAssertFalse(users.prime(1, "primed"))
            let first = await runLevel(scope, count: 10) { _ in try await users.load(7) }
            XCTAssertEqual(values(first), Array(repeating: "v7", count: 10))
            let second = await runLevel(scope, count: 10) { _ in try await users.load(7) }
            XCTAssertEqual(values(second), Array(repeating: "v7", count: 10))
            XCTAssertEqual(log.calls, [[7], [7]])
            try await assertScopeIdle(scope)
        }
    }

    func testErrorsAreCachedUntilCleared() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = DataLoader<Int, String>(scope: scope) { (keys: [Int]) -> [Int: String] in
                log.record(keys)
                throw TestError(key: keys[0])
            }
            for _ in 0..<2 {
                do {
                    _ = try await users.load(4)
                    XCTFail("expected an error")
                } catch {
                    XCTAssertEqual(error as? TestError, TestError(key: 4))
                }
            }
            XCTAssertEqual(log.count, 1)
            users.clear(4)
            _ = try? await users.load(4)
            XCTAssertEqual(log.count, 2)
        }
    }
}
