import Foundation
import GraphQLEngine
import Logging

/// Makes each request's `Context`: verifies the bearer token, then loads the viewer with
/// one statement (session and user joined: a revoked session, or a suspended or deleted
/// account, ends the token's use at once).
public struct MarketplaceContextFactory: Sendable {
    public let services: MarketplaceServices

    public init(services: MarketplaceServices) {
        self.services = services
    }

    /// The context of one request.
    /// - Throws: a `GraphQLError` with `extensions.code` `UNAUTHENTICATED` when a token is
    ///   given but is invalid, expired, or its session or account is no longer active;
    ///   `INTERNAL_SERVER_ERROR` when the database fails.
    public func makeContext(
        bearerToken: String?, requestID: String, clientAddress: String? = nil, userAgent: String? = nil,
        scope: BatchScope
    ) async throws -> Context {
        var logger = services.logger
        logger[metadataKey: "request_id"] = "\(requestID)"
        let sql = SQLExecutor(database: services.database, logger: logger)
        var viewer: Viewer? = nil
        var viewerUser: User? = nil
        if let bearerToken {
            guard let claims = await services.tokens.verify(accessToken: bearerToken) else {
                throw APIError.unauthenticated("The access token is invalid or has expired.")
            }
            let user: User?
            do {
                user = try await AccountStore.viewer(sql, userID: claims.userID, sessionID: claims.sessionID)
            } catch {
                logger.error("loading the viewer failed", metadata: ["error": "\(String(reflecting: error))"])
                throw APIError.internalServerError()
            }
            guard let user else {
                throw APIError.unauthenticated("The session has ended. Sign in again.")
            }
            viewerUser = user
            viewer = Viewer(userID: user.userID, role: user.role, sessionID: claims.sessionID)
        }
        let loaders = Loaders(scope: scope, sql: sql, viewer: viewer)
        if let viewerUser { _ = loaders.users.prime(viewerUser.userID, viewerUser) }
        return Context(
            viewer: viewer, requestID: requestID, clientAddress: clientAddress, userAgent: userAgent, scope: scope,
            sql: sql, loaders: loaders, services: services, logger: logger)
    }
}
