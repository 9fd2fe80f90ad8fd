import Foundation
import GraphQLEngine
import XCTest

/// Records what a batch function was called with (thread-safe).
final class BatchLog<Key: Sendable>: @unchecked Sendable {
    // @unchecked: `recorded` is only read or written with `lock` held.
    private let lock = NSLock()
    private var recorded: [[Key]] = []

    func record(_ keys: [Key]) {
        lock.lock()
        recorded.append(keys)
        lock.unlock()
    }

    /// Every call's keys, in call order.
    var calls: [[Key]] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    var count: Int { calls.count }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    // @unchecked: `count` is only read or written with `lock` held.
    private let lock = NSLock()
    private var count = 0

    @discardableResult
    func add(_ n: Int = 1) -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += n
        return count
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}

struct TestError: Error, Equatable {
    let key: Int
}

/// A loader of `Int` keys whose value is `"v<key>"`, leaving out the keys `missing` names.
func stringLoader(
    _ scope: BatchScope, maxBatchSize: Int = .max, cacheKeys: Bool = true, log: BatchLog<Int>,
    missing: @escaping @Sendable (Int) -> Bool = { _ in false }
) -> DataLoader<Int, String> {
    DataLoader(scope: scope, maxBatchSize: maxBatchSize, cacheKeys: cacheKeys) { keys in
        log.record(keys)
        var values: [Int: String] = [:]
        for key in keys where !missing(key) { values[key] = "v\(key)" }
        return values
    }
}

/// Runs one level of a request as the executor does: counts `count` resolvers as running,
/// starts each as a child task, and ends its unit once it finished. Returns each
/// resolver's result, by index.
func runLevel<T: Sendable>(
    _ scope: BatchScope, count: Int, _ resolver: @escaping @Sendable (Int) async throws -> T
) async -> [Result<T, any Error>] {
    scope.beginRunning(count)
    return await withTaskGroup(of: (Int, Result<T, any Error>).self) { group in
        for index in 0..<count {
            group.addTask {
                let result: Result<T, any Error>
                do {
                    result = .success(try await resolver(index))
                } catch {
                    result = .failure(error)
                }
                scope.endRunning()
                return (index, result)
            }
        }
        var results = [Result<T, any Error>?](repeating: nil, count: count)
        for await (index, result) in group { results[index] = result }
        return results.compactMap { $0 }
    }
}

/// The values of a level's results; fails the test on an error.
func values<T>(_ results: [Result<T, any Error>], file: StaticString = #filePath, line: UInt = #line) -> [T] {
    results.compactMap { result in
        switch result {
        case .success(let value): return value
        case .failure(let error):
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }
}

struct WatchdogTimeout: Error, CustomStringConvertible {
    let seconds: Double
    var description: String { "timed out after \(seconds) s: a waiter hangs" }
}

/// Runs `body`, throwing `WatchdogTimeout` (instead of hanging the test run) when it takes
/// longer than `seconds`; the hung work is then cancelled and abandoned.
func withWatchdog<T: Sendable>(
    seconds: Double = 10, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let once = ResumeOnce(continuation)
        let work = Task {
            let result: Result<T, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            _ = once.resume(result)
        }
        Task {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            if once.resume(.failure(WatchdogTimeout(seconds: seconds))) { work.cancel() }
        }
    }
}

/// Resumes a continuation once, whichever of the work and the timer comes first.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    // @unchecked: `continuation` is only read or written with `lock` held.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

    /// Whether this call resumed it.
    func resume(_ result: Result<T, any Error>) -> Bool {
        lock.lock()
        let continuation = self.continuation
        self.continuation = nil
        lock.unlock()
        continuation?.resume(with: result)
        return continuation != nil
    }
}

/// Asserts that `scope` counts nothing as running: a load made by one more counted task
/// is dispatched exactly when a second counted unit ends, not before (count too low) and
/// not never (count too high: the watchdog fires).
func assertScopeIdle(_ scope: BatchScope, file: StaticString = #filePath, line: UInt = #line) async throws {
    let log = BatchLog<Int>()
    let probe = DataLoader<Int, Int>(scope: scope) { keys in
        log.record(keys)
        return [:]
    }
    scope.beginRunning(2)  // the probe's task and a unit the test holds
    let task = Task {
        defer { scope.endRunning() }
        return try await probe.load(0)
    }
    while !probe.hasPendingKeys && log.count == 0 { await Task.yield() }
    try await Task.sleep(nanoseconds: 20_000_000)
    XCTAssertEqual(log.count, 0, "dispatched while a unit still ran: the count is too low", file: file, line: line)
    scope.endRunning()
    _ = try await task.value
    XCTAssertEqual(log.count, 1, file: file, line: line)
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
