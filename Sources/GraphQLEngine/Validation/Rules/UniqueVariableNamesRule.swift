// graphql-js `UniqueVariableNamesRule`.

/// An operation declares each variable once.
public struct UniqueVariableNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        // Most operations declare few variables, all distinct: check that cheaply first.
        let definitions = node.variableDefinitions
        guard definitions.count > 1 else { return .continue }
        for (variableName, nodes) in groupByName(definitions, { $0.variable.name.value }) where nodes.count > 1 {
            context.report(
                "There can be only one variable named \"$\(variableName)\".", nodes.map(\.variable.name.loc))
        }
        return .continue
    }
}
