// graphql-js `type/directives` and `language/directiveLocation`: directive definitions
// and the five specified directives (16.11: @include @skip @deprecated @specifiedBy @oneOf).

/// Where a directive may appear (graphql-js `DirectiveLocation`), in graphql-js's order.
public enum DirectiveLocation: String, Sendable, Hashable, CaseIterable {
    // Request definitions
    case query = "QUERY"
    case mutation = "MUTATION"
    case subscription = "SUBSCRIPTION"
    case field = "FIELD"
    case fragmentDefinition = "FRAGMENT_DEFINITION"
    case fragmentSpread = "FRAGMENT_SPREAD"
    case inlineFragment = "INLINE_FRAGMENT"
    case variableDefinition = "VARIABLE_DEFINITION"
    // Type system definitions
    case schema = "SCHEMA"
    case scalar = "SCALAR"
    case object = "OBJECT"
    case fieldDefinition = "FIELD_DEFINITION"
    case argumentDefinition = "ARGUMENT_DEFINITION"
    case interface = "INTERFACE"
    case union = "UNION"
    case `enum` = "ENUM"
    case enumValue = "ENUM_VALUE"
    case inputObject = "INPUT_OBJECT"
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"

    /// The introspection description of the location (`__DirectiveLocation`).
    public var locationDescription: String {
        switch self {
        case .query: "Location adjacent to a query operation."
        case .mutation: "Location adjacent to a mutation operation."
        case .subscription: "Location adjacent to a subscription operation."
        case .field: "Location adjacent to a field."
        case .fragmentDefinition: "Location adjacent to a fragment definition."
        case .fragmentSpread: "Location adjacent to a fragment spread."
        case .inlineFragment: "Location adjacent to an inline fragment."
        case .variableDefinition: "Location adjacent to a variable definition."
        case .schema: "Location adjacent to a schema definition."
        case .scalar: "Location adjacent to a scalar definition."
        case .object: "Location adjacent to an object type definition."
        case .fieldDefinition: "Location adjacent to a field definition."
        case .argumentDefinition: "Location adjacent to an argument definition."
        case .interface: "Location adjacent to an interface definition."
        case .union: "Location adjacent to a union definition."
        case .enum: "Location adjacent to an enum definition."
        case .enumValue: "Location adjacent to an enum value definition."
        case .inputObject: "Location adjacent to an input object type definition."
        case .inputFieldDefinition: "Location adjacent to an input object field definition."
        }
    }
}

/// A directive definition. Immutable.
public final class GraphQLDirective: Sendable {
    /// The name, without `@`.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// Where it may be used, in definition order.
    public let locations: [DirectiveLocation]
    /// The arguments, in order.
    public let args: [GraphQLArgument]
    /// Whether it may be used more than once at a location.
    public let isRepeatable: Bool
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<DirectiveDefinition>?

    /// Creates a directive.
    public init(
        name: String, description: String? = nil, locations: [DirectiveLocation], args: [GraphQLArgument] = [],
        isRepeatable: Bool = false, astNode: SourcedNode<DirectiveDefinition>? = nil
    ) {
        self.name = name
        self.description = description
        self.locations = locations
        self.args = args
        self.isRepeatable = isRepeatable
        self.astNode = astNode
    }

    /// The argument named `name`, if any.
    @inlinable public func argument(named name: String) -> GraphQLArgument? {
        args.first { $0.name == name }
    }

    func with(args: [GraphQLArgument]) -> GraphQLDirective {
        GraphQLDirective(
            name: name, description: description, locations: locations, args: args,
            isRepeatable: isRepeatable, astNode: astNode)
    }
}

/// `@include(if: Boolean!)`.
public let GraphQLIncludeDirective = GraphQLDirective(
    name: "include",
    description: "Directs the executor to include this field or fragment only when the `if` argument is true.",
    locations: [.field, .fragmentSpread, .inlineFragment],
    args: [GraphQLArgument(name: "if", type: .nonNull(.scalar(GraphQLBoolean)), description: "Included when true.")])

/// `@skip(if: Boolean!)`.
public let GraphQLSkipDirective = GraphQLDirective(
    name: "skip",
    description: "Directs the executor to skip this field or fragment when the `if` argument is true.",
    locations: [.field, .fragmentSpread, .inlineFragment],
    args: [GraphQLArgument(name: "if", type: .nonNull(.scalar(GraphQLBoolean)), description: "Skipped when true.")])

/// The reason `@deprecated` gives when none is written.
public let DEFAULT_DEPRECATION_REASON = "No longer supported"

/// `@deprecated(reason: String = "No longer supported")`.
public let GraphQLDeprecatedDirective = GraphQLDirective(
    name: "deprecated",
    description: "Marks an element of a GraphQL schema as no longer supported.",
    locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
    args: [
        GraphQLArgument(
            name: "reason", type: .scalar(GraphQLString),
            description: "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            defaultValue: .string(DEFAULT_DEPRECATION_REASON))
    ])

/// `@specifiedBy(url: String!)`.
public let GraphQLSpecifiedByDirective = GraphQLDirective(
    name: "specifiedBy",
    description: "Exposes a URL that specifies the behavior of this scalar.",
    locations: [.scalar],
    args: [
        GraphQLArgument(
            name: "url", type: .nonNull(.scalar(GraphQLString)),
            description: "The URL that specifies the behavior of this scalar.")
    ])

/// `@oneOf` (graphql-js 16.9+).
public let GraphQLOneOfDirective = GraphQLDirective(
    name: "oneOf",
    description: "Indicates exactly one field must be supplied and this field must not be `null`.",
    locations: [.inputObject])

/// graphql-js 16.11 `specifiedDirectives`, in its order (`@oneOf` last).
public let specifiedDirectives: [GraphQLDirective] = [
    GraphQLIncludeDirective, GraphQLSkipDirective, GraphQLDeprecatedDirective, GraphQLSpecifiedByDirective,
    GraphQLOneOfDirective,
]

/// graphql-js `isSpecifiedDirective` (by name).
public func isSpecifiedDirective(_ directive: GraphQLDirective) -> Bool {
    specifiedDirectives.contains { $0.name == directive.name }
}
