import Foundation
import GraphQLEngine
import XCTest

/// Errors: per key, per batch call, missing keys, mismatched result counts.
final class DataLoaderErrorTests: XCTestCase {
    /// Odd keys fail with their own error.
    private static func oddKeysFail(_ scope: BatchScope, log: BatchLog<Int>, maxBatchSize: Int = .max) -> DataLoader<Int, String> {
        DataLoader(scope: scope, maxBatchSize: maxBatchSize) { (keys: [Int]) -> [Result<String?, any Error>] in
            log.record(keys)
            return keys.map { $0 % 2 == 1 ? .failure(TestError(key: $0)) : .success("v\($0)") }
        }
    }

    func testAKeysErrorFailsOnlyThatKey() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = Self.oddKeysFail(scope, log: log)
            let results = await runLevel(scope, count: 10) { try await users.load($0) }
            for (key, result) in results.enumerated() {
                switch result {
                case .success(let value):
                    XCTAssertEqual(key % 2, 0)
                    XCTAssertEqual(value, "v\(key)")
                case .failure(let error):
                    XCTAssertEqual(key % 2, 1)
                    XCTAssertEqual(error as? TestError, TestError(key: key))
                }
            }
            XCTAssertEqual(log.count, 1)
        }
    }

    func testAThrowingBatchFailsEveryKeyOfItsCallOnly() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let failingLog = BatchLog<Int>()
            let otherLog = BatchLog<Int>()
            let failing = DataLoader<Int, String>(scope: scope) { (keys: [Int]) -> [Int: String] in
                failingLog.record(keys)
                throw TestError(key: -1)
            }
            let other = stringLoader(scope, log: otherLog)
            let results = await runLevel(scope, count: 20) { index in
                try await index < 10 ? failing.load(index) : other.load(index)
            }
            for (index, result) in results.enumerated() {
                if index < 10 {
                    XCTAssertThrowsError(try result.get()) { XCTAssertEqual($0 as? TestError, TestError(key: -1)) }
                } else {
                    XCTAssertEqual(try result.get(), "v\(index)")
                }
            }
            XCTAssertEqual(failingLog.count, 1)
            XCTAssertEqual(otherLog.count, 1)
            try await assertScopeIdle(scope)
        }
    }

    func testAThrowingCallOfASplitBatchFailsOnlyItsKeys() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let users = DataLoader<Int, String>(scope: scope, maxBatchSize: 2) { keys in
                if keys.contains(3) { throw TestError(key: 3) }
                return Dictionary(uniqueKeysWithValues: keys.map { ($0, "v\($0)") })
            }
            // One task, so the keys are split in their order: [1, 2] [3, 4] [5].
            let results = try await users.loadMany([1, 2, 3, 4, 5])
            XCTAssertEqual(results.map { try? $0.get() }, ["v1", "v2", nil, nil, "v5"])
            XCTAssertThrowsError(try results[3].get()) { XCTAssertEqual($0 as? TestError, TestError(key: 3)) }
        }
    }

    func testAKeyTheBatchLeavesOutLoadsNil() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = stringLoader(scope, log: log, missing: { $0 % 3 == 0 })
            let results = await runLevel(scope, count: 9) { try await users.load($0) }
            XCTAssertEqual(values(results), (0..<9).map { $0 % 3 == 0 ? nil : "v\($0)" })
            XCTAssertEqual(log.count, 1)
        }
    }

    func testToManyLoaderGroupsRowsByKey() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            // author id -> post titles; author 2 has none.
            let rows = [(1, "a"), (3, "b"), (1, "c")]
            let posts = DataLoader<Int, [String]>(scope: scope) { authors in
                let found = rows.filter { authors.contains($0.0) }
                return Dictionary(grouping: found, by: \.0).mapValues { $0.map(\.1) }
            }
            let results = await runLevel(scope, count: 3) { try await posts.load($0 + 1) ?? [] }
            XCTAssertEqual(values(results), [["a", "c"], [], ["b"]])
        }
    }

    func testLoadManyFailsOnlyTheFailingKeys() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let log = BatchLog<Int>()
            let users = Self.oddKeysFail(scope, log: log)
            XCTAssertTrue(users.prime(6, "primed"))
            let results = await runLevel(scope, count: 1) { _ in try await users.loadMany([2, 3, 2, 6, 8]) }
            let loaded = try XCTUnwrap(values(results).first)
            XCTAssertEqual(loaded.map { try? $0.get() }, ["v2", nil, "v2", "primed", "v8"])
            XCTAssertThrowsError(try loaded[1].get()) { XCTAssertEqual($0 as? TestError, TestError(key: 3)) }
            XCTAssertEqual(log.calls, [[2, 3, 8]])
            // All cached now: no wait at all.
            let cached = try await users.loadMany([8, 2])
            XCTAssertEqual(cached.map { try? $0.get() }, ["v8", "v2"])
            let none = try await users.loadMany([])
            XCTAssertTrue(none.isEmpty)
            XCTAssertEqual(log.count, 1)
        }
    }

    func testAWrongNumberOfResultsFailsEveryKey() async throws {
        try await withWatchdog {
            let scope = BatchScope()
            let users = DataLoader<Int, String>(scope: scope) { (keys: [Int]) -> [Result<String?, any Error>] in
                [.success("only one")]
            }
            let results = await runLevel(scope, count: 3) { try await users.load($0) }
            for result in results {
                XCTAssertThrowsError(try result.get()) {
                    XCTAssertEqual($0 as? DataLoaderError, .resultCountMismatch(keys: 3, results: 1))
                }
            }
            XCTAssertEqual(
                DataLoaderError.resultCountMismatch(keys: 3, results: 1).description,
                "DataLoader batch function must return one result per key: got 1 results for 3 keys."
            )
        }
    }
}
