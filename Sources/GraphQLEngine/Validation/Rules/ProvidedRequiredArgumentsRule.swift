// graphql-js `ProvidedRequiredArgumentsRule`: the directive half is shared with SDL
// validation (`ProvidedRequiredArgumentsOnDirectivesRule`); this adds field arguments.

/// Every required argument (non-null, no default) of a field or directive is given.
public struct ProvidedRequiredArgumentsRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [] }
    public static var leftKinds: KindSet { [.field, .directive] }
    let context: ValidationContext
    var onDirectives: ProvidedRequiredArgumentsOnDirectivesRule<ValidationContext>

    public init(context: ValidationContext) {
        self.context = context
        onDirectives = ProvidedRequiredArgumentsOnDirectivesRule(context: context)
    }

    public mutating func leave(_ node: Directive) -> VisitAction { onDirectives.leave(node) }

    public mutating func leave(_ fieldNode: Field) -> VisitAction {
        guard let fieldDef = context.fieldDef else { return .continue }
        for argDef in fieldDef.args where argDef.isRequired {
            let argName = argDef.name
            guard !fieldNode.arguments.contains(where: { $0.name.value == argName }) else { continue }
            context.report(
                "Field \"\(fieldDef.name)\" argument \"\(argName)\" of type \"\(argDef.type)\" is required, but it was not provided.",
                [fieldNode.loc])
        }
        return .continue
    }
}
