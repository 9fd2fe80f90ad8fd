// graphql-js `GraphQLUnionType`.

/// A union type. Two-phase construction (members set after `init`) and
/// `@unchecked Sendable` as for `GraphQLObjectType`: members are only set before the
/// type is reachable from a published schema.
public final class GraphQLUnionType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The member types, in order. graphql-js lets a member be any named type and reports
    /// non-object members in `validateSchema`, so members are named types.
    public private(set) var types: [GraphQLNamedType]
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<UnionTypeDefinition>?
    /// The SDL extensions applied to it.
    public let extensionASTNodes: [SourcedNode<UnionTypeExtension>]

    /// Creates a union.
    public init(
        name: String, description: String? = nil, types: [GraphQLNamedType] = [],
        astNode: SourcedNode<UnionTypeDefinition>? = nil,
        extensionASTNodes: [SourcedNode<UnionTypeExtension>] = []
    ) {
        self.name = name
        self.description = description
        self.types = types
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// Sets the member types (second construction phase).
    public func define(types: [GraphQLNamedType]) {
        self.types = types
    }

    /// The object member types (the possible types at run time).
    public var objectTypes: [GraphQLObjectType] {
        types.compactMap { if case .object(let o) = $0 { o } else { nil } }
    }
}

extension GraphQLUnionType: Hashable {
    public static func == (a: GraphQLUnionType, b: GraphQLUnionType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}
