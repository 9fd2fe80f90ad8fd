// graphql-js `MaxIntrospectionDepthRule` (16.9+, last of `specifiedRules`).

/// An introspection query (`__schema` or `__type`) nests the list fields `fields`,
/// `interfaces`, `possibleTypes` and `inputFields` fewer than three deep, fragments
/// included, so that it cannot ask for an answer exponentially large in its length.
public struct MaxIntrospectionDepthRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.field] }
    /// graphql-js `MAX_LISTS_DEPTH`.
    static let maxListsDepth = 3
    let context: ValidationContext
    /// Per fragment, bit `d` set: from depth `d` the fragment does not reach the maximum,
    /// whatever fragments enclose it (see `checkDepth`).
    var knownShallow: [String: UInt8] = [:]

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: Field) -> VisitAction {
        let name = node.name.value
        guard name == "__schema" || name == "__type" else { return .continue }
        var visitedFragments: [String] = []
        var pruned = false
        if checkDepth(.field(node), &visitedFragments, depth: 0, pruned: &pruned) {
            context.report("Maximum introspection depth exceeded", [node.loc])
            return .skipChildren
        }
        return .continue
    }

    /// graphql-js `checkDepth`: whether the selection reaches the maximum depth. A
    /// fragment is not followed inside itself (cycles are NoFragmentCyclesRule's), but is
    /// followed again elsewhere, as graphql-js does.
    ///
    /// graphql-js's walk can take time exponential in the document's length (fragments
    /// spreading a fragment twice, nested). A fragment whose walk answered false without
    /// meeting a fragment on the current path (`pruned`) answers false from that depth in
    /// any context: whatever it reaches, it reaches without cutting a cycle, so no other
    /// path to it changes the walk. Such answers are remembered; the answers are graphql-js's.
    private mutating func checkDepth(
        _ node: Selection, _ visitedFragments: inout [String], depth: Int, pruned: inout Bool
    ) -> Bool {
        var depth = depth
        switch node {
        case .fragmentSpread(let spread):
            let fragmentName = spread.name.value
            // The fragments on the current path: a short list, searched linearly.
            if visitedFragments.contains(fragmentName) {
                pruned = true
                return false
            }
            if let known = knownShallow[fragmentName], known & (1 << UInt8(depth)) != 0 { return false }
            guard let fragment = context.fragment(named: fragmentName) else { return false }
            visitedFragments.append(fragmentName)
            var innerPruned = false
            let result = checkSelections(fragment.selectionSet, &visitedFragments, depth: depth, pruned: &innerPruned)
            visitedFragments.removeLast()
            if innerPruned {
                pruned = true
            } else if !result {
                knownShallow[fragmentName, default: 0] |= 1 << UInt8(depth)
            }
            return result
        case .field(let field):
            switch field.name.value {
            case "fields", "interfaces", "possibleTypes", "inputFields":
                depth += 1
                if depth >= Self.maxListsDepth { return true }
            default: break
            }
            guard let selectionSet = field.selectionSet else { return false }
            return checkSelections(selectionSet, &visitedFragments, depth: depth, pruned: &pruned)
        case .inlineFragment(let inline):
            return checkSelections(inline.selectionSet, &visitedFragments, depth: depth, pruned: &pruned)
        }
    }

    private mutating func checkSelections(
        _ selectionSet: SelectionSet, _ visitedFragments: inout [String], depth: Int, pruned: inout Bool
    ) -> Bool {
        for child in selectionSet.selections where checkDepth(child, &visitedFragments, depth: depth, pruned: &pruned) {
            return true
        }
        return false
    }
}
