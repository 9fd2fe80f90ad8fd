// graphql-js `UniqueArgumentNamesRule` (shared by SDL and executable validation).

/// A field or directive is given each argument at most once.
public struct UniqueArgumentNamesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context

    public init(context: Context) {
        self.context = context
    }

    public mutating func enter(_ node: Field) -> VisitAction { check(node.arguments) }
    public mutating func enter(_ node: Directive) -> VisitAction { check(node.arguments) }

    private func check(_ arguments: [Argument]) -> VisitAction {
        for (argName, nodes) in groupByName(arguments, { $0.name.value }) where nodes.count > 1 {
            context.report("There can be only one argument named \"\(argName)\".", nodes.map(\.name.loc))
        }
        return .continue
    }
}
