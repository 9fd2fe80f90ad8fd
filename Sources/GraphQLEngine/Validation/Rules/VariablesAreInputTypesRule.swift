// graphql-js `VariablesAreInputTypesRule`.

/// Variables are declared with input types (scalars, enums, input objects) only.
public struct VariablesAreInputTypesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.variableDefinition] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: VariableDefinition) -> VisitAction {
        if let type = typeFromAST(context.schema, node.type), !type.isInputType {
            context.report(
                "Variable \"$\(node.variable.name.value)\" cannot be non-input type \"\(printAST(node.type))\".",
                [node.type.loc])
        }
        return .continue
    }
}
