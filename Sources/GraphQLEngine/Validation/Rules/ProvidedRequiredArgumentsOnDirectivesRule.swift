// graphql-js `ProvidedRequiredArgumentsOnDirectivesRule` (the directive half of
// `ProvidedRequiredArgumentsRule`, shared by SDL and executable validation).

/// Every required argument (non-null, no default) of a directive is given.
public struct ProvidedRequiredArgumentsOnDirectivesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    let directives: KnownDirectiveDefinitions

    public init(context: Context) {
        self.context = context
        directives = KnownDirectiveDefinitions(context)
    }

    /// A directive's required arguments in order, with their types as printed (graphql-js
    /// `keyMap`: a repeated name keeps its first position and last value).
    private func requiredArgs(_ directive: KnownDirective) -> [(name: String, type: String)] {
        var result: [(name: String, type: String)] = []
        func add(_ name: String, _ type: () -> String) {
            if let i = result.firstIndex(where: { $0.name == name }) {
                result[i].type = type()
            } else {
                result.append((name, type()))
            }
        }
        switch directive {
        case .document(let def):
            for arg in def.arguments where arg.type.isNonNullTypeNode && arg.defaultValue == nil {
                add(arg.name.value) { printAST(arg.type) }
            }
        case .schema(let def):
            for arg in def.args where arg.isRequired { add(arg.name) { arg.type.description } }
        }
        return result
    }

    public mutating func leave(_ node: Directive) -> VisitAction {
        let directiveName = node.name.value
        guard let directive = directives.lookup(directiveName) else { return .continue }
        for (argName, argType) in requiredArgs(directive)
        where !node.arguments.contains(where: { $0.name.value == argName }) {
            context.report(
                "Directive \"@\(directiveName)\" argument \"\(argName)\" of type \"\(argType)\" is required, but it was not provided.",
                [node.loc])
        }
        return .continue
    }
}

extension ProvidedRequiredArgumentsOnDirectivesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [] }
    public static var leftKinds: KindSet { [.directive] }
}
