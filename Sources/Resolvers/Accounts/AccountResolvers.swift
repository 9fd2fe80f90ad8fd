import Foundation
import GraphQLEngine

/// The accounts part of the schema: `Query.me`, the account mutations, `User` and the
/// payload types.
enum AccountResolvers {
    struct RegisterArgs: Decodable { var input: RegisterInput }
    struct LoginArgs: Decodable {
        var email: String
        var password: String
    }
    struct RefreshArgs: Decodable { var refreshToken: String }
    struct TokenArgs: Decodable { var token: String }
    struct EmailArgs: Decodable { var email: String }
    struct ResetArgs: Decodable {
        var token: String
        var newPassword: String
    }
    struct ProfileArgs: Decodable { var input: ProfileInput }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Query") { query in
            // The viewer's row was loaded with the session and primed into the loader, so
            // this runs no statement of its own.
            query.field("me") { (_: Void, ctx: Context) async throws -> User? in
                guard let viewer = ctx.viewer else { return nil }
                return try await ctx.guarded("Query.me") { try await ctx.loaders.users.load(viewer.userID) }
            }
        }
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("register") { (_: Void, args: RegisterArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.register") { try await SessionFlows.register(args.input, ctx) }
            }
            mutation.field("login") { (_: Void, args: LoginArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.login") {
                    try await SessionFlows.login(email: args.email, password: args.password, ctx)
                }
            }
            mutation.field("refreshSession") { (_: Void, args: RefreshArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.refreshSession") {
                    try await SessionFlows.refresh(refreshToken: args.refreshToken, ctx)
                }
            }
            mutation.field("logout") { (_: Void, ctx: Context) async throws in
                try await ctx.guarded("Mutation.logout") { try await SessionFlows.logout(ctx) }
            }
            mutation.field("verifyEmail") { (_: Void, args: TokenArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.verifyEmail") { try await RecoveryFlows.verifyEmail(token: args.token, ctx) }
            }
            mutation.field("requestPasswordReset") { (_: Void, args: EmailArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.requestPasswordReset") {
                    try await RecoveryFlows.requestPasswordReset(email: args.email, ctx)
                }
            }
            mutation.field("resetPassword") { (_: Void, args: ResetArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.resetPassword") {
                    try await RecoveryFlows.resetPassword(token: args.token, newPassword: args.newPassword, ctx)
                }
            }
            mutation.field("updateProfile") { (_: Void, args: ProfileArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.updateProfile") { try await RecoveryFlows.updateProfile(args.input, ctx) }
            }
        }
        resolvers.object("User", User.self) { user in
            user.field("id") { (user: User) in GlobalID("User", user.userID).description }
            user.field("email") { (user: User, ctx: Context) in user.isVisibleInFull(to: ctx.viewer) ? user.email : nil }
            user.field("phone") { (user: User, ctx: Context) in user.isVisibleInFull(to: ctx.viewer) ? user.phone : nil }
            user.field("emailVerified") { (user: User) in user.emailVerifiedAt != nil }
        }
        resolvers.object("AuthPayload", AuthPayload.self)
        resolvers.object("UserPayload", UserPayload.self)
        resolvers.object("LogoutPayload", LogoutPayload.self)
        resolvers.object("RequestPasswordResetPayload", RequestPasswordResetPayload.self)
        resolvers.object("UserError", UserError.self)
    }
}
