// graphql-js `KnownArgumentNamesRule`: the directive half is shared with SDL validation
// (`KnownArgumentNamesOnDirectivesRule`); this adds field arguments.

/// Every argument given to a field or directive is defined by it.
public struct KnownArgumentNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.directive, .argument] }
    let context: ValidationContext
    var onDirectives: KnownArgumentNamesOnDirectivesRule<ValidationContext>

    public init(context: ValidationContext) {
        self.context = context
        onDirectives = KnownArgumentNamesOnDirectivesRule(context: context)
    }

    /// Checks the directive's arguments and skips them (graphql-js: one visitor object,
    /// so the directive's `false` also keeps `Argument` away from directive arguments).
    public mutating func enter(_ node: Directive) -> VisitAction { onDirectives.enter(node) }

    public mutating func enter(_ node: Argument) -> VisitAction {
        if context.argument == nil, let fieldDef = context.fieldDef, let parentType = context.parentType {
            let argName = node.name.value
            context.report(
                "Unknown argument \"\(argName)\" on field \"\(parentType.name).\(fieldDef.name)\"."
                    + didYouMean(suggestionList(argName, fieldDef.args.map(\.name))),
                [node.loc])
        }
        return .continue
    }
}
