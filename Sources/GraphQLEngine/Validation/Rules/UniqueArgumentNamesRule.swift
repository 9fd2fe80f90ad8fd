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
        guard arguments.count > 1, hasRepeatedName(arguments) else { return .continue }
        for (argName, nodes) in groupByName(arguments, { $0.name.value }) where nodes.count > 1 {
            context.report("There can be only one argument named \"\(argName)\".", nodes.map(\.name.loc))
        }
        return .continue
    }

    /// A quick pairwise check, since fields and directives have few arguments.
    private func hasRepeatedName(_ arguments: [Argument]) -> Bool {
        for i in arguments.indices.dropFirst() {
            let name = arguments[i].name.value
            for j in 0..<i where arguments[j].name.value == name { return true }
        }
        return false
    }
}

extension UniqueArgumentNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.field, .directive] }
}
