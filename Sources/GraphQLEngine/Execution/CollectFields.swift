// graphql-js `execution/collectFields`: CollectFields and CollectSubfields, producing a
// `SelectionPlan` (the collected fields with their definitions resolved).

/// Collects the fields of selection sets for one runtime object type (graphql-js
/// `collectFieldsImpl`), then plans each collected field.
struct FieldPlanner {
    let executable: ExecutableSchema
    let fragments: [String: FragmentDefinition]
    let variables: [String: InputValue]
    let source: Source?
    /// Set when `@skip`/`@include` arguments read a variable.
    private(set) var usesVariables = false

    init(
        executable: ExecutableSchema, fragments: [String: FragmentDefinition], variables: [String: InputValue],
        source: Source?
    ) {
        self.executable = executable
        self.fragments = fragments
        self.variables = variables
        self.source = source
    }

    /// CollectFields for the operation's selection set, or CollectSubfields for the
    /// selection sets of a field's nodes; then the plan of every field the type defines.
    mutating func plan(
        _ runtimeType: GraphQLObjectType, selectionSets: [SelectionSet]
    ) throws(GraphQLError) -> SelectionPlan {
        var keys: [String] = []
        var groups: [String: [Field]] = [:]
        var visited: Set<String> = []
        for selectionSet in selectionSets {
            try collect(runtimeType, selectionSet, &keys, &groups, &visited)
        }
        var fields: [PlannedField] = []
        fields.reserveCapacity(keys.count)
        for key in keys {
            guard let nodes = groups[key], let planned = planField(runtimeType, key, nodes) else { continue }
            fields.append(planned)
        }
        return SelectionPlan(objectType: runtimeType, fields: fields, dependsOnVariables: usesVariables)
    }

    private mutating func collect(
        _ runtimeType: GraphQLObjectType, _ selectionSet: SelectionSet, _ keys: inout [String],
        _ groups: inout [String: [Field]], _ visited: inout Set<String>
    ) throws(GraphQLError) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard try shouldInclude(field.directives) else { continue }
                let key = field.alias?.value ?? field.name.value
                if groups[key] != nil {
                    groups[key]?.append(field)
                } else {
                    keys.append(key)
                    groups[key] = [field]
                }
            case .inlineFragment(let fragment):
                guard try shouldInclude(fragment.directives),
                    conditionMatches(fragment.typeCondition, runtimeType)
                else { continue }
                try collect(runtimeType, fragment.selectionSet, &keys, &groups, &visited)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), try shouldInclude(spread.directives) else { continue }
                visited.insert(name)
                guard let fragment = fragments[name], conditionMatches(fragment.typeCondition, runtimeType) else {
                    continue
                }
                try collect(runtimeType, fragment.selectionSet, &keys, &groups, &visited)
            }
        }
    }

    /// graphql-js `shouldIncludeNode`: `@skip(if: true)` or `@include(if: false)` exclude.
    private mutating func shouldInclude(_ directives: [Directive]) throws(GraphQLError) -> Bool {
        if directives.isEmpty { return true }
        for d in directives where d.name.value == "skip" || d.name.value == "include" {
            if d.arguments.contains(where: { containsVariable($0.value) }) { usesVariables = true }
        }
        if let skip = try getDirectiveValues(
            GraphQLSkipDirective, directives, source: source, variableValues: variables),
            case .boolean(true)? = skip["if"]
        {
            return false
        }
        if let include = try getDirectiveValues(
            GraphQLIncludeDirective, directives, source: source, variableValues: variables),
            case .boolean(false)? = include["if"]
        {
            return false
        }
        return true
    }

    /// graphql-js `doesFragmentConditionMatch`.
    private func conditionMatches(_ condition: NamedType?, _ type: GraphQLObjectType) -> Bool {
        guard let condition else { return true }
        guard let conditionalType = executable.schema.type(named: condition.name.value) else { return false }
        switch conditionalType {
        case .object(let o): return o === type
        case .interface, .union: return executable.schema.isSubType(conditionalType, .object(type))
        default: return false
        }
    }

    /// The plan of one collected field; nil when the type has no such field (graphql-js
    /// skips it: the key is absent from the response).
    private func planField(_ parentType: GraphQLObjectType, _ key: String, _ nodes: [Field]) -> PlannedField? {
        let schema = executable.schema
        let name = nodes[0].name.value
        let definition: GraphQLField
        let action: FieldAction
        switch name {
        case "__typename":
            definition = Introspection.typeNameMetaField
            action = .typename
        case "__schema" where schema.queryType === parentType:
            definition = Introspection.schemaMetaField
            action = .resolve(executable.resolver(for: parentType, field: name))
        case "__type" where schema.queryType === parentType:
            definition = Introspection.typeMetaField
            action = .resolve(executable.resolver(for: parentType, field: name))
        default:
            guard let d = parentType.field(named: name) else { return nil }
            definition = d
            action = .resolve(executable.resolver(for: parentType, field: name))
        }
        let arguments: ArgumentPlan
        if definition.args.isEmpty {
            arguments = .none
        } else if nodes[0].arguments.contains(where: { containsVariable($0.value) }) {
            arguments = .perRequest
        } else {
            arguments = .constant(
                Result { () throws(GraphQLError) -> InputFields in
                    try getArgumentValues(
                        definition.args, nodes[0].arguments,
                        nodePosition: NodePosition(offset: nodes[0].loc.start, source: source))
                })
        }
        return PlannedField(
            responseKey: key, fieldNodes: nodes, definition: definition, parentType: parentType, action: action,
            arguments: arguments, completion: CompletionPlan(definition.type, enums: executable.enumSerializers),
            source: source)
    }
}

/// Whether a value literal reads a variable anywhere inside.
func containsVariable(_ value: Value) -> Bool {
    switch value {
    case .variable: true
    case .list(let l): l.values.contains(where: containsVariable)
    case .object(let o): o.fields.contains { containsVariable($0.value) }
    default: false
    }
}
