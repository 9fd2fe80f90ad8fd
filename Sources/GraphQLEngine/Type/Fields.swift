// graphql-js `GraphQLField`, `GraphQLArgument`, `GraphQLInputField`: the members of
// object, interface and input object types, and the arguments of fields and directives.

/// A field of an object or interface type.
///
/// Immutable; a reference type so that the validator and executor pass fields around
/// with one retain rather than copying their contents.
public final class GraphQLField: Sendable, NamedDefinition {
    /// The field name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The field's output type.
    public let type: GraphQLType
    /// The arguments, in definition order.
    public let args: [GraphQLArgument]
    /// The deprecation reason; nil when the field is not deprecated.
    public let deprecationReason: String?
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<FieldDefinition>?

    /// Creates a field.
    public init(
        name: String, type: GraphQLType, description: String? = nil, args: [GraphQLArgument] = [],
        deprecationReason: String? = nil, astNode: SourcedNode<FieldDefinition>? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.args = args
        self.deprecationReason = deprecationReason
        self.astNode = astNode
    }

    /// The argument named `name`, if any (fields have few arguments: a linear search).
    @inlinable public func argument(named name: String) -> GraphQLArgument? {
        args.first { $0.name == name }
    }

    /// This field with another type and arguments (used when types are rebuilt by `extendSchema`).
    func with(type: GraphQLType, args: [GraphQLArgument]) -> GraphQLField {
        GraphQLField(
            name: name, type: type, description: description, args: args,
            deprecationReason: deprecationReason, astNode: astNode)
    }
}

/// An argument of a field or directive, or a field of an input object type
/// (graphql-js `GraphQLArgument` / `GraphQLInputField`, which have the same shape;
/// introspection calls both `__InputValue`).
public final class GraphQLInputValue: Sendable, NamedDefinition {
    /// The name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The input type.
    public let type: GraphQLType
    /// The coerced default value; nil when there is none (graphql-js `undefined`).
    public let defaultValue: InputValue?
    /// The deprecation reason; nil when not deprecated.
    public let deprecationReason: String?
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<InputValueDefinition>?

    /// Creates an argument or input field.
    public init(
        name: String, type: GraphQLType, description: String? = nil, defaultValue: InputValue? = nil,
        deprecationReason: String? = nil, astNode: SourcedNode<InputValueDefinition>? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
        self.astNode = astNode
    }

    /// graphql-js `isRequiredArgument` / `isRequiredInputField`: non-null without a default.
    @inlinable public var isRequired: Bool {
        type.isNonNull && defaultValue == nil
    }

    func with(type: GraphQLType) -> GraphQLInputValue {
        GraphQLInputValue(
            name: name, type: type, description: description, defaultValue: defaultValue,
            deprecationReason: deprecationReason, astNode: astNode)
    }
}

/// An argument of a field or directive.
public typealias GraphQLArgument = GraphQLInputValue
/// A field of an input object type.
public typealias GraphQLInputField = GraphQLInputValue

/// One value of an enum type.
public final class GraphQLEnumValue: Sendable, NamedDefinition {
    /// The value's name (what appears in queries and responses).
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The internal value (graphql-js `value`; buildSchema uses the name).
    public let value: InputValue
    /// The deprecation reason; nil when not deprecated.
    public let deprecationReason: String?
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<EnumValueDefinition>?

    /// Creates an enum value; its internal value defaults to its name.
    public init(
        name: String, description: String? = nil, value: InputValue? = nil,
        deprecationReason: String? = nil, astNode: SourcedNode<EnumValueDefinition>? = nil
    ) {
        self.name = name
        self.description = description
        self.value = value ?? .enumValue(name)
        self.deprecationReason = deprecationReason
        self.astNode = astNode
    }
}
