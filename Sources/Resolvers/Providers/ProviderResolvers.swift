import Foundation
import GraphQLEngine

/// The providers part of the schema: `Query.provider`, `becomeProvider`, `updateProvider`,
/// `User.provider`, `Provider` and its payload.
enum ProviderResolvers {
    struct ProviderArgs: Decodable { var id: String }
    struct InputArgs: Decodable { var input: ProviderInput }

    static func register(in resolvers: inout SchemaResolvers<Context>) {
        resolvers.fields(of: "Query") { query in
            query.field("provider") { (_: Void, args: ProviderArgs, ctx: Context) async throws -> Provider? in
                let id = try GlobalID.parse(args.id, as: "Provider")
                return try await ctx.guarded("Query.provider") { try await ctx.loaders.providers.load(id) }
            }
        }
        resolvers.fields(of: "Mutation") { mutation in
            mutation.field("becomeProvider") { (_: Void, args: InputArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.becomeProvider") { try await ProviderFlows.becomeProvider(args.input, ctx) }
            }
            mutation.field("startProviderOnboarding") { (_: Void, args: ProviderOnboarding.Args, ctx: Context) async throws in
                try await ctx.guarded("Mutation.startProviderOnboarding") { try await ProviderOnboarding.start(args, ctx) }
            }
            mutation.field("updateProvider") { (_: Void, args: InputArgs, ctx: Context) async throws in
                try await ctx.guarded("Mutation.updateProvider") { try await ProviderFlows.updateProvider(args.input, ctx) }
            }
        }
        resolvers.fields(of: "User", User.self) { user in
            user.field("provider") { (user: User, ctx: Context) async throws -> Provider? in
                try await ctx.guarded("User.provider") { try await ctx.loaders.providersByUser.load(user.userID) }
            }
        }
        resolvers.object("Provider", Provider.self) { provider in
            provider.field("id") { (provider: Provider) in GlobalID("Provider", provider.providerID).description }
            provider.field("user") { (provider: Provider, ctx: Context) async throws -> User? in
                try await ctx.guarded("Provider.user") { try await ctx.loaders.users.load(provider.userID) }
            }
            provider.field("stripeOnboardingComplete") { (provider: Provider) in provider.stripeOnboardingComplete }
            provider.field("paymentMode") { (provider: Provider) in provider.paymentModeValue.uppercased() }
        }
        resolvers.object("ProviderPayload", ProviderPayload.self)
        resolvers.object("ProviderOnboardingPayload", ProviderOnboardingPayload.self)
    }
}
