// graphql-js `type/introspection` (16.11): what each introspection field resolves to,
// as plain functions over the engine's type-system objects. `IntrospectionResolvers`
// wraps them in field resolvers.
//
// The values that flow through introspection (the parents of the `__` types' fields):
//   __Schema      GraphQLSchema
//   __Type        GraphQLType (a named type, or a list or non-null wrapper)
//   __Field       GraphQLField
//   __InputValue  GraphQLInputValue (arguments and input fields alike)
//   __EnumValue   GraphQLEnumValue
//   __Directive   GraphQLDirective
// Enum results (`__TypeKind`, `__DirectiveLocation`) are their value names as `String`.

extension IntrospectionResolvers {
    // MARK: Query meta fields

    /// `__type(name:)`: the named type of the schema, or nil.
    static func type(named name: String, in schema: GraphQLSchema) -> GraphQLType? {
        guard let named = schema.type(named: name) else { return nil }
        return .named(named)
    }

    // MARK: __Schema

    /// `__Schema.types`: every type of the schema, in type map order.
    static func types(of schema: GraphQLSchema) -> [GraphQLType] {
        schema.types.map { .named($0) }
    }

    /// `__Schema.queryType` (graphql-js `getQueryType`).
    static func queryType(of schema: GraphQLSchema) -> GraphQLType? {
        schema.queryType.map { .object($0) }
    }

    /// `__Schema.mutationType`.
    static func mutationType(of schema: GraphQLSchema) -> GraphQLType? {
        schema.mutationType.map { .object($0) }
    }

    /// `__Schema.subscriptionType`.
    static func subscriptionType(of schema: GraphQLSchema) -> GraphQLType? {
        schema.subscriptionType.map { .object($0) }
    }

    // MARK: __Type

    /// `__Type.kind`: the `__TypeKind` value name.
    static func kind(of type: GraphQLType) -> String {
        switch type {
        case .named(let named): named.kind.rawValue
        case .list: TypeKind.list.rawValue
        case .nonNull: TypeKind.nonNull.rawValue
        }
    }

    /// `__Type.name`: nil for wrappers.
    static func name(of type: GraphQLType) -> String? {
        type.asNamed?.name
    }

    /// `__Type.description`: nil for wrappers.
    static func description(of type: GraphQLType) -> String? {
        type.asNamed?.typeDescription
    }

    /// `__Type.specifiedByURL`: scalars only.
    static func specifiedByURL(of type: GraphQLType) -> String? {
        if case .named(.scalar(let scalar)) = type { return scalar.specifiedByURL }
        return nil
    }

    /// `__Type.fields(includeDeprecated:)`: objects and interfaces only.
    static func fields(of type: GraphQLType, includeDeprecated: Bool) -> [GraphQLField]? {
        let fields: [GraphQLField]
        switch type {
        case .named(.object(let t)): fields = t.fields
        case .named(.interface(let t)): fields = t.fields
        default: return nil
        }
        return withoutDeprecated(fields, unless: includeDeprecated) { $0.deprecationReason }
    }

    /// `__Type.interfaces`: objects and interfaces only.
    static func interfaces(of type: GraphQLType) -> [GraphQLType]? {
        let interfaces: [GraphQLInterfaceType]
        switch type {
        case .named(.object(let t)): interfaces = t.interfaces
        case .named(.interface(let t)): interfaces = t.interfaces
        default: return nil
        }
        return interfaces.map { .interface($0) }
    }

    /// `__Type.possibleTypes` (graphql-js `schema.getPossibleTypes`): a union's member
    /// types, or the object types implementing an interface; nil for other kinds.
    static func possibleTypes(of type: GraphQLType, in schema: GraphQLSchema) -> [GraphQLType]? {
        switch type {
        case .named(.union(let u)): u.types.map { .named($0) }
        case .named(.interface(let i)): schema.implementations(of: i).objects.map { .object($0) }
        default: nil
        }
    }

    /// `__Type.enumValues(includeDeprecated:)`: enums only.
    static func enumValues(of type: GraphQLType, includeDeprecated: Bool) -> [GraphQLEnumValue]? {
        guard case .named(.enum(let e)) = type else { return nil }
        return withoutDeprecated(e.values, unless: includeDeprecated) { $0.deprecationReason }
    }

    /// `__Type.inputFields(includeDeprecated:)`: input objects only.
    static func inputFields(of type: GraphQLType, includeDeprecated: Bool) -> [GraphQLInputValue]? {
        guard case .named(.inputObject(let io)) = type else { return nil }
        return withoutDeprecated(io.fields, unless: includeDeprecated) { $0.deprecationReason }
    }

    /// `__Type.ofType`: the wrapped type of a list or non-null wrapper.
    static func ofType(of type: GraphQLType) -> GraphQLType? {
        type.ofType
    }

    /// `__Type.isOneOf`: input objects only.
    static func isOneOf(of type: GraphQLType) -> Bool? {
        guard case .named(.inputObject(let io)) = type else { return nil }
        return io.isOneOf
    }

    // MARK: __Field, __Directive

    /// `__Field.args(includeDeprecated:)` and `__Directive.args(includeDeprecated:)`.
    static func args(_ args: [GraphQLArgument], includeDeprecated: Bool) -> [GraphQLArgument] {
        withoutDeprecated(args, unless: includeDeprecated) { $0.deprecationReason }
    }

    /// `__Directive.locations`: the `__DirectiveLocation` value names.
    static func locations(of directive: GraphQLDirective) -> [String] {
        directive.locations.map(\.rawValue)
    }

    // MARK: __InputValue

    /// `__InputValue.defaultValue`: `print(astFromValue(defaultValue, type))`, or nil when
    /// there is no default or it has no literal. Throws where graphql-js's `astFromValue`
    /// throws (a leaf that fails to serialize, or serializes to neither a boolean, a finite
    /// number nor a string), which the shared `astFromValue` does not.
    static func defaultValue(of inputValue: GraphQLInputValue) throws(GraphQLError) -> String? {
        guard let defaultValue = inputValue.defaultValue else { return nil }
        if let error = astConversionError(defaultValue, inputValue.type) { throw error }
        guard let ast = astFromValue(defaultValue, inputValue.type) else { return nil }
        return printAST(ast)
    }

    /// The error graphql-js's `astFromValue(value, type)` throws, if any: it walks the value
    /// as `astFromValue` does and serializes every leaf.
    static func astConversionError(_ value: InputValue?, _ type: GraphQLType) -> GraphQLError? {
        guard let value else { return nil }
        switch type {
        case .nonNull(let inner):
            return astConversionError(value, inner)
        case .list(let itemType):
            if case .null = value { return nil }
            guard case .list(let items) = value else { return astConversionError(value, itemType) }
            for item in items {
                if let error = astConversionError(item, itemType) { return error }
            }
            return nil
        case .named(let named):
            if case .null = value { return nil }
            switch named {
            case .inputObject(let inputType):
                guard case .object(let object) = value else { return nil }
                for field in inputType.fields {
                    if let error = astConversionError(object[field.name], field.type) { return error }
                }
                return nil
            case .scalar(let scalar):
                let serialized: InputValue
                do { serialized = try scalar.serialize(value) } catch { return error }
                switch serialized {
                case .null, .boolean, .int, .string, .enumValue: return nil
                case .float(let d) where d.isFinite: return nil
                case .float, .list, .object:
                    return GraphQLError(message: "Cannot convert value to AST: \(inspect(serialized)).")
                }
            case .enum(let enumType):
                do { _ = try enumType.serialize(value) } catch { return error }
                return nil
            case .object, .interface, .union:
                return nil
            }
        }
    }

    // MARK: helpers

    /// `includeDeprecated ? items : items.filter(deprecationReason == null)`, without
    /// copying when nothing is deprecated (the common case).
    @inline(__always)
    static func withoutDeprecated<T>(
        _ items: [T], unless includeDeprecated: Bool, _ deprecationReason: (T) -> String?
    ) -> [T] {
        if includeDeprecated { return items }
        guard items.contains(where: { deprecationReason($0) != nil }) else { return items }
        return items.filter { deprecationReason($0) == nil }
    }
}
