// graphql-js `NoUndefinedVariablesRule`.

/// Every variable used by an operation (directly or through its fragments) is declared by it.
public struct NoUndefinedVariablesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition, .variableDefinition] }
    public static var leftKinds: KindSet { [.operationDefinition] }
    let context: ValidationContext
    var variableNameDefined: Set<String> = []

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        variableNameDefined.removeAll(keepingCapacity: true)
        return .continue
    }

    public mutating func enter(_ node: VariableDefinition) -> VisitAction {
        variableNameDefined.insert(node.variable.name.value)
        return .continue
    }

    public mutating func leave(_ operation: OperationDefinition) -> VisitAction {
        for usage in context.recursiveVariableUsages(of: operation) {
            let varName = usage.node.name.value
            guard !variableNameDefined.contains(varName) else { continue }
            let message =
                if let name = operation.name {
                    "Variable \"$\(varName)\" is not defined by operation \"\(name.value)\"."
                } else {
                    "Variable \"$\(varName)\" is not defined."
                }
            context.report(message, [usage.node.loc, operation.loc])
        }
        return .continue
    }
}
