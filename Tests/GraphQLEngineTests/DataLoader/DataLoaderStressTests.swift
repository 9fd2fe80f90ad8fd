import Foundation
import GraphQLEngine
import XCTest

/// Many tasks on several loaders with random keys: every waiter resumes exactly once.
final class DataLoaderStressTests: XCTestCase {
    /// Four loaders of `Int` keys whose value is `key * 10 + loader`: plain, split into
    /// small concurrent calls, uncached, and aligned with a suspending batch function.
    private static func makeLoaders(_ scope: BatchScope, logs: [BatchLog<Int>]) -> [DataLoader<Int, Int>] {
        @Sendable func values(_ keys: [Int], _ loader: Int) -> [Int: Int] {
            Dictionary(uniqueKeysWithValues: keys.map { ($0, $0 * 10 + loader) })
        }
        return [
            DataLoader(scope: scope) { keys in
                logs[0].record(keys)
                return values(keys, 0)
            },
            DataLoader(scope: scope, maxBatchSize: 7) { keys in
                logs[1].record(keys)
                await Task.yield()
                return values(keys, 1)
            },
            DataLoader(scope: scope, cacheKeys: false) { keys in
                logs[2].record(keys)
                return values(keys, 2)
            },
            DataLoader(scope: scope) { (keys: [Int]) -> [Result<Int?, any Error>] in
                logs[3].record(keys)
                try await Task.sleep(nanoseconds: UInt64.random(in: 0...200_000))
                return keys.map { .success($0 * 10 + 3) }
            },
        ]
    }

    func testThousandTasksOnFourLoaders() async throws {
        try await withWatchdog(seconds: 120) {
            let steps = 3
            for iteration in 0..<50 {
                let scope = BatchScope()
                let logs = (0..<4).map { _ in BatchLog<Int>() }
                let loaders = Self.makeLoaders(scope, logs: logs)
                let started = Counter()
                let finished = Counter()
                let results = await runLevel(scope, count: 1000) { index in
                    var random = SplitMix64(seed: UInt64(iteration * 1_000_003 + index))
                    var key = Int.random(in: 0..<300, using: &random)
                    for _ in 0..<Int.random(in: 1...steps, using: &random) {
                        let which = Int.random(in: 0..<4, using: &random)
                        started.add()
                        if Bool.random(using: &random) {
                            let value = try await loaders[which].load(key)
                            XCTAssertEqual(value, key * 10 + which)
                        } else {
                            let keys = (0..<Int.random(in: 0...4, using: &random)).map { key + $0 * 7 }
                            let many = try await loaders[which].loadMany(keys)
                            XCTAssertEqual(many.map { try? $0.get() }, keys.map { $0 * 10 + which })
                        }
                        finished.add()
                        key = (key * 31 + which) % 300  // the next load depends on this one
                    }
                    return index
                }
                XCTAssertEqual(values(results), Array(0..<1000))
                XCTAssertEqual(started.value, finished.value)
                // Each task parks at most `steps` times, so there are at most `steps` rounds.
                XCTAssertLessThanOrEqual(scope.dispatchRounds, steps)
                XCTAssertGreaterThanOrEqual(scope.dispatchRounds, 1)
                for (which, log) in logs.enumerated() {
                    for call in log.calls {
                        XCTAssertEqual(Set(call).count, call.count, "duplicate key in a call of loader \(which)")
                        if which == 1 { XCTAssertLessThanOrEqual(call.count, 7) }
                    }
                    if which != 2 {
                        let all = log.calls.joined()
                        XCTAssertEqual(Set(all).count, all.count, "a cached key was loaded twice by loader \(which)")
                    }
                }
                if iteration % 10 == 0 { try await assertScopeIdle(scope) }
            }
        }
    }

    func testRandomCancellationsNeverStrandAWaiter() async throws {
        try await withWatchdog(seconds: 120) {
            for iteration in 0..<30 {
                let scope = BatchScope()
                let logs = (0..<4).map { _ in BatchLog<Int>() }
                let loaders = Self.makeLoaders(scope, logs: logs)
                let count = 200
                scope.beginRunning(count)
                let tasks = (0..<count).map { index in
                    Task { () -> Int in
                        defer { scope.endRunning() }
                        var random = SplitMix64(seed: UInt64(iteration * 7919 + index))
                        var key = Int.random(in: 0..<50, using: &random)
                        for _ in 0..<Int.random(in: 1...4, using: &random) {
                            let which = Int.random(in: 0..<4, using: &random)
                            if Bool.random(using: &random) {
                                let value = try await loaders[which].load(key)
                                XCTAssertEqual(value, key * 10 + which)
                            } else {
                                let many = try await loaders[which].loadMany([key, key + 1, key])
                                for (offset, result) in zip([0, 1, 0], many) {
                                    XCTAssertEqual(try result.get(), (key + offset) * 10 + which)
                                }
                            }
                            key = (key * 31 + which) % 50
                        }
                        return index
                    }
                }
                var random = SplitMix64(seed: UInt64(iteration))
                for task in tasks where Int.random(in: 0..<3, using: &random) == 0 {
                    if Bool.random(using: &random) { await Task.yield() }
                    task.cancel()
                }
                var completed = 0
                for (index, task) in tasks.enumerated() {
                    switch await task.result {
                    case .success(let value):
                        XCTAssertEqual(value, index)
                        completed += 1
                    case .failure(let error):
                        XCTAssertTrue(error is CancellationError, "\(error)")
                    }
                }
                XCTAssertGreaterThan(completed, 0)
                try await assertScopeIdle(scope)
            }
        }
    }
}
