// graphql-js `UniqueFragmentNamesRule`.

/// Each fragment has a name no other fragment has.
public struct UniqueFragmentNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition, .fragmentDefinition] }
    let context: ValidationContext
    var knownFragmentNames: [String: Name] = [:]

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction { .skipChildren }

    public mutating func enter(_ node: FragmentDefinition) -> VisitAction {
        let fragmentName = node.name.value
        if let known = knownFragmentNames[fragmentName] {
            context.report("There can be only one fragment named \"\(fragmentName)\".", [known.loc, node.name.loc])
        } else {
            knownFragmentNames[fragmentName] = node.name
        }
        return .skipChildren
    }
}
