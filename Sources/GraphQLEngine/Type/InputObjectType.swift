// graphql-js `GraphQLInputObjectType`.

/// An input object type. Two-phase construction (fields set after `init`, since input
/// objects may refer to themselves) and `@unchecked Sendable` as for `GraphQLObjectType`:
/// fields are only set before the type is reachable from a published schema.
public final class GraphQLInputObjectType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The input fields, in definition order, with lookup by name.
    public private(set) var fieldMap: FieldMap<GraphQLInputField>
    /// True when the definition carries `@oneOf` (exactly one field must be given).
    public let isOneOf: Bool
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<InputObjectTypeDefinition>?
    /// The SDL extensions applied to it.
    public let extensionASTNodes: [SourcedNode<InputObjectTypeExtension>]

    /// Creates an input object type.
    public init(
        name: String, description: String? = nil, fields: [GraphQLInputField] = [], isOneOf: Bool = false,
        astNode: SourcedNode<InputObjectTypeDefinition>? = nil,
        extensionASTNodes: [SourcedNode<InputObjectTypeExtension>] = []
    ) {
        self.name = name
        self.description = description
        self.fieldMap = FieldMap(fields)
        self.isOneOf = isOneOf
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// Sets the fields (second construction phase).
    public func define(fields: [GraphQLInputField]) {
        fieldMap = FieldMap(fields)
    }

    /// The fields in order.
    @inlinable public var fields: [GraphQLInputField] { fieldMap.elements }
    /// The field named `name`, if any.
    @inlinable public func field(named name: String) -> GraphQLInputField? { fieldMap[name] }
}

extension GraphQLInputObjectType: Hashable {
    public static func == (a: GraphQLInputObjectType, b: GraphQLInputObjectType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}
