// Resolvers for the fields of one object type, with the parent's Swift type given once: the
// closures' parameters need no annotation (but `Args`). The overloads mirror `SchemaResolvers`'s.

/// The resolvers of one type's fields, whose parent value is a `Parent`.
public struct ObjectResolvers<Context: Sendable, Parent> {
    /// The GraphQL type the fields belong to.
    public let typeName: String
    var registrations: [FieldRegistration] = []

    init(typeName: String) {
        self.typeName = typeName
    }

    /// Registers the resolver of the field `name`, receiving its arguments and info (`.sync`).
    public mutating func field<Args: Decodable, Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Args, Context, ResolveInfo) throws -> Result
    ) {
        registrations.append(.sync(typeName + "." + name, arguments: DecodableArguments<Args>(), resolve))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Args: Decodable, Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Args, Context, ResolveInfo) async throws -> Result
    ) {
        registrations.append(.async(typeName + "." + name, arguments: DecodableArguments<Args>(), resolve))
    }

    /// Resolves the field with its arguments (a `.sync` resolver).
    public mutating func field<Args: Decodable, Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Args, Context) throws -> Result
    ) {
        registrations.append(
            .sync(typeName + "." + name, arguments: DecodableArguments<Args>(), ResolverAdapters.sync(resolve)))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Args: Decodable, Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Args, Context) async throws -> Result
    ) {
        registrations.append(
            .async(typeName + "." + name, arguments: DecodableArguments<Args>(), ResolverAdapters.async(resolve)))
    }

    /// Resolves the field with the context (a `.sync` resolver).
    public mutating func field<Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Context) throws -> Result
    ) {
        registrations.append(
            .sync(typeName + "." + name, arguments: IgnoredArguments(), ResolverAdapters.sync(resolve)))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent, Context) async throws -> Result
    ) {
        registrations.append(
            .async(typeName + "." + name, arguments: IgnoredArguments(), ResolverAdapters.async(resolve)))
    }

    /// Resolves the field from the parent alone (a `.sync` resolver).
    public mutating func field<Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent) throws -> Result
    ) {
        registrations.append(
            .sync(typeName + "." + name, arguments: IgnoredArguments(), ResolverAdapters.sync(resolve)))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Result>(
        _ name: String, _ resolve: @escaping @Sendable (Parent) async throws -> Result
    ) {
        registrations.append(
            .async(typeName + "." + name, arguments: IgnoredArguments(), ResolverAdapters.async(resolve)))
    }
}
