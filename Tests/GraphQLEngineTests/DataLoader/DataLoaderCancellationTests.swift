import Foundation
import GraphQLEngine
import XCTest

/// Cancelled loads resume at once; keys and batch calls nobody waits for are dropped.
final class DataLoaderCancellationTests: XCTestCase {
    func testCancellingTheRequestCancelsItsWaitersAndTheirBatch() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let batchCancelled = Counter()
            let users = DataLoader<Int, String>(scope: scope) { keys in
                log.record(keys)
                do {
                    try await Task.sleep(nanoseconds: 60_000_000_000)  // a long query
                } catch {
                    batchCancelled.add()
                    throw error
                }
                return [:]
            }
            let started = Date()
            let request = Task { await runLevel(scope, count: 10) { try await users.load($0) } }
            while log.count == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
            request.cancel()
            let results = await request.value
            XCTAssertLessThan(Date().timeIntervalSince(started), 5)
            for result in results {
                XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is CancellationError) }
            }
            // The batch function's task was cancelled too, and nothing was cached.
            while batchCancelled.value == 0 { try await Task.sleep(nanoseconds: 1_000_000) }
            XCTAssertEqual(batchCancelled.value, 1)
            let retry = Task { await runLevel(scope, count: 1) { _ in try await users.load(3) } }
            while log.count < 2 { try await Task.sleep(nanoseconds: 1_000_000) }
            XCTAssertEqual(log.calls.last, [3])
            retry.cancel()
            _ = await retry.value
            try await assertScopeIdle(scope)
        }
    }

    func testACancelledWaiterLeavesItsKeyOutOfTheBatch() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            scope.beginRunning(2)  // the loading task, and a unit the test holds
            let task = Task {
                defer { scope.endRunning() }
                return try await users.load(1)
            }
            while !users.hasPendingKeys { await Task.yield() }
            task.cancel()
            do {
                _ = try await task.value
                XCTFail("expected CancellationError")
            } catch {
                XCTAssertTrue(error is CancellationError)
            }
            XCTAssertFalse(users.hasPendingKeys)
            scope.endRunning()
            XCTAssertEqual(log.count, 0)
            XCTAssertEqual(scope.dispatchRounds, 0)
            try await assertScopeIdle(scope)
            // The key was not cached as cancelled.
            let value = try await users.load(1)
            XCTAssertEqual(value, "v1")
        }
    }

    func testOneCancelledWaiterDoesNotCancelTheOthers() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = DataLoader<Int, String>(scope: scope) { keys in
                log.record(keys)
                try await Task.sleep(nanoseconds: 50_000_000)
                return Dictionary(uniqueKeysWithValues: keys.map { ($0, "v\($0)") })
            }
            scope.beginRunning(3)
            let tasks = (0..<3).map { index in
                Task {
                    defer { scope.endRunning() }
                    return try await index == 2 ? users.loadMany([1, 2]).map { try $0.get() } : [users.load(index)]
                }
            }
            while log.count == 0 { await Task.yield() }
            tasks[1].cancel()  // its key 1 is still wanted by task 2
            tasks[0].cancel()  // nobody else wants key 0, but key 1 keeps the call alive
            let zero = await tasks[0].result
            let one = await tasks[1].result
            let two = try await tasks[2].value
            XCTAssertThrowsError(try zero.get()) { XCTAssertTrue($0 is CancellationError) }
            XCTAssertThrowsError(try one.get()) { XCTAssertTrue($0 is CancellationError) }
            XCTAssertEqual(two, ["v1", "v2"])
            XCTAssertEqual(log.count, 1)
            // The call was not cancelled: its results are cached, key 0's too.
            let cached = try await users.loadMany([0, 1, 2])
            XCTAssertEqual(cached.map { try? $0.get() }, ["v0", "v1", "v2"])
            XCTAssertEqual(log.count, 1)
            try await assertScopeIdle(scope)
        }
    }

    func testACancelledLoadManyOfARepeatedKeyLeavesTheCallToTheOthers() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = DataLoader<Int, String>(scope: scope) { keys in
                log.record(keys)
                try await Task.sleep(nanoseconds: 50_000_000)
                return Dictionary(uniqueKeysWithValues: keys.map { ($0, "v\($0)") })
            }
            scope.beginRunning(2)
            let repeated = Task {
                defer { scope.endRunning() }
                return try await users.loadMany([1, 1])
            }
            let other = Task {
                defer { scope.endRunning() }
                return try await users.load(2)
            }
            while log.count == 0 { await Task.yield() }
            repeated.cancel()  // key 1 loses its only waiter, listed twice: key 2 still waits
            let cancelled = await repeated.result
            XCTAssertThrowsError(try cancelled.get()) { XCTAssertTrue($0 is CancellationError) }
            let value = try await other.value
            XCTAssertEqual(value, "v2")
            // One call with both keys; which task asked first (the keys' order) is the scheduler's.
            XCTAssertEqual(log.calls.map { $0.sorted() }, [[1, 2]])
            try await assertScopeIdle(scope)
        }
    }

    func testALoadInACancelledTaskThrowsUnlessCached() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log)
            users.prime(1, "primed")
            let task = Task {
                while !Task.isCancelled { await Task.yield() }
                let cached = try await users.load(1)
                let cachedMany = try await users.loadMany([1])
                XCTAssertEqual(cachedMany.map { try? $0.get() }, ["primed"])
                do {
                    _ = try await users.loadMany([1, 2])
                    XCTFail("expected CancellationError")
                } catch {
                    XCTAssertTrue(error is CancellationError)
                }
                _ = try await users.load(2)
                return cached
            }
            task.cancel()
            do {
                _ = try await task.value
                XCTFail("expected CancellationError")
            } catch {
                XCTAssertTrue(error is CancellationError)
            }
            XCTAssertEqual(log.count, 0)
            XCTAssertFalse(users.hasPendingKeys)
            try await assertScopeIdle(scope)
        }
    }

    func testCancellingALoadManyCancelsItsBatchWhenAlone() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let cancelled = Counter()
            let users = DataLoader<Int, String>(scope: scope, maxBatchSize: 2) { keys in
                log.record(keys)
                do {
                    try await Task.sleep(nanoseconds: 60_000_000_000)
                } catch {
                    cancelled.add()
                    throw error
                }
                return [:]
            }
            let request = Task { await runLevel(scope, count: 1) { _ in try await users.loadMany([1, 2, 3, 1]) } }
            while log.count < 2 { await Task.yield() }
            request.cancel()
            let results = await request.value
            XCTAssertThrowsError(try results[0].get()) { XCTAssertTrue($0 is CancellationError) }
            while cancelled.value < 2 { try await Task.sleep(nanoseconds: 1_000_000) }
            XCTAssertEqual(cancelled.value, 2)
            try await assertScopeIdle(scope)
        }
    }
}
