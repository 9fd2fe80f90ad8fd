// graphql-js `NoFragmentCyclesRule`.

/// No fragment spreads itself, directly or through other fragments. Each cycle is
/// reported once, at the spreads that form it.
public struct NoFragmentCyclesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition, .fragmentDefinition] }
    let context: ValidationContext
    /// Fragments already checked: a cycle through them has been reported.
    var visitedFrags: Set<String> = []
    /// The spreads from the fragment being checked to the current one.
    var spreadPath: [FragmentSpread] = []
    /// Where each fragment on the current path starts in `spreadPath`.
    var spreadPathIndexByName: [String: Int] = [:]

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction { .skipChildren }

    public mutating func enter(_ node: FragmentDefinition) -> VisitAction {
        detectCycleRecursive(node)
        return .skipChildren
    }

    /// Depth-first over the spreads: the recursion is bounded by the number of distinct
    /// fragments, since each is expanded once.
    private mutating func detectCycleRecursive(_ fragment: FragmentDefinition) {
        let fragmentName = fragment.name.value
        guard visitedFrags.insert(fragmentName).inserted else { return }
        let spreadNodes = context.fragmentSpreads(of: fragment.selectionSet)
        if spreadNodes.isEmpty { return }
        spreadPathIndexByName[fragmentName] = spreadPath.count
        for spreadNode in spreadNodes {
            let spreadName = spreadNode.name.value
            let cycleIndex = spreadPathIndexByName[spreadName]
            spreadPath.append(spreadNode)
            if let cycleIndex {
                let cyclePath = spreadPath[cycleIndex...]
                let viaPath = cyclePath.dropLast().map { "\"" + $0.name.value + "\"" }.joined(separator: ", ")
                context.report(
                    "Cannot spread fragment \"\(spreadName)\" within itself" + (viaPath.isEmpty ? "." : " via \(viaPath)."),
                    cyclePath.map(\.loc))
            } else if let spreadFragment = context.fragment(named: spreadName) {
                detectCycleRecursive(spreadFragment)
            }
            spreadPath.removeLast()
        }
        spreadPathIndexByName[fragmentName] = nil
    }
}
