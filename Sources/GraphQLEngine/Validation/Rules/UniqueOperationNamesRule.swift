// graphql-js `UniqueOperationNamesRule`.

/// Each named operation has a name no other operation has.
public struct UniqueOperationNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition, .fragmentDefinition] }
    let context: ValidationContext
    var knownOperationNames: [String: Name] = [:]

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        if let operationName = node.name {
            if let known = knownOperationNames[operationName.value] {
                context.report(
                    "There can be only one operation named \"\(operationName.value)\".", [known.loc, operationName.loc])
            } else {
                knownOperationNames[operationName.value] = operationName
            }
        }
        return .skipChildren
    }

    public mutating func enter(_ node: FragmentDefinition) -> VisitAction { .skipChildren }
}
