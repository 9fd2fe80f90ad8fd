// A schema with its resolvers: what the executor runs.

/// A `GraphQLSchema` plus, per object type and field, a resolver; a fallback field
/// resolver; and type resolvers for abstract types. Introspection fields (`__schema`,
/// `__type`, `__typename` and the fields of the `__` types) are always the engine's own.
public final class ExecutableSchema: Sendable {
    /// The type system.
    public let schema: GraphQLSchema
    /// Resolvers by object type name, then field name.
    public let resolvers: [String: [String: FieldResolver]]
    /// The resolver of fields that have none in `resolvers`.
    public let fallbackResolver: FieldResolver
    /// Source-stream resolvers of the subscription type's fields, by field name.
    public let subscribers: [String: SubscribeResolve]
    /// Type resolvers by abstract type name.
    public let typeResolvers: [String: TypeResolve]
    /// The type resolver of abstract types that have none in `typeResolvers`.
    public let fallbackTypeResolver: TypeResolve
    /// Serialization helpers per enum type, built once.
    let enumSerializers: [String: EnumSerializer]

    /// Creates an executable schema.
    /// - Parameters:
    ///   - resolvers: `["Listing": ["title": .sync { parent, _, _, _ in (parent as? Listing)?.title }]]`.
    ///   - fallbackResolver: used for fields without a resolver (default: property read).
    ///   - subscribers: source-stream resolvers of the subscription root fields, by field name.
    ///   - typeResolvers: per interface or union name.
    ///   - fallbackTypeResolver: for abstract types without one (default: `GraphQLTypeNamed`
    ///     values and `__typename` entries).
    public init(
        schema: GraphQLSchema,
        resolvers: [String: [String: FieldResolver]] = [:],
        fallbackResolver: FieldResolver = defaultFieldResolver,
        subscribers: [String: SubscribeResolve] = [:],
        typeResolvers: [String: TypeResolve] = [:],
        fallbackTypeResolver: @escaping TypeResolve = defaultTypeResolver
    ) {
        self.schema = schema
        self.resolvers = resolvers
        self.fallbackResolver = fallbackResolver
        self.subscribers = subscribers
        self.typeResolvers = typeResolvers
        self.fallbackTypeResolver = fallbackTypeResolver
        var enums: [String: EnumSerializer] = [:]
        for case .enum(let e) in schema.types { enums[e.name] = EnumSerializer(e) }
        self.enumSerializers = enums
    }

    /// The resolver the executor calls for `field` of `type`.
    func resolver(for type: GraphQLObjectType, field: String) -> FieldResolver {
        if let introspection = IntrospectionResolvers.resolver(typeName: type.name, field: field) {
            return introspection
        }
        return resolvers[type.name]?[field] ?? fallbackResolver
    }

    /// The type resolver for an abstract type.
    func typeResolver(for type: GraphQLNamedType) -> TypeResolve {
        typeResolvers[type.name] ?? fallbackTypeResolver
    }
}

/// Enum result coercion with a fast path for values that are the value names.
final class EnumSerializer: Sendable {
    let type: GraphQLEnumType
    /// Value names whose internal value is the name itself (buildSchema's enums).
    let plainNames: Set<String>

    init(_ type: GraphQLEnumType) {
        self.type = type
        var names: Set<String> = []
        for v in type.values where v.value == .enumValue(v.name) { names.insert(v.name) }
        plainNames = names
    }
}
