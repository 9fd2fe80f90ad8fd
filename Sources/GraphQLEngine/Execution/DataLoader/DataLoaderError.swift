// Errors a DataLoader reports for a batch function's result it cannot use.

/// An error of a `DataLoader` itself (the batch function's own errors pass through as they are).
public enum DataLoaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An `alignedBatch` function returned `results` results for `keys` keys: every key of
    /// that call fails, as no result can be matched to its key.
    case resultCountMismatch(keys: Int, results: Int)

    public var description: String {
        switch self {
        case .resultCountMismatch(let keys, let results):
            "DataLoader batch function must return one result per key: got \(results) results for \(keys) keys."
        }
    }
}
