// graphql-js `SingleFieldSubscriptionsRule`, with the part of graphql-js
// `execution/collectFields` it runs (no variable values).

/// A subscription selects exactly one top-level field, and not an introspection field.
public struct SingleFieldSubscriptionsRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        guard node.operation == .subscription, let subscriptionType = context.schema.subscriptionType else {
            return .continue
        }
        let operationName = node.name?.value
        var collector = SubscriptionFieldCollector(context: context, runtimeType: subscriptionType)
        do {
            try collector.collect(node.selectionSet)
        } catch {
            // graphql-js lets this error (an invalid or variable `@skip`/`@include`
            // argument, which collectFields evaluates with no variables) escape `validate`;
            // it ends the validation here, as the last error.
            context.reportError(error)
            context.abort()
            return .stop
        }
        let fields = collector.fields
        if fields.count > 1 {
            let extraFieldSelections = fields.dropFirst().flatMap(\.nodes)
            context.report(
                operationName.map { "Subscription \"\($0)\" must select only one top level field." }
                    ?? "Anonymous Subscription must select only one top level field.",
                extraFieldSelections.map(\.loc))
        }
        for (_, fieldNodes) in fields {
            guard let field = fieldNodes.first, field.name.value.hasPrefix("__") else { continue }
            context.report(
                operationName.map { "Subscription \"\($0)\" must not select an introspection top level field." }
                    ?? "Anonymous Subscription must not select an introspection top level field.",
                fieldNodes.map(\.loc))
        }
        return .continue
    }
}

/// graphql-js `collectFields` for a subscription's root selection set, without variables.
private struct SubscriptionFieldCollector {
    let context: ValidationContext
    let runtimeType: GraphQLObjectType
    /// The fields by response key, in first-seen order.
    var fields: [(key: String, nodes: [Field])] = []
    var fieldIndexes: [String: Int] = [:]
    var visitedFragmentNames: Set<String> = []

    init(context: ValidationContext, runtimeType: GraphQLObjectType) {
        self.context = context
        self.runtimeType = runtimeType
    }

    mutating func collect(_ selectionSet: SelectionSet) throws(GraphQLError) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard try shouldInclude(field.directives) else { continue }
                let key = field.alias?.value ?? field.name.value
                if let i = fieldIndexes[key] {
                    fields[i].nodes.append(field)
                } else {
                    fieldIndexes[key] = fields.count
                    fields.append((key, [field]))
                }
            case .inlineFragment(let inline):
                guard try shouldInclude(inline.directives), conditionMatches(inline.typeCondition) else { continue }
                try collect(inline.selectionSet)
            case .fragmentSpread(let spread):
                let fragName = spread.name.value
                guard !visitedFragmentNames.contains(fragName), try shouldInclude(spread.directives) else { continue }
                visitedFragmentNames.insert(fragName)
                guard let fragment = context.fragment(named: fragName), conditionMatches(fragment.typeCondition)
                else { continue }
                try collect(fragment.selectionSet)
            }
        }
    }

    /// graphql-js `shouldIncludeNode` with empty variable values.
    private func shouldInclude(_ applied: [Directive]) throws(GraphQLError) -> Bool {
        guard !applied.isEmpty else { return true }
        let source = context.document.source
        let skip = try getDirectiveValues(GraphQLSkipDirective, applied, source: source, variableValues: [:])
        if skip?["if"] == .boolean(true) { return false }
        let include = try getDirectiveValues(GraphQLIncludeDirective, applied, source: source, variableValues: [:])
        if include?["if"] == .boolean(false) { return false }
        return true
    }

    /// graphql-js `doesFragmentConditionMatch`.
    private func conditionMatches(_ typeCondition: NamedType?) -> Bool {
        guard let typeCondition else { return true }
        guard let conditionalType = context.schema.type(named: typeCondition.name.value) else { return false }
        if case .object(let object) = conditionalType, object === runtimeType { return true }
        if conditionalType.isAbstractType { return context.schema.isSubType(conditionalType, .object(runtimeType)) }
        return false
    }
}
