// The validator's single walk over a document: graphql-js `visit(document,
// visitWithTypeInfo(typeInfo, visitInParallel(rules)))`, with each node handed only to
// the rules that asked for its kind, and the variable usages of each operation and
// fragment recorded on the way (graphql-js computes them with a separate walk).

/// Walks a document once for all rules: updates `TypeInfo` before the rules' `enter`
/// and after their `leave`, and keeps graphql-js's per-rule skip and stop semantics.
struct ValidationWalker: ASTVisitor {
    let context: ValidationContext
    let typeInfo: TypeInfo
    /// The rules' visitors, in rule order.
    private let boxes: ContiguousArray<RuleVisitorBox>
    /// Rules as bits, 64 per word: `words` words per kind, `masks[kind * words + word]`.
    private let words: Int
    private let enterMasks: ContiguousArray<UInt64>
    private let leaveMasks: ContiguousArray<UInt64>
    /// The rules neither skipping a subtree nor stopped.
    private var active: ContiguousArray<UInt64>
    /// The depth of the current node (the document is 1).
    private var depth = 0
    /// The rules skipping a subtree and the depth of its root, innermost last (skips nest).
    private var skipping: [(depth: Int, rule: Int)] = []

    /// Whether the usages of the current top-level definition are being recorded.
    private var recordingUsages = false
    private var usages: [VariableUsage] = []
    /// Nonzero inside a variable definition, where graphql-js's usage walk does not look.
    var variableDefinitionDepth = 0

    init(context: ValidationContext, visitors: [RuleVisitorBox]) {
        self.context = context
        self.typeInfo = context.typeInfo
        boxes = ContiguousArray(visitors)
        let words = max(1, (visitors.count + 63) / 64)
        self.words = words
        var enterMasks = ContiguousArray<UInt64>(repeating: 0, count: Kind.count * words)
        var leaveMasks = enterMasks
        for (rule, box) in visitors.enumerated() {
            let bit: UInt64 = 1 << UInt64(rule % 64)
            for (kinds, isEnter) in [(box.enteredKinds, true), (box.leftKinds, false)] {
                var bits = kinds.rawValue
                while bits != 0 {
                    let index = bits.trailingZeroBitCount * words + rule / 64
                    if isEnter { enterMasks[index] |= bit } else { leaveMasks[index] |= bit }
                    bits &= bits - 1
                }
            }
        }
        self.enterMasks = enterMasks
        self.leaveMasks = leaveMasks
        active = ContiguousArray(repeating: 0, count: words)
        for rule in visitors.indices { active[rule / 64] |= 1 << UInt64(rule % 64) }
    }

    /// Calls `enter` on the active rules for kind index `kind`, in rule order.
    @inline(__always)
    mutating func enterRules(_ kind: Int, _ call: (RuleVisitorBox) -> VisitAction) -> VisitAction {
        depth += 1
        for word in 0..<words {
            var mask = enterMasks[kind * words + word] & active[word]
            while mask != 0 {
                let bit = mask.trailingZeroBitCount
                mask &= mask - 1
                let rule = word * 64 + bit
                switch call(boxes[rule]) {
                case .continue: break
                case .skipChildren:
                    active[word] &= ~(1 << UInt64(bit))
                    skipping.append((depth, rule))
                case .stop:
                    active[word] &= ~(1 << UInt64(bit))
                }
                if context.isAborted { return .stop }
            }
        }
        return .continue
    }

    /// Calls `leave` on the active rules for kind index `kind`, then ends the skips that
    /// began at this node.
    @inline(__always)
    mutating func leaveRules(_ kind: Int, _ call: (RuleVisitorBox) -> VisitAction) -> VisitAction {
        for word in 0..<words {
            var mask = leaveMasks[kind * words + word] & active[word]
            while mask != 0 {
                let bit = mask.trailingZeroBitCount
                mask &= mask - 1
                if call(boxes[word * 64 + bit]) == .stop { active[word] &= ~(1 << UInt64(bit)) }
                if context.isAborted { return .stop }
            }
        }
        while let last = skipping.last, last.depth == depth {
            active[last.rule / 64] |= 1 << UInt64(last.rule % 64)
            skipping.removeLast()
        }
        depth -= 1
        return .continue
    }

    // MARK: variable usages

    /// Starts recording the usages of a top-level operation or fragment, unless a rule
    /// already had them computed.
    mutating func beginDefinition(_ loc: Location) {
        recordingUsages = context.needsVariableUsages(at: loc)
        usages.removeAll(keepingCapacity: true)
    }

    /// Hands the recorded usages to the context before the rules' `leave` asks for them.
    mutating func endDefinition(_ loc: Location) {
        if recordingUsages { context.storeVariableUsages(usages, at: loc) }
        recordingUsages = false
    }

    mutating func recordUsage(_ node: Variable) {
        guard recordingUsages, variableDefinitionDepth == 0 else { return }
        usages.append(VariableUsage(typeInfo: typeInfo, node: node))
    }
}
