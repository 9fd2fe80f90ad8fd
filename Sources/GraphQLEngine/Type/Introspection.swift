// graphql-js `type/introspection` (16.11): the `__` types with their exact descriptions,
// and the meta fields `__schema`, `__type` and `__typename`. Resolvers belong to the executor.

/// The kinds of type (`__TypeKind`), in graphql-js's order.
public enum TypeKind: String, Sendable, Hashable, CaseIterable {
    case scalar = "SCALAR"
    case object = "OBJECT"
    case interface = "INTERFACE"
    case union = "UNION"
    case `enum` = "ENUM"
    case inputObject = "INPUT_OBJECT"
    case list = "LIST"
    case nonNull = "NON_NULL"

    /// The introspection description of the kind.
    public var kindDescription: String {
        switch self {
        case .scalar: "Indicates this type is a scalar."
        case .object: "Indicates this type is an object. `fields` and `interfaces` are valid fields."
        case .interface: "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."
        case .union: "Indicates this type is a union. `possibleTypes` is a valid field."
        case .enum: "Indicates this type is an enum. `enumValues` is a valid field."
        case .inputObject: "Indicates this type is an input object. `inputFields` is a valid field."
        case .list: "Indicates this type is a list. `ofType` is a valid field."
        case .nonNull: "Indicates this type is a non-null. `ofType` is a valid field."
        }
    }
}

/// The introspection types and meta fields.
public enum Introspection {
    /// `__Schema`.
    public static var schema: GraphQLObjectType { all.schema }
    /// `__Directive`.
    public static var directive: GraphQLObjectType { all.directive }
    /// `__DirectiveLocation`.
    public static var directiveLocation: GraphQLEnumType { all.directiveLocation }
    /// `__Type`.
    public static var type: GraphQLObjectType { all.type }
    /// `__Field`.
    public static var field: GraphQLObjectType { all.field }
    /// `__InputValue`.
    public static var inputValue: GraphQLObjectType { all.inputValue }
    /// `__EnumValue`.
    public static var enumValue: GraphQLObjectType { all.enumValue }
    /// `__TypeKind`.
    public static var typeKind: GraphQLEnumType { all.typeKind }

    /// graphql-js `introspectionTypes`, in its order.
    public static var types: [GraphQLNamedType] {
        [.object(schema), .object(directive), .enum(directiveLocation), .object(type), .object(field),
         .object(inputValue), .object(enumValue), .enum(typeKind)]
    }

    /// The names of the introspection types.
    public static let typeNames: Set<String> = [
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue",
        "__TypeKind",
    ]

    /// `__schema: __Schema!` (graphql-js `SchemaMetaFieldDef`).
    public static let schemaMetaField = GraphQLField(
        name: "__schema", type: .nonNull(.object(schema)),
        description: "Access the current type schema of this server.")

    /// `__type(name: String!): __Type` (graphql-js `TypeMetaFieldDef`).
    public static let typeMetaField = GraphQLField(
        name: "__type", type: .object(type), description: "Request the type information of a single type.",
        args: [GraphQLArgument(name: "name", type: .nonNull(.scalar(GraphQLString)))])

    /// `__typename: String!` (graphql-js `TypeNameMetaFieldDef`).
    public static let typeNameMetaField = GraphQLField(
        name: "__typename", type: .nonNull(.scalar(GraphQLString)),
        description: "The name of the current Object type at runtime.")

    private struct Types: Sendable {
        let schema, directive, type, field, inputValue, enumValue: GraphQLObjectType
        let directiveLocation, typeKind: GraphQLEnumType
    }

    // One initializer builds the whole set, since the types refer to each other.
    private static let all: Types = {
        let string = GraphQLType.scalar(GraphQLString)
        let boolean = GraphQLType.scalar(GraphQLBoolean)
        func nonNull(_ t: GraphQLType) -> GraphQLType { .nonNull(t) }
        func listOfNonNull(_ t: GraphQLType) -> GraphQLType { .list(.nonNull(t)) }
        func includeDeprecated() -> [GraphQLArgument] {
            [GraphQLArgument(name: "includeDeprecated", type: boolean, defaultValue: .boolean(false))]
        }

        let schema = GraphQLObjectType(
            name: "__Schema",
            description: "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.")
        let directive = GraphQLObjectType(
            name: "__Directive",
            description: "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.")
        let directiveLocation = GraphQLEnumType(
            name: "__DirectiveLocation",
            description: "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
            values: DirectiveLocation.allCases.map {
                GraphQLEnumValue(name: $0.rawValue, description: $0.locationDescription)
            })
        let type = GraphQLObjectType(
            name: "__Type",
            description: "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.")
        let field = GraphQLObjectType(
            name: "__Field",
            description: "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.")
        let inputValue = GraphQLObjectType(
            name: "__InputValue",
            description: "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.")
        let enumValue = GraphQLObjectType(
            name: "__EnumValue",
            description: "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.")
        let typeKind = GraphQLEnumType(
            name: "__TypeKind", description: "An enum describing what kind of type a given `__Type` is.",
            values: TypeKind.allCases.map { GraphQLEnumValue(name: $0.rawValue, description: $0.kindDescription) })

        let typeRef = GraphQLType.object(type)
        schema.define(
            fields: [
                GraphQLField(name: "description", type: string),
                GraphQLField(
                    name: "types", type: nonNull(listOfNonNull(typeRef)),
                    description: "A list of all types supported by this server."),
                GraphQLField(
                    name: "queryType", type: nonNull(typeRef),
                    description: "The type that query operations will be rooted at."),
                GraphQLField(
                    name: "mutationType", type: typeRef,
                    description: "If this server supports mutation, the type that mutation operations will be rooted at."),
                GraphQLField(
                    name: "subscriptionType", type: typeRef,
                    description: "If this server support subscription, the type that subscription operations will be rooted at."),
                GraphQLField(
                    name: "directives", type: nonNull(listOfNonNull(.object(directive))),
                    description: "A list of all directives supported by this server."),
            ], interfaces: [])
        directive.define(
            fields: [
                GraphQLField(name: "name", type: nonNull(string)),
                GraphQLField(name: "description", type: string),
                GraphQLField(name: "isRepeatable", type: nonNull(boolean)),
                GraphQLField(name: "locations", type: nonNull(listOfNonNull(.enum(directiveLocation)))),
                GraphQLField(
                    name: "args", type: nonNull(listOfNonNull(.object(inputValue))), args: includeDeprecated()),
            ], interfaces: [])
        type.define(
            fields: [
                GraphQLField(name: "kind", type: nonNull(.enum(typeKind))),
                GraphQLField(name: "name", type: string),
                GraphQLField(name: "description", type: string),
                GraphQLField(name: "specifiedByURL", type: string),
                GraphQLField(name: "fields", type: listOfNonNull(.object(field)), args: includeDeprecated()),
                GraphQLField(name: "interfaces", type: listOfNonNull(typeRef)),
                GraphQLField(name: "possibleTypes", type: listOfNonNull(typeRef)),
                GraphQLField(name: "enumValues", type: listOfNonNull(.object(enumValue)), args: includeDeprecated()),
                GraphQLField(name: "inputFields", type: listOfNonNull(.object(inputValue)), args: includeDeprecated()),
                GraphQLField(name: "ofType", type: typeRef),
                GraphQLField(name: "isOneOf", type: boolean),
            ], interfaces: [])
        field.define(
            fields: [
                GraphQLField(name: "name", type: nonNull(string)),
                GraphQLField(name: "description", type: string),
                GraphQLField(
                    name: "args", type: nonNull(listOfNonNull(.object(inputValue))), args: includeDeprecated()),
                GraphQLField(name: "type", type: nonNull(typeRef)),
                GraphQLField(name: "isDeprecated", type: nonNull(boolean)),
                GraphQLField(name: "deprecationReason", type: string),
            ], interfaces: [])
        inputValue.define(
            fields: [
                GraphQLField(name: "name", type: nonNull(string)),
                GraphQLField(name: "description", type: string),
                GraphQLField(name: "type", type: nonNull(typeRef)),
                GraphQLField(
                    name: "defaultValue", type: string,
                    description: "A GraphQL-formatted string representing the default value for this input value."),
                GraphQLField(name: "isDeprecated", type: nonNull(boolean)),
                GraphQLField(name: "deprecationReason", type: string),
            ], interfaces: [])
        enumValue.define(
            fields: [
                GraphQLField(name: "name", type: nonNull(string)),
                GraphQLField(name: "description", type: string),
                GraphQLField(name: "isDeprecated", type: nonNull(boolean)),
                GraphQLField(name: "deprecationReason", type: string),
            ], interfaces: [])
        return Types(
            schema: schema, directive: directive, type: type, field: field, inputValue: inputValue,
            enumValue: enumValue, directiveLocation: directiveLocation, typeKind: typeKind)
    }()
}
