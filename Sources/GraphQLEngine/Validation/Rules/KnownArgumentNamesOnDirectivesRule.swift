// graphql-js `KnownArgumentNamesOnDirectivesRule` (the directive half of
// `KnownArgumentNamesRule`, shared by SDL and executable validation).

/// Every argument given to a directive is defined by that directive.
public struct KnownArgumentNamesOnDirectivesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    var directiveArgs: [String: [String]] = [:]

    public init(context: Context) {
        self.context = context
        for directive in context.schema?.directives ?? specifiedDirectives {
            directiveArgs[directive.name] = directive.args.map(\.name)
        }
        for case .directive(let def) in context.document.definitions {
            directiveArgs[def.name.value] = def.arguments.map(\.name.value)
        }
    }

    public mutating func enter(_ node: Directive) -> VisitAction {
        let directiveName = node.name.value
        if let knownArgs = directiveArgs[directiveName] {
            for argNode in node.arguments where !knownArgs.contains(argNode.name.value) {
                let argName = argNode.name.value
                context.report(
                    "Unknown argument \"\(argName)\" on directive \"@\(directiveName)\"."
                        + didYouMean(suggestionList(argName, knownArgs)),
                    [argNode.loc])
            }
        }
        return .skipChildren
    }
}
