import Foundation
import GraphQLEngine
import Logging

/// The per-request context every marketplace resolver receives: who is calling, the
/// request's database access (counted), its DataLoaders and the shared services. Made by
/// `MarketplaceContextFactory`.
public struct Context: Sendable {
    /// The signed-in caller, nil for anonymous requests.
    public let viewer: Viewer?
    /// The request's id (logs, errors).
    public let requestID: String
    /// The caller's IP address as the server determined it (rate limits, sessions).
    public let clientAddress: String?
    /// The caller's `User-Agent` (recorded on sessions).
    public let userAgent: String?
    /// The request's DataLoader scope (the executor dispatches it level by level).
    public let scope: BatchScope
    /// Every statement of the request goes through this (it counts them).
    public let sql: SQLExecutor
    public let loaders: Loaders
    public let services: MarketplaceServices
    /// The services' logger with the request's id.
    public let logger: Logger

    /// The viewer, or the `UNAUTHENTICATED` error for fields that need one.
    public func requireViewer() throws -> Viewer {
        guard let viewer else { throw APIError.unauthenticated() }
        return viewer
    }

    /// A user's own records (cart, wishlist) are theirs and admins' to see: `UNAUTHENTICATED`
    /// without a viewer, `FORBIDDEN` for anyone else.
    public func requireSelfOrAdmin(_ userID: UUID, what: String) throws {
        let viewer = try requireViewer()
        guard viewer.userID == userID || viewer.role == .admin else {
            throw APIError.forbidden("Only the user and admins see the user's \(what).")
        }
    }

    /// Runs a resolver's body: `GraphQLError`s pass through; anything else (a database
    /// failure) is logged with the request id and becomes `INTERNAL_SERVER_ERROR`, so no
    /// internal detail reaches the client.
    public func guarded<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as GraphQLError {
            throw error
        } catch {
            logger.error("resolver failed", metadata: ["field": "\(what)", "error": "\(String(reflecting: error))"])
            throw APIError.internalServerError()
        }
    }
}
