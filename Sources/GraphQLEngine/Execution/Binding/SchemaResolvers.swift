// The registry a schema-first server writes its resolvers into: typed closures registered
// against schema coordinates, Swift types behind object types, custom scalars and
// subscriptions. Nothing is checked here; `ExecutableSchema(binding:resolvers:)` checks it
// all against the schema at once and reports every problem in one error.

/// The resolvers of a schema, typed by the request context.
///
/// ```swift
/// var resolvers = SchemaResolvers<AppContext>()
/// resolvers.field("Query.listing") { (_: Void, args: ListingArgs, ctx: AppContext) in
///     try await ctx.listings.find(args.id)
/// }
/// resolvers.object("Listing", MarketListing.self) { listing in
///     listing.field("provider") { listing, ctx in try await ctx.providers.load(listing.providerID) }
/// }
/// let executable = try ExecutableSchema(binding: sdl, resolvers: resolvers)
/// ```
///
/// Fields without a resolver read the stored property of the same name of their parent's Swift
/// type. A resolver whose closure does not `await` runs inline (`FieldResolver.sync`).
public struct SchemaResolvers<Context: Sendable>: Sendable {
    var registrations = Registrations()

    /// An empty registry.
    public init() {}

    /// Adds everything registered in `other` (resolvers kept per part of the domain).
    public mutating func merge(_ other: SchemaResolvers<Context>) {
        registrations.append(contentsOf: other.registrations)
    }

    // MARK: Object types

    /// Declares `type` as the Swift type of the object type `typeName`: values of it are
    /// recognized as that type wherever an interface or union is expected, and its stored
    /// properties serve the fields that have no resolver. Root types take no Swift type.
    public mutating func object<Parent>(_ typeName: String, _ type: Parent.Type) {
        registrations.objects.append(ObjectRegistration(typeName: typeName, swiftType: .of(Parent.self)))
    }

    /// Declares the Swift type of an object type and registers resolvers for its fields,
    /// whose closures then need no type annotation for the parent:
    /// `resolvers.object("Listing", MarketListing.self) { $0.field("provider") { listing, ctx in ... } }`.
    public mutating func object<Parent>(
        _ typeName: String, _ type: Parent.Type, _ fields: (inout ObjectResolvers<Context, Parent>) throws -> Void
    ) rethrows {
        object(typeName, type)
        try self.fields(of: typeName, type, fields)
    }

    /// Registers resolvers for fields of `typeName` whose parent is a `Parent`, without
    /// declaring `Parent` as the type's Swift type.
    public mutating func fields<Parent>(
        of typeName: String, _ parent: Parent.Type, _ fields: (inout ObjectResolvers<Context, Parent>) throws -> Void
    ) rethrows {
        var object = ObjectResolvers<Context, Parent>(typeName: typeName)
        try fields(&object)
        registrations.fields += object.registrations
    }

    /// Registers resolvers for fields of a root type (`Query`, `Mutation`), whose parent is
    /// the root value and is ignored: `resolvers.fields(of: "Query") { $0.field("me") { _, ctx in ctx.viewer } }`.
    public mutating func fields(
        of typeName: String, _ fields: (inout ObjectResolvers<Context, Void>) throws -> Void
    ) rethrows {
        try self.fields(of: typeName, Void.self, fields)
    }

    // MARK: Abstract types

    /// Resolves the object type of the values of an interface or union by hand, instead of
    /// by the Swift types of its possible types.
    public mutating func typeResolver(
        _ typeName: String, _ resolve: @escaping @Sendable (_ value: Any, _ context: Context) throws -> String?
    ) {
        registrations.typeResolvers.append(
            TypeResolverRegistration(typeName: typeName, resolve: TypeResolution.explicit(typeName, resolve)))
    }

    // MARK: Scalars

    /// Binds the custom scalar `name` to the Swift type `T`. Results of type `T` serialize
    /// with `serialize`; input values (literals and variables) are checked with `parseValue`
    /// during coercion and parsed into `T` when arguments are decoded. `parseLiteral`, when
    /// given, reads literals instead (its results are then serialized for coercion and
    /// parsed again, so `parseValue` must accept what `serialize` produces). A thrown
    /// `GraphQLError` keeps its message.
    public mutating func scalar<T>(
        _ name: String, _ type: T.Type = T.self,
        serialize: @escaping @Sendable (T) throws -> InputValue,
        parseValue: @escaping @Sendable (InputValue) throws -> T,
        parseLiteral: (@Sendable (_ value: Value, _ variables: [String: InputValue]?) throws -> T)? = nil
    ) {
        registrations.scalars.append(
            .make(name, T.self, serialize: serialize, parseValue: parseValue, parseLiteral: parseLiteral))
    }

    /// Binds a custom scalar whose serialized form is a string (dates, URLs, money amounts).
    public mutating func scalar<T>(
        _ name: String, _ type: T.Type = T.self,
        serialize: @escaping @Sendable (T) throws -> String,
        parseValue: @escaping @Sendable (InputValue) throws -> T,
        parseLiteral: (@Sendable (_ value: Value, _ variables: [String: InputValue]?) throws -> T)? = nil
    ) {
        scalar(
            name, T.self, serialize: ScalarAdapters.string(serialize), parseValue: parseValue,
            parseLiteral: parseLiteral)
    }

    /// Accepts the custom scalar `name` as it is built from SDL: values pass through
    /// unchanged both ways (graphql-js's default scalar). Arguments of it decode as
    /// `InputValue`.
    public mutating func passThroughScalar(_ name: String) {
        registrations.passThroughScalars.append(name)
    }

    /// Options to build the schema with the bound scalars yourself
    /// (`buildSchema(sdl, options: resolvers.buildOptions)`); binding SDL does it for you.
    public var buildOptions: BuildSchemaOptions {
        var implementations: [String: GraphQLScalarType] = [:]
        for scalar in registrations.scalars where implementations[scalar.name] == nil {
            implementations[scalar.name] = scalar.implementation
        }
        return BuildSchemaOptions(scalarImplementations: implementations)
    }
}

/// Widenings of scalar closures (written outside constrained contexts; see FieldCompilation.swift).
enum ScalarAdapters {
    static func string<T>(_ serialize: @escaping @Sendable (T) throws -> String) -> @Sendable (T) throws -> InputValue {
        { .string(try serialize($0)) }
    }
}
