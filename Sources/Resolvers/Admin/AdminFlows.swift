import Foundation
import GraphQLEngine

/// Admin actions through the API (admins themselves are made by `marketplace admin create`,
/// never through it). Each writes an `audit_log` row in its transaction.
enum AdminFlows {
    struct SuspendArgs: Decodable, Sendable {
        var id: String
        var reason: String
    }

    /// `suspendUser`: the account stops signing in, its sessions end at once (their tokens
    /// are refused from the next request), and its provider profile, with every listing, is
    /// hidden. Suspending a suspended user changes nothing.
    static func suspend(_ args: SuspendArgs, _ ctx: Context) async throws -> UserPayload {
        let viewer = try ctx.requireViewer()
        guard viewer.role == .admin else { throw APIError.forbidden("Only admins can suspend users.") }
        let userID = try GlobalID.parse(args.id, as: "User")
        let reason = args.reason.trimmingWhitespace()
        guard (1...500).contains(reason.count) else {
            return UserPayload(user: nil, errors: [UserError(
                field: ["reason"], code: .invalidInput, message: "Give a reason of 1 to 500 characters.")])
        }
        guard let target = try await ctx.loaders.users.load(userID) else { throw APIError.notFound("There is no such user.") }
        guard target.role != .admin else {
            return UserPayload(user: nil, errors: [UserError(
                field: ["id"], code: .invalidInput, message: "Admins cannot be suspended through the API.")])
        }
        if target.status == .active {
            try await ctx.sql.transaction { tx in
                try await tx.query("""
                    UPDATE marketplace.users SET status = 'suspended', suspended_reason = \(reason)
                    WHERE id = \(userID) AND status = 'active'
                    """)
                try await AccountStore.revokeSessions(tx, userID: userID, reason: "suspended")
                try await tx.query("""
                    UPDATE marketplace.providers SET status = 'suspended' WHERE user_id = \(userID) AND deleted_at IS NULL
                    """)
                try await EventLog.append(tx, type: "USER_SUSPENDED", entityID: userID, actorID: viewer.userID)
                try await AuditLog.append(
                    tx, actorID: viewer.userID, action: "USER_SUSPENDED", entityType: "user", entityID: userID,
                    before: ["status": "active"], after: ["status": "suspended", "reason": reason])
            }
        }
        ctx.loaders.users.clear(userID)
        ctx.loaders.providersByUser.clear(userID)
        return UserPayload(user: try await ctx.loaders.users.load(userID), errors: [])
    }
}

/// The admin part of the schema.
enum AdminResolvers {
    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("suspendUser") { (_: Void, args: AdminFlows.SuspendArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.suspendUser") { try await AdminFlows.suspend(args, ctx) }
            }
        }
    }
}
