import Foundation
import GraphQLEngine

/// The marketplace's schema-first binding: `schema.graphql` (the source of truth) with
/// the resolvers of every part of the domain.
public enum MarketplaceSchema {
    /// Every resolver of the marketplace, registered against schema coordinates.
    public static func resolvers() -> SchemaResolvers<Context> {
        var resolvers = SchemaResolvers<Context>()
        Scalars.register(in: &resolvers)
        NodeResolvers.register(in: &resolvers)
        AccountResolvers.register(in: &resolvers)
        ProviderResolvers.register(in: &resolvers)
        UploadResolvers.register(in: &resolvers)
        ListingResolvers.register(in: &resolvers)
        WishlistResolvers.register(in: &resolvers)
        CartResolvers.register(in: &resolvers)
        OrderResolvers.register(in: &resolvers)
        AdminResolvers.register(in: &resolvers)
        ReviewResolvers.register(in: &resolvers)
        MessagingResolvers.register(in: &resolvers)
        SubscriptionResolvers.register(in: &resolvers)
        return resolvers
    }

    /// Reads `path` and binds the resolvers to it: throws `SchemaError` when the SDL is
    /// invalid, `SchemaBindingError` (every problem, one per line) when a field has no
    /// resolver or a resolver has no field.
    public static func load(path: String) throws -> ExecutableSchema {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try ExecutableSchema(binding: Source(body: text, name: path), resolvers: resolvers())
    }
}
