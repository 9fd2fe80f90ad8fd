import Foundation
import GraphQLEngine

/// Parsed and validated documents by the SHA-256 of their text (the same key as Apollo's
/// persisted-query hash), bounded, least recently used first out. A repeated query is
/// neither parsed nor validated again, and its execution plans are reused.
final class DocumentCache: @unchecked Sendable {
    // @unchecked: `entries`, `order` and `tick` are only touched with `lock` held.
    private let lock = NSLock()
    private var entries: [String: (document: CachedDocument, used: UInt64)] = [:]
    private var tick: UInt64 = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func get(_ hash: String) -> CachedDocument? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[hash] else { return nil }
        tick += 1
        entries[hash] = (entry.document, tick)
        return entry.document
    }

    func set(_ hash: String, _ document: CachedDocument) {
        lock.lock()
        defer { lock.unlock() }
        tick += 1
        entries[hash] = (document, tick)
        if entries.count > capacity {
            // Evict the least recently used eighth at once: amortizes the scan.
            let evict = max(1, capacity / 8)
            let oldest = entries.sorted { $0.value.used < $1.value.used }.prefix(evict).map(\.key)
            for key in oldest { entries[key] = nil }
        }
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}

/// A document as the cache keeps it: ready to execute, or the errors that stop it.
struct CachedDocument: Sendable {
    enum State: Sendable {
        case ready(PreparedDocument)
        /// Syntax errors (`GRAPHQL_PARSE_FAILED`).
        case parseFailed([GraphQLError])
        /// Validation or limit errors (`GRAPHQL_VALIDATION_FAILED`, `QUERY_TOO_COMPLEX`).
        case invalid([GraphQLError])
    }

    let state: State
    /// The operations' names and types (for GET's queries-only rule), when parsed.
    let operations: [(name: String?, type: OperationType)]
}
