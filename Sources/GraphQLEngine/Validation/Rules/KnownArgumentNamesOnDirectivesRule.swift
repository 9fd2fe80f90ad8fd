// graphql-js `KnownArgumentNamesOnDirectivesRule` (the directive half of
// `KnownArgumentNamesRule`, shared by SDL and executable validation).

/// Every argument given to a directive is defined by that directive.
public struct KnownArgumentNamesOnDirectivesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    let directives: KnownDirectiveDefinitions

    public init(context: Context) {
        self.context = context
        directives = KnownDirectiveDefinitions(context)
    }

    public mutating func enter(_ node: Directive) -> VisitAction {
        let directiveName = node.name.value
        guard !node.arguments.isEmpty, let directive = directives.lookup(directiveName) else { return .skipChildren }
        let knownArgs =
            switch directive {
            case .document(let def): def.arguments.map(\.name.value)
            case .schema(let def): def.args.map(\.name)
            }
        for argNode in node.arguments where !knownArgs.contains(argNode.name.value) {
            let argName = argNode.name.value
            context.report(
                "Unknown argument \"\(argName)\" on directive \"@\(directiveName)\"."
                    + didYouMean(suggestionList(argName, knownArgs)),
                [argNode.loc])
        }
        return .skipChildren
    }
}

extension KnownArgumentNamesOnDirectivesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.directive] }
}
