// Quiescence-based batching: the hook between the executor and DataLoaders.
//
// The executor runs a request's resolvers level by level: sync resolvers inline, async
// ones as child tasks. A loader's `load` parks its caller in the scope. When nothing of
// the request can make progress any more (no resolver running, none of the executor's
// own work left), every loader with pending keys is dispatched at once: one batch per
// loader per level, however many items the level has.

import Foundation

/// A loader the scope can dispatch (the DataLoader conforms).
///
/// Lock order: the scope calls `hasPendingKeys` with its own lock held, so an
/// implementation must never call into the scope, or resume a `BatchContinuation`, while
/// holding a lock of its own.
public protocol BatchLoading: AnyObject, Sendable {
    /// Whether keys are waiting for a batch.
    var hasPendingKeys: Bool { get }
    /// Runs one batch with every key pending now and resumes their waiters through their
    /// `BatchContinuation`s (which keep the scope's count right). Returns when the batch is
    /// done and every waiter of it has been resumed.
    func dispatch() async
}

/// The per-request batching scope. The executor creates one per request (or takes the
/// caller's) and exposes it as `ResolveInfo.batchScope`.
///
/// Accounting: `running` counts the request's work in progress: the executor while it
/// completes values, each async resolver from its start until the executor took its
/// result, and each batch being dispatched. A load parks its resolver with `suspend`
/// (running - 1); resuming it (`BatchContinuation.resume`) adds 1 back *before* the
/// resolver runs again, so the count cannot touch zero between a batch and its waiters.
/// When it reaches zero, every loader with pending keys is dispatched, each in its own
/// task that holds one count until its `dispatch()` returns.
///
/// Thread-safe: the state is guarded by a lock (a few uncontended lock operations per
/// async resolver; sync resolvers never touch the scope).
public final class BatchScope: @unchecked Sendable {
    // @unchecked: `running` and `pending` are only read or written with `lock` held.
    private let lock = NSLock()
    private var running = 0
    private var pending: [any BatchLoading] = []
    private var pendingIDs: Set<ObjectIdentifier> = []
    /// Number of rounds dispatched so far (for tests and metrics).
    private var rounds = 0

    /// Creates an idle scope.
    public init() {}

    /// How many dispatch rounds this scope has run.
    public var dispatchRounds: Int {
        lock.lock()
        defer { lock.unlock() }
        return rounds
    }

    /// Counts `count` units of work as running (the executor calls it when it starts a
    /// resolver; call it if you run request work outside the executor that may load).
    public func beginRunning(_ count: Int = 1) {
        lock.lock()
        running += count
        lock.unlock()
    }

    /// Ends one unit of running work; at zero, dispatches every loader with pending keys.
    public func endRunning() {
        lock.lock()
        running -= 1
        let ready = takeReadyLoaders()
        lock.unlock()
        dispatch(ready)
    }

    /// Parks the calling resolver until a batch of `loader` resumes it. `register` must
    /// record the continuation with the loader's pending key (it runs before the scope
    /// counts the resolver as waiting, so the key is seen by the next dispatch).
    ///
    /// A caller the scope does not count (a load outside the executor, with no
    /// `beginRunning`) takes the count below zero; that dispatches at once, and resuming it
    /// gives the unit back, so the count is right again once it runs. Bracket such work with
    /// `beginRunning`/`endRunning` to batch it.
    public func suspend<T: Sendable>(
        on loader: any BatchLoading, _ register: (BatchContinuation<T>) -> Void
    ) async throws -> T {
        try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<T, any Error>) in
            register(BatchContinuation(scope: self, continuation: continuation))
            lock.lock()
            if pendingIDs.insert(ObjectIdentifier(loader)).inserted { pending.append(loader) }
            running -= 1
            let ready = takeReadyLoaders()
            lock.unlock()
            dispatch(ready)
        }
    }

    /// With the lock held: when nothing runs, the loaders to dispatch now (their batches
    /// are counted as running). Below zero, uncounted callers are parked (see `suspend`):
    /// dispatching then may split a level in two, but strands no waiter.
    private func takeReadyLoaders() -> [any BatchLoading] {
        guard running <= 0, !pending.isEmpty else { return [] }
        let ready = pending.filter(\.hasPendingKeys)
        pending.removeAll(keepingCapacity: true)
        pendingIDs.removeAll(keepingCapacity: true)
        if !ready.isEmpty {
            running += ready.count
            rounds += 1
        }
        return ready
    }

    private func dispatch(_ loaders: [any BatchLoading]) {
        for loader in loaders {
            Task {
                await loader.dispatch()
                self.endRunning()
            }
        }
    }
}

/// A parked load: resume it exactly once with the loaded value or an error.
public struct BatchContinuation<T: Sendable>: Sendable {
    let scope: BatchScope
    let continuation: UnsafeContinuation<T, any Error>

    /// Resumes the waiting resolver with a value.
    public func resume(returning value: T) {
        scope.beginRunning()
        continuation.resume(returning: value)
    }

    /// Resumes the waiting resolver with an error.
    public func resume(throwing error: any Error) {
        scope.beginRunning()
        continuation.resume(throwing: error)
    }

    /// Resumes the waiting resolver with a result.
    public func resume(with result: Result<T, any Error>) {
        scope.beginRunning()
        continuation.resume(with: result)
    }
}
