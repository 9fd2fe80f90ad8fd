// graphql-js `NoUnusedFragmentsRule`.

/// Every fragment is used by some operation, directly or through other fragments.
public struct NoUnusedFragmentsRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition, .fragmentDefinition] }
    public static var leftKinds: KindSet { [.document] }
    let context: ValidationContext
    var operationDefs: [OperationDefinition] = []
    var fragmentDefs: [(name: Name, loc: Location)] = []

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        operationDefs.append(node)
        return .skipChildren
    }

    public mutating func enter(_ node: FragmentDefinition) -> VisitAction {
        fragmentDefs.append((node.name, node.loc))
        return .skipChildren
    }

    public mutating func leave(_ node: Document) -> VisitAction {
        var fragmentNameUsed: Set<String> = []
        for operation in operationDefs {
            for fragment in context.recursivelyReferencedFragments(of: operation) {
                fragmentNameUsed.insert(fragment.name.value)
            }
        }
        for fragmentDef in fragmentDefs where !fragmentNameUsed.contains(fragmentDef.name.value) {
            context.report("Fragment \"\(fragmentDef.name.value)\" is never used.", [fragmentDef.loc])
        }
        return .continue
    }
}
