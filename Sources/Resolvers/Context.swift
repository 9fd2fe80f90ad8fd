import GraphQLEngine

/// The per-request context every marketplace resolver receives: who is calling and the
/// request's batching scope (its DataLoaders are made on it). Grows with the domain:
/// the viewer, loaders, database and services.
public struct Context: Sendable {
    /// The bearer token the request carried, if any.
    public let bearerToken: String?
    /// The request's id (logs, errors).
    public let requestID: String
    /// The request's DataLoader scope (the executor dispatches it level by level).
    public let scope: BatchScope

    public init(bearerToken: String?, requestID: String, scope: BatchScope) {
        self.bearerToken = bearerToken
        self.requestID = requestID
        self.scope = scope
    }
}
