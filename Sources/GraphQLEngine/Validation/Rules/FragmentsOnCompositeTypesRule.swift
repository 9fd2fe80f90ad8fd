// graphql-js `FragmentsOnCompositeTypesRule`.

/// Fragments (inline or named) condition on object, interface or union types only.
public struct FragmentsOnCompositeTypesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.inlineFragment, .fragmentDefinition] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: InlineFragment) -> VisitAction {
        if let typeCondition = node.typeCondition, let type = context.schema.type(named: typeCondition.name.value),
            !type.isCompositeType
        {
            context.report(
                "Fragment cannot condition on non composite type \"\(typeCondition.name.value)\".",
                [typeCondition.loc])
        }
        return .continue
    }

    public mutating func enter(_ node: FragmentDefinition) -> VisitAction {
        let typeCondition = node.typeCondition
        if let type = context.schema.type(named: typeCondition.name.value), !type.isCompositeType {
            context.report(
                "Fragment \"\(node.name.value)\" cannot condition on non composite type \"\(typeCondition.name.value)\".",
                [typeCondition.loc])
        }
        return .continue
    }
}
