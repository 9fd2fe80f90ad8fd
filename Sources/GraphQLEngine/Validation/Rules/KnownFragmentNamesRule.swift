// graphql-js `KnownFragmentNamesRule`.

/// Every fragment spread names a fragment defined in the document.
public struct KnownFragmentNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.fragmentSpread] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: FragmentSpread) -> VisitAction {
        if context.fragment(named: node.name.value) == nil {
            context.report("Unknown fragment \"\(node.name.value)\".", [node.name.loc])
        }
        return .continue
    }
}
