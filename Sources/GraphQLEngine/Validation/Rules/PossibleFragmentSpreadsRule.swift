// graphql-js `PossibleFragmentSpreadsRule`.

/// A fragment is spread only where its type can overlap the parent type.
public struct PossibleFragmentSpreadsRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.inlineFragment, .fragmentSpread] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: InlineFragment) -> VisitAction {
        // The inline fragment's own type is TypeInfo's current type (already entered).
        if case .named(let fragType)? = context.type, fragType.isCompositeType,
            let parentType = context.parentType, parentType.isCompositeType,
            !doTypesOverlap(context.schema, fragType, parentType)
        {
            context.report(
                "Fragment cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragType.name)\".",
                [node.loc])
        }
        return .continue
    }

    public mutating func enter(_ node: FragmentSpread) -> VisitAction {
        let fragName = node.name.value
        if let fragType = fragmentType(fragName), let parentType = context.parentType,
            !doTypesOverlap(context.schema, fragType, parentType)
        {
            context.report(
                "Fragment \"\(fragName)\" cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragType.name)\".",
                [node.loc])
        }
        return .continue
    }

    private func fragmentType(_ name: String) -> GraphQLNamedType? {
        guard let fragment = context.fragment(named: name),
            let type = context.schema.type(named: fragment.typeCondition.name.value), type.isCompositeType
        else { return nil }
        return type
    }
}
