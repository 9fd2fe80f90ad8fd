// graphql-js `UniqueDirectiveNamesRule`.

/// Each directive is defined once, and not again when the schema being extended has it.
public struct UniqueDirectiveNamesRule: ASTVisitor {
    let context: SDLValidationContext
    var knownDirectiveNames: [String: Name] = [:]

    public init(context: SDLValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction {
        let directiveName = node.name.value
        if context.schema?.directive(named: directiveName) != nil {
            context.report(
                "Directive \"@\(directiveName)\" already exists in the schema. It cannot be redefined.",
                [node.name.loc])
            return .continue
        }
        if let known = knownDirectiveNames[directiveName] {
            context.report("There can be only one directive named \"@\(directiveName)\".", [known.loc, node.name.loc])
        } else {
            knownDirectiveNames[directiveName] = node.name
        }
        return .skipChildren
    }
}
