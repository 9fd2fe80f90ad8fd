// graphql-js's DataLoader, batched by the request's `BatchScope` instead of by the event
// loop's tick: every key loaded while the request makes progress waits for the moment
// nothing can progress any more, then each loader runs one batch with all of them.

import Foundation

/// Batches and caches keyed loads for one request (create one per loader per request).
///
/// A resolver calls `load(_:)`; its task parks until the request's `BatchScope` sees that
/// nothing else can progress, then the loader calls its batch function once with every key
/// loaded meanwhile (deduplicated, in the order first loaded) and resumes every waiter. So a
/// query of depth d runs about d batches per loader, however many items each level has.
///
/// The batch function comes in two shapes:
/// - `batch:` returns a dictionary (`[Key: Value]`); a key it leaves out has no value and its
///   `load` returns `nil`. This suits SQL: `WHERE id = ANY($1)`, then key the rows by id.
///   For a to-many relation, let `Value` be an array and group the rows by their foreign key
///   (`Dictionary(grouping: rows, by: \.authorID)`); a key without rows loads `nil`, which
///   the resolver turns into `?? []`.
/// - `alignedBatch:` returns one `Result` per key, in the keys' order (graphql-js's batch
///   function), for a per-key error.
///
/// If the batch function throws, every key of that call fails with the error. Results are
/// cached for the loader's life, errors included (graphql-js does the same), so a key loads
/// once per request; `clear(_:)` it after a mutation changes it. Cancellation is never cached.
///
/// Cancellation: a load whose task is cancelled throws `CancellationError` at once, without
/// waiting for its batch. Keys nobody waits for any more are left out of the next batch, and
/// a batch call in flight whose waiters are all gone is cancelled (the batch function's task
/// is cancelled: a database driver cancels its query) and its results are not cached.
///
/// Outside the executor, a `load` with nothing counted running in the scope is dispatched at
/// once, alone; bracket concurrent loads with `scope.beginRunning(n)` and one
/// `scope.endRunning()` per finished task to batch them.
///
/// ```swift
/// let users = DataLoader<UserID, User>(scope: info.batchScope) { ids in
///     let rows = try await db.query("SELECT ... FROM users WHERE id = ANY(\(ids))")
///     return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
/// }
/// let author = try await users.load(post.authorID)  // nil: no such user
/// ```
public final class DataLoader<Key: Hashable & Sendable, Value: Sendable>: BatchLoading, @unchecked Sendable {
    // @unchecked: every mutable stored property below `lock`, and every mutable property of
    // the `Entry`, `Batch` and `Waiter` objects they refer to, is only read or written with
    // `lock` held. The lock is never held while calling out (the batch function, resuming a
    // continuation, cancelling a task, the scope): the scope calls `hasPendingKeys` with its
    // own lock held, so the order is always scope, then loader.

    /// The outcome of loading one key: its value, `nil` when the batch had none, or the error.
    public typealias LoadResult = Result<Value?, any Error>

    /// The scope whose quiescence dispatches this loader.
    public let scope: BatchScope
    /// The most keys one call of the batch function gets; a dispatch with more pending keys
    /// splits them into calls of at most this many, which run concurrently.
    public let maxBatchSize: Int
    /// Whether results are kept for later loads of the same key. Without the cache, keys
    /// loaded before one dispatch are still deduplicated into one batch entry.
    public let cacheKeys: Bool

    /// Calls the user's batch function: one result per key, in order; never throws.
    private let batchFunction: @Sendable ([Key]) async -> [LoadResult]

    private let lock = NSLock()
    /// The cache: every pending entry (always, so a key is batched once), and entries in
    /// flight or done (only with `cacheKeys`).
    private var entries: [Key: Entry] = [:]
    /// Entries created since the last dispatch; some may have been dropped since.
    private var pendingEntries: [Entry] = []
    /// How many of `pendingEntries` are still pending.
    private var pendingCount = 0

    /// Creates a loader whose batch function returns the values it found, by key; a key it
    /// leaves out has no value (`load` returns `nil`).
    ///
    /// - Parameters:
    ///   - scope: the request's batch scope (`ResolveInfo.batchScope`).
    ///   - maxBatchSize: the most keys one call of `batch` gets (> 0).
    ///   - cacheKeys: whether results are cached for later loads of the same key.
    ///   - batch: loads the given distinct keys; throwing fails every one of them.
    public convenience init(
        scope: BatchScope, maxBatchSize: Int = .max, cacheKeys: Bool = true,
        batch: @escaping @Sendable ([Key]) async throws -> [Key: Value]
    ) {
        self.init(scope: scope, maxBatchSize: maxBatchSize, cacheKeys: cacheKeys) { keys in
            do {
                let values = try await batch(keys)
                return keys.map { .success(values[$0]) }
            } catch {
                return Array(repeating: .failure(error), count: keys.count)
            }
        }
    }

    /// Creates a loader whose batch function returns one result per key, in the order of the
    /// keys (graphql-js's batch function): a value, `nil` for no value, or that key's error.
    /// Returning another number of results fails every key with
    /// `DataLoaderError.resultCountMismatch`.
    ///
    /// - Parameters:
    ///   - scope: the request's batch scope (`ResolveInfo.batchScope`).
    ///   - maxBatchSize: the most keys one call of `alignedBatch` gets (> 0).
    ///   - cacheKeys: whether results are cached for later loads of the same key.
    ///   - alignedBatch: loads the given distinct keys; throwing fails every one of them.
    public convenience init(
        scope: BatchScope, maxBatchSize: Int = .max, cacheKeys: Bool = true,
        alignedBatch: @escaping @Sendable ([Key]) async throws -> [LoadResult]
    ) {
        self.init(scope: scope, maxBatchSize: maxBatchSize, cacheKeys: cacheKeys) { keys in
            do {
                let results = try await alignedBatch(keys)
                guard results.count == keys.count else {
                    let error = DataLoaderError.resultCountMismatch(keys: keys.count, results: results.count)
                    return Array(repeating: .failure(error), count: keys.count)
                }
                return results
            } catch {
                return Array(repeating: .failure(error), count: keys.count)
            }
        }
    }

    private init(
        scope: BatchScope, maxBatchSize: Int, cacheKeys: Bool,
        batchFunction: @escaping @Sendable ([Key]) async -> [LoadResult]
    ) {
        precondition(maxBatchSize > 0, "DataLoader maxBatchSize must be positive")
        self.scope = scope
        self.maxBatchSize = maxBatchSize
        self.cacheKeys = cacheKeys
        self.batchFunction = batchFunction
    }

    // MARK: Loading

    /// Loads one key: its value, or `nil` when the batch function returned none for it.
    /// Throws the key's error, or `CancellationError` when the task is cancelled while it
    /// waits. A cached key returns without waiting.
    public func load(_ key: Key) async throws -> Value? {
        if let result = cachedResult(key) { return try result.get() }
        let waiter = Waiter()
        return try await withTaskCancellationHandler {
            try await scope.suspend(on: self) { (continuation: BatchContinuation<Value?>) in
                lock.lock()
                if waiter.cancelled {
                    lock.unlock()
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let entry = entryForLoad(key)
                if case .done(let result) = entry.state {
                    lock.unlock()
                    continuation.resume(with: result)
                    return
                }
                attach(waiter, to: entry, slot: 0)
                waiter.continuation = .one(continuation)
                lock.unlock()
            }
        } onCancel: {
            cancel(waiter)
        }
    }

    /// Loads several keys with one wait (they join the same batch): one result per key, in
    /// order, so one key's error fails only that key. Throws only `CancellationError`, when
    /// the task is cancelled while it waits.
    public func loadMany(_ keys: [Key]) async throws -> [LoadResult] {
        let cached = keys.map(cachedResult)
        if !cached.contains(where: { $0 == nil }) { return cached.compactMap { $0 } }

        let waiter = Waiter()
        return try await withTaskCancellationHandler {
            try await scope.suspend(on: self) { (continuation: BatchContinuation<[LoadResult]>) in
                lock.lock()
                if waiter.cancelled {
                    lock.unlock()
                    continuation.resume(throwing: CancellationError())
                    return
                }
                waiter.results = cached
                for (slot, key) in keys.enumerated() where cached[slot] == nil {
                    let entry = entryForLoad(key)
                    if case .done(let result) = entry.state {
                        waiter.results[slot] = result
                    } else {
                        attach(waiter, to: entry, slot: slot)
                        waiter.remaining += 1
                    }
                }
                if waiter.remaining == 0 {
                    let results = waiter.results.compactMap { $0 }
                    lock.unlock()
                    continuation.resume(returning: results)
                    return
                }
                waiter.continuation = .many(continuation)
                lock.unlock()
            }
        } onCancel: {
            cancel(waiter)
        }
    }

    // MARK: The cache

    /// Forgets `key`'s cached result, so the next load of it runs a batch again (after a
    /// mutation changed it). Loads already waiting for it still get the batch's result; a
    /// key waiting for the next dispatch stays, as that batch fetches it afresh anyway.
    public func clear(_ key: Key) {
        lock.lock()
        if let entry = entries[key], !entry.isPending { entries[key] = nil }
        lock.unlock()
    }

    /// Forgets every cached result (see `clear(_:)`).
    public func clearAll() {
        lock.lock()
        entries = entries.filter { $0.value.isPending }
        lock.unlock()
    }

    /// Caches `value` for `key`, so loading it needs no batch. Does nothing, and returns
    /// `false`, when the key is already cached or being loaded (`clear(_:)` it first to
    /// replace it) or when the loader does not cache.
    @discardableResult
    public func prime(_ key: Key, _ value: Value) -> Bool {
        guard cacheKeys else { return false }
        lock.lock()
        defer { lock.unlock() }
        guard entries[key] == nil else { return false }
        let entry = Entry(key: key)
        entry.state = .done(.success(value))
        entries[key] = entry
        return true
    }

    // MARK: BatchLoading

    /// Whether keys are waiting for a batch.
    public var hasPendingKeys: Bool {
        lock.lock()
        defer { lock.unlock() }
        return pendingCount > 0
    }

    /// Runs the batch function for every key pending now (in calls of at most
    /// `maxBatchSize` keys, concurrently) and resumes their waiters; returns when all is done.
    public func dispatch() async {
        let batches = takePendingBatches()
        if batches.count == 1 {
            await run(batches[0])
        } else if batches.count > 1 {
            await withTaskGroup(of: Void.self) { group in
                for batch in batches {
                    group.addTask { await self.run(batch) }
                }
            }
        }
    }

    // MARK: Internals

    /// A cached key's result, if it has one.
    private func cachedResult(_ key: Key) -> LoadResult? {
        lock.lock()
        defer { lock.unlock() }
        if case .done(let result)? = entries[key]?.state { return result }
        return nil
    }

    /// Takes every pending entry into batch calls of at most `maxBatchSize` keys.
    private func takePendingBatches() -> [Batch] {
        lock.lock()
        defer { lock.unlock() }
        let taken = pendingEntries.filter(\.isPending)
        pendingEntries.removeAll(keepingCapacity: true)
        pendingCount = 0
        var batches: [Batch] = []
        var start = 0
        while start < taken.count {
            let end = taken.count - start > maxBatchSize ? start + maxBatchSize : taken.count
            let batch = Batch(entries: Array(taken[start..<end]))
            for entry in batch.entries {
                entry.state = .inFlight(batch)
                if !cacheKeys { entries[entry.key] = nil }
            }
            batches.append(batch)
            start = end
        }
        return batches
    }

    /// One key's load, shared by every waiter of the key.
    private final class Entry: @unchecked Sendable {
        // @unchecked: mutable state guarded by the owning loader's lock.
        enum State {
            /// Waiting for the next dispatch.
            case pending
            /// Its batch call is running.
            case inFlight(Batch)
            /// Settled (and cached, if it is still in `entries`).
            case done(LoadResult)
            /// Every waiter was cancelled before it was dispatched.
            case dropped
        }

        let key: Key
        var state = State.pending
        /// The waiters still to resume, with their slot (index in `loadMany`'s keys).
        var waiters: [(waiter: Waiter, slot: Int)] = []

        init(key: Key) { self.key = key }

        var isPending: Bool {
            if case .pending = state { return true }
            return false
        }
    }

    /// One call of the batch function.
    private final class Batch: @unchecked Sendable {
        // @unchecked: mutable state guarded by the owning loader's lock.
        let entries: [Entry]
        /// How many entries still have a waiter; at zero the call is cancelled.
        var liveEntries: Int
        /// The task running the batch function, once started.
        var task: Task<[LoadResult], Never>?
        /// Whether every waiter left and the call was (or is to be) cancelled.
        var cancelled = false

        init(entries: [Entry]) {
            self.entries = entries
            liveEntries = entries.count
        }
    }

    /// A parked `load` or `loadMany`.
    private final class Waiter: @unchecked Sendable {
        // @unchecked: mutable state guarded by the owning loader's lock (the cancellation
        // handler, which may run on any thread, takes it too).
        enum Continuation {
            case one(BatchContinuation<Value?>)
            case many(BatchContinuation<[LoadResult]>)
        }

        /// Set when parked; `nil` once resumed, so it is resumed exactly once.
        var continuation: Continuation?
        /// Set by the cancellation handler (possibly before the waiter parks).
        var cancelled = false
        /// The entries it waits on (for cancellation).
        var entries: [Entry] = []
        /// `loadMany`: the result of each slot so far, and how many are missing.
        var results: [LoadResult?] = []
        var remaining = 0
    }

    /// A resumption decided with the lock held, to run after unlocking.
    private enum Resumption {
        case one(BatchContinuation<Value?>, LoadResult)
        case many(BatchContinuation<[LoadResult]>, [LoadResult])
        case cancelled(Waiter.Continuation)

        func run() {
            switch self {
            case .one(let continuation, let result): continuation.resume(with: result)
            case .many(let continuation, let results): continuation.resume(returning: results)
            case .cancelled(.one(let continuation)): continuation.resume(throwing: CancellationError())
            case .cancelled(.many(let continuation)): continuation.resume(throwing: CancellationError())
            }
        }
    }

    /// With the lock held: the entry `key` loads from, created pending if needed.
    private func entryForLoad(_ key: Key) -> Entry {
        if let entry = entries[key] { return entry }
        let entry = Entry(key: key)
        entries[key] = entry
        pendingEntries.append(entry)
        pendingCount += 1
        return entry
    }

    /// With the lock held: makes `waiter` wait on `entry` (not done) for `slot`.
    private func attach(_ waiter: Waiter, to entry: Entry, slot: Int) {
        // A late load may revive an in-flight entry whose waiters were all cancelled (its
        // call goes on while other entries still have waiters).
        if entry.waiters.isEmpty, case .inFlight(let batch) = entry.state { batch.liveEntries += 1 }
        entry.waiters.append((waiter, slot))
        waiter.entries.append(entry)
    }

    /// Runs one batch call and settles its entries.
    private func run(_ batch: Batch) async {
        let keys = batch.entries.map(\.key)
        let batchFunction = self.batchFunction
        // Its own task, so that it can be cancelled alone when all its waiters leave.
        let task = Task { await batchFunction(keys) }
        if started(batch, task) { task.cancel() }
        for resumption in finish(batch, with: await task.value) { resumption.run() }
    }

    /// Records the task running `batch`; whether to cancel it (its waiters all left already).
    private func started(_ batch: Batch, _ task: Task<[LoadResult], Never>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        batch.task = task
        return batch.cancelled
    }

    /// Settles `batch`'s entries with its results: the waiters to resume.
    private func finish(_ batch: Batch, with results: [LoadResult]) -> [Resumption] {
        var resumptions: [Resumption] = []
        lock.lock()
        defer { lock.unlock() }
        for (entry, result) in zip(batch.entries, results) {
            settle(entry, with: result, into: &resumptions)
            let keep = cacheKeys && !batch.cancelled && !Self.isCancellation(result)
            if !keep, entries[entry.key] === entry { entries[entry.key] = nil }
        }
        return resumptions
    }

    /// With the lock held: records `entry`'s result and collects the waiters it completes.
    private func settle(_ entry: Entry, with result: LoadResult, into resumptions: inout [Resumption]) {
        entry.state = .done(result)
        for (waiter, slot) in entry.waiters {
            switch waiter.continuation {
            case .one(let continuation)?:
                waiter.continuation = nil
                resumptions.append(.one(continuation, result))
            case .many(let continuation)?:
                waiter.results[slot] = result
                waiter.remaining -= 1
                if waiter.remaining == 0 {
                    waiter.continuation = nil
                    resumptions.append(.many(continuation, waiter.results.compactMap { $0 }))
                }
            case nil:
                break
            }
        }
        entry.waiters = []
    }

    /// The cancellation handler of a load: resumes its waiter with `CancellationError` now,
    /// drops the keys nobody waits for any more, and cancels batch calls left without waiters.
    private func cancel(_ waiter: Waiter) {
        var tasks: [Task<[LoadResult], Never>] = []
        lock.lock()
        waiter.cancelled = true
        guard let continuation = waiter.continuation else {
            // Not parked yet (it will see `cancelled`), or already resumed.
            lock.unlock()
            return
        }
        waiter.continuation = nil
        for entry in waiter.entries {
            let before = entry.waiters.count
            entry.waiters.removeAll { $0.waiter === waiter }
            // A key loaded twice by one `loadMany` is listed twice: count it once.
            guard entry.waiters.isEmpty, entry.waiters.count != before else { continue }
            switch entry.state {
            case .pending:
                entry.state = .dropped
                pendingCount -= 1
                if entries[entry.key] === entry { entries[entry.key] = nil }
            case .inFlight(let batch):
                batch.liveEntries -= 1
                if batch.liveEntries == 0, !batch.cancelled {
                    batch.cancelled = true
                    // Later loads of these keys start afresh rather than join a cancelled call.
                    for entry in batch.entries where entries[entry.key] === entry {
                        entries[entry.key] = nil
                    }
                    if let task = batch.task { tasks.append(task) }
                }
            case .done, .dropped:
                break
            }
        }
        waiter.entries = []
        lock.unlock()
        for task in tasks { task.cancel() }
        Resumption.cancelled(continuation).run()
    }

    private static func isCancellation(_ result: LoadResult) -> Bool {
        if case .failure(let error) = result, error is CancellationError { return true }
        return false
    }
}
