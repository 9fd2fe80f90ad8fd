// The engine's own resolvers of the introspection fields: `__schema` and `__type(name:)`
// on the query root, and every field of `__Schema`, `__Type`, `__Field`, `__InputValue`,
// `__EnumValue` and `__Directive`. What they resolve to is in `IntrospectionValues.swift`;
// here each field gets one dedicated resolver, made once and shared by every plan.

/// The introspection field resolvers (graphql-js `type/introspection`'s `resolve`s).
enum IntrospectionResolvers {
    /// The resolver of `field` of the object type `typeName`, when introspection owns it:
    /// `__schema` and `__type` (asked for with the query root's name), and the fields of
    /// the `__` types. Nil for every other field (`__typename` is the executor's own).
    static func resolver(typeName: String, field: String) -> FieldResolver? {
        switch field {
        case "__schema": return schemaMetaField
        case "__type": return typeMetaField
        default: break
        }
        // Only the `__` types have more; user type names cannot begin with "__".
        guard typeName.utf8.first == UInt8(ascii: "_") else { return nil }
        switch typeName {
        case "__Schema": return schemaFields[field]
        case "__Type": return typeFields[field]
        case "__Field": return fieldFields[field]
        case "__InputValue": return inputValueFields[field]
        case "__EnumValue": return enumValueFields[field]
        case "__Directive": return directiveFields[field]
        default: return nil
        }
    }

    // MARK: Query meta fields

    /// `__schema: __Schema!`.
    static let schemaMetaField: FieldResolver = .sync { _, _, _, info in info.schema }

    /// `__type(name: String!): __Type`.
    static let typeMetaField: FieldResolver = .sync { _, arguments, _, info in
        guard let name = arguments["name"]?.stringValue else { return nil }
        return type(named: name, in: info.schema)
    }

    // MARK: The fields of the `__` types

    static let schemaFields: [String: FieldResolver] = [
        "description": on(GraphQLSchema.self) { $0.description },
        "types": on(GraphQLSchema.self) { types(of: $0) },
        "queryType": on(GraphQLSchema.self) { queryType(of: $0) },
        "mutationType": on(GraphQLSchema.self) { mutationType(of: $0) },
        "subscriptionType": on(GraphQLSchema.self) { subscriptionType(of: $0) },
        "directives": on(GraphQLSchema.self) { $0.directives },
    ]

    static let typeFields: [String: FieldResolver] = [
        "kind": onType { kind(of: $0) },
        "name": onType { name(of: $0) },
        "description": onType { description(of: $0) },
        "specifiedByURL": onType { specifiedByURL(of: $0) },
        "fields": onType { fields(of: $0, includeDeprecated: $1) },
        "interfaces": onType { interfaces(of: $0) },
        "possibleTypes": .sync { parent, arguments, context, info in
            guard let type = typeReference(parent) else { return try fallback(parent, arguments, context, info) }
            return possibleTypes(of: type, in: info.schema)
        },
        "enumValues": onType { enumValues(of: $0, includeDeprecated: $1) },
        "inputFields": onType { inputFields(of: $0, includeDeprecated: $1) },
        "ofType": onType { ofType(of: $0) },
        "isOneOf": onType { isOneOf(of: $0) },
    ]

    static let fieldFields: [String: FieldResolver] = [
        "name": on(GraphQLField.self) { $0.name },
        "description": on(GraphQLField.self) { $0.description },
        "args": on(GraphQLField.self) { args($0.args, includeDeprecated: $1) },
        "type": on(GraphQLField.self) { $0.type },
        "isDeprecated": on(GraphQLField.self) { $0.deprecationReason != nil },
        "deprecationReason": on(GraphQLField.self) { $0.deprecationReason },
    ]

    static let inputValueFields: [String: FieldResolver] = [
        "name": on(GraphQLInputValue.self) { $0.name },
        "description": on(GraphQLInputValue.self) { $0.description },
        "type": on(GraphQLInputValue.self) { $0.type },
        "defaultValue": on(GraphQLInputValue.self) { try defaultValue(of: $0) },
        "isDeprecated": on(GraphQLInputValue.self) { $0.deprecationReason != nil },
        "deprecationReason": on(GraphQLInputValue.self) { $0.deprecationReason },
    ]

    static let enumValueFields: [String: FieldResolver] = [
        "name": on(GraphQLEnumValue.self) { $0.name },
        "description": on(GraphQLEnumValue.self) { $0.description },
        "isDeprecated": on(GraphQLEnumValue.self) { $0.deprecationReason != nil },
        "deprecationReason": on(GraphQLEnumValue.self) { $0.deprecationReason },
    ]

    static let directiveFields: [String: FieldResolver] = [
        "name": on(GraphQLDirective.self) { $0.name },
        "description": on(GraphQLDirective.self) { $0.description },
        "isRepeatable": on(GraphQLDirective.self) { $0.isRepeatable },
        "locations": on(GraphQLDirective.self) { locations(of: $0) },
        "args": on(GraphQLDirective.self) { args($0.args, includeDeprecated: $1) },
    ]

    // MARK: Building blocks

    /// A resolver of a field of the `__` type whose values are `Parent`s.
    private static func on<Parent>(
        _: Parent.Type, _ body: @escaping @Sendable (Parent) throws -> Any?
    ) -> FieldResolver {
        .sync { parent, arguments, context, info in
            guard let value = parent as? Parent else { return try fallback(parent, arguments, context, info) }
            return try body(value)
        }
    }

    /// `on` for a field with an `includeDeprecated` argument.
    private static func on<Parent>(
        _: Parent.Type, _ body: @escaping @Sendable (Parent, Bool) -> Any?
    ) -> FieldResolver {
        .sync { parent, arguments, context, info in
            guard let value = parent as? Parent else { return try fallback(parent, arguments, context, info) }
            return body(value, includeDeprecated(arguments))
        }
    }

    /// A resolver of a field of `__Type`.
    private static func onType(_ body: @escaping @Sendable (GraphQLType) -> Any?) -> FieldResolver {
        .sync { parent, arguments, context, info in
            guard let type = typeReference(parent) else { return try fallback(parent, arguments, context, info) }
            return body(type)
        }
    }

    /// `onType` for a field with an `includeDeprecated` argument.
    private static func onType(_ body: @escaping @Sendable (GraphQLType, Bool) -> Any?) -> FieldResolver {
        .sync { parent, arguments, context, info in
            guard let type = typeReference(parent) else { return try fallback(parent, arguments, context, info) }
            return body(type, includeDeprecated(arguments))
        }
    }

    /// The `includeDeprecated` argument (coerced, so `false` unless given; a given `null`
    /// is falsy in graphql-js too).
    @inline(__always)
    static func includeDeprecated(_ arguments: InputFields) -> Bool {
        if case .boolean(true)? = arguments["includeDeprecated"] { return true }
        return false
    }

    /// The parent of a `__Type` field as a type reference. Introspection's own values are
    /// `GraphQLType`s; a user resolver of a field typed `__Type` may return a type object.
    @inline(__always)
    static func typeReference(_ parent: Any) -> GraphQLType? {
        if let type = parent as? GraphQLType { return type }
        return otherTypeReference(parent)
    }

    private static func otherTypeReference(_ parent: Any) -> GraphQLType? {
        switch parent {
        case let t as GraphQLNamedType: .named(t)
        case let t as GraphQLObjectType: .object(t)
        case let t as GraphQLInterfaceType: .interface(t)
        case let t as GraphQLUnionType: .union(t)
        case let t as GraphQLScalarType: .scalar(t)
        case let t as GraphQLEnumType: .enum(t)
        case let t as GraphQLInputObjectType: .inputObject(t)
        default: nil
        }
    }

    /// A parent that is not an introspection value (a user resolver's result for a field
    /// of a `__` type): read as graphql-js would read a plain object, by property.
    private static func fallback(
        _ parent: Any, _ arguments: InputFields, _ context: any Sendable, _ info: ResolveInfo
    ) throws -> Any? {
        switch defaultFieldResolver {
        case .sync(let read): try read(parent, arguments, context, info)
        case .async: nil
        }
    }
}
