// graphql-js `NoUnusedVariablesRule`.

/// Every variable an operation declares is used by it (directly or through its fragments).
public struct NoUnusedVariablesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition, .variableDefinition] }
    public static var leftKinds: KindSet { [.operationDefinition] }
    let context: ValidationContext
    var variableDefs: [VariableDefinition] = []

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        variableDefs.removeAll(keepingCapacity: true)
        return .continue
    }

    public mutating func enter(_ node: VariableDefinition) -> VisitAction {
        variableDefs.append(node)
        return .continue
    }

    public mutating func leave(_ operation: OperationDefinition) -> VisitAction {
        guard !variableDefs.isEmpty else { return .continue }
        var variableNameUsed: Set<String> = []
        for usage in context.recursiveVariableUsages(of: operation) {
            variableNameUsed.insert(usage.node.name.value)
        }
        for variableDef in variableDefs {
            let variableName = variableDef.variable.name.value
            guard !variableNameUsed.contains(variableName) else { continue }
            let message =
                if let name = operation.name {
                    "Variable \"$\(variableName)\" is never used in operation \"\(name.value)\"."
                } else {
                    "Variable \"$\(variableName)\" is never used."
                }
            context.report(message, [variableDef.loc])
        }
        return .continue
    }
}
