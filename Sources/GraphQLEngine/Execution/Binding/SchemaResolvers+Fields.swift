// The `field` overloads of `SchemaResolvers`: a resolver for a schema coordinate, with the
// parent, arguments, context and info it takes. Each signature comes as a synchronous closure
// (compiled to an inline `.sync` resolver) and an `async` one; closures of different arity
// never compete, so trailing closures need annotations only for what the compiler cannot
// infer: the `Parent` (use `object(_:_:_:)` to give it once per type) and the `Args`.

extension SchemaResolvers {
    /// Registers the resolver of the field at `coordinate` (`"Listing.provider"`; an interface
    /// field applies to the implementations that have no resolver of their own). `Parent` is
    /// the parent value's Swift type (`Void` at the root), `Args` a `Decodable` struct whose
    /// properties are the field's arguments (`NoArguments` for none), `Result` anything the
    /// executor completes; a Swift enum with `String` raw values is written as its raw value.
    /// This one receives the arguments and the `ResolveInfo` (a `.sync` resolver).
    public mutating func field<Parent, Args: Decodable, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent, Args, Context, ResolveInfo) throws -> Result
    ) {
        registrations.fields.append(.sync(coordinate, arguments: DecodableArguments<Args>(), resolve))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Parent, Args: Decodable, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent, Args, Context, ResolveInfo) async throws -> Result
    ) {
        registrations.fields.append(.async(coordinate, arguments: DecodableArguments<Args>(), resolve))
    }

    /// Resolves the field with its arguments (a `.sync` resolver).
    public mutating func field<Parent, Args: Decodable, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent, Args, Context) throws -> Result
    ) {
        registrations.fields.append(
            .sync(coordinate, arguments: DecodableArguments<Args>(), ResolverAdapters.sync(resolve)))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Parent, Args: Decodable, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent, Args, Context) async throws -> Result
    ) {
        registrations.fields.append(
            .async(coordinate, arguments: DecodableArguments<Args>(), ResolverAdapters.async(resolve)))
    }

    /// Resolves the field with the context (a `.sync` resolver).
    public mutating func field<Parent, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent, Context) throws -> Result
    ) {
        registrations.fields.append(.sync(coordinate, arguments: IgnoredArguments(), ResolverAdapters.sync(resolve)))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Parent, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent, Context) async throws -> Result
    ) {
        registrations.fields.append(.async(coordinate, arguments: IgnoredArguments(), ResolverAdapters.async(resolve)))
    }

    /// Resolves the field from the parent alone (a `.sync` resolver).
    public mutating func field<Parent, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent) throws -> Result
    ) {
        registrations.fields.append(.sync(coordinate, arguments: IgnoredArguments(), ResolverAdapters.sync(resolve)))
    }

    /// The same, for closures that `await` (an `.async` resolver).
    public mutating func field<Parent, Result>(
        _ coordinate: String, _ resolve: @escaping @Sendable (Parent) async throws -> Result
    ) {
        registrations.fields.append(.async(coordinate, arguments: IgnoredArguments(), ResolverAdapters.async(resolve)))
    }
}
