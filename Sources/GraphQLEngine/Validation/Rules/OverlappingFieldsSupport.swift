// The data and small pure helpers behind `OverlappingFieldsChecker` (graphql-js 16.11
// `OverlappingFieldsCanBeMergedRule.ts`): collected field maps, conflicts and their
// reasons, the memo sets, argument and type comparison.

/// A field node with the parent type it was selected on and its definition there
/// (graphql-js `NodeAndDef`).
struct NodeAndDef {
    /// The type the field was selected on (nil when unknown).
    let parentType: GraphQLNamedType?
    /// The field node.
    let node: Field
    /// The field's definition on `parentType` (meta fields such as `__typename` have none
    /// here, as in graphql-js, which reads `parentType.getFields()` only).
    let def: GraphQLField?
    /// Equal for two leaf fields that cannot conflict (see `LeafFieldKey`); computed once
    /// per field when the selection set is collected.
    let leafKey: LeafFieldKey?

    init(parentType: GraphQLNamedType?, node: Field, def: GraphQLField?) {
        self.parentType = parentType
        self.node = node
        self.def = def
        self.leafKey = LeafFieldKey(parentType: parentType, node: node)
    }
}

/// The fields selected under one response name, in document order.
struct FieldGroup {
    let responseName: String
    var fields: [NodeAndDef]
}

/// The fields of a selection set, inline fragments flattened, grouped by response name,
/// and the names of the fragments it spreads (graphql-js `FieldsAndFragmentNames`).
///
/// A class because graphql-js compares these collections by identity
/// (`fieldMap === fieldMap2`, and as keys of the fields-and-fragment memo); `id` is that
/// identity as a plain number.
final class FieldsAndFragmentNames {
    /// Unique per checker.
    let id: Int
    /// Response names in first-appearance order (JavaScript object key order: response
    /// names never look like array indices, so insertion order is the whole story).
    let groups: [FieldGroup]
    /// Position of each response name in `groups`.
    let index: [String: Int]
    /// The spread fragments, as ids into the checker's fragment table, in order of first
    /// appearance, without repeats. Spreads of unknown fragments are left out: graphql-js
    /// visits them only to return at once (their memo entries are never read back).
    let fragments: [Int]
    /// The selection set this was collected from, kept alive so that a storage-address
    /// cache key (used for nodes without a source range) can never be reused.
    let selectionSet: SelectionSet

    init(id: Int, groups: [FieldGroup], index: [String: Int], fragments: [Int], selectionSet: SelectionSet) {
        self.id = id
        self.groups = groups
        self.index = index
        self.fragments = fragments
        self.selectionSet = selectionSet
    }

    /// The fields with the given response name, if any.
    func fields(named responseName: String) -> [NodeAndDef]? {
        guard let i = index[responseName] else { return nil }
        return groups[i].fields
    }
}

/// Identity of a selection set node, the key of graphql-js's
/// `cachedFieldsAndFragmentNames` (a `Map` keyed by node object).
///
/// Swift nodes are values, so a parsed node is identified by its source range (no two
/// selection sets of one document start at the same `{`). A node without a range
/// (built in code, `loc` 0..<0) is identified by the address of its selections' storage,
/// which copies of the node share; the cache entry keeps that storage alive.
enum SelectionSetKey: Hashable {
    case range(start: Int, end: Int)
    case storage(UInt)

    init(_ selectionSet: SelectionSet) {
        if selectionSet.loc.end > selectionSet.loc.start {
            self = .range(start: selectionSet.loc.start, end: selectionSet.loc.end)
        } else {
            self = .storage(selectionSet.selections.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) })
        }
    }
}

/// Why two fields conflict: a message, or the conflicts of their subfields
/// (graphql-js `ConflictReasonMessage`).
indirect enum ConflictReason {
    case message(String)
    case subfields([(responseName: String, reason: ConflictReason)])

    /// graphql-js `reasonMessage`.
    var text: String {
        switch self {
        case .message(let m):
            return m
        case .subfields(let list):
            return list.map { "subfields \"\($0.responseName)\" conflict because " + $0.reason.text }
                .joined(separator: " and ")
        }
    }
}

/// One conflict: the response name, the reason, and the field nodes on each side
/// (graphql-js `Conflict`), the nodes kept as their byte offsets.
struct FieldConflict {
    let responseName: String
    let reason: ConflictReason
    let fields1: [Int]
    let fields2: [Int]

    /// The reported message (graphql-js `OverlappingFieldsCanBeMergedRule` visitor).
    var message: String {
        "Fields \"\(responseName)\" conflict because \(reason.text). "
            + "Use different aliases on the fields to fetch both if this was intentional."
    }
}

/// A pair of numbers (a field map id or fragment id with a fragment id).
struct IDPair: Hashable {
    let a: Int
    let b: Int
}

/// Pairs whose order matters, each flagged weakly (mutually exclusive) or strongly
/// present (graphql-js 16.11 `OrderedPairSet`, here over field map and fragment ids).
/// A pair added as not mutually exclusive answers for both; one added as mutually
/// exclusive answers only for that.
struct OrderedPairSet {
    // One flat table of plain numbers: nested or generic tables cost several times more
    // in unoptimized builds, and this is the validator's innermost bookkeeping.
    private var data: [IDPair: Bool] = [:]

    func has(_ a: Int, _ b: Int, _ weaklyPresent: Bool) -> Bool {
        guard let result = data[IDPair(a: a, b: b)] else { return false }
        return weaklyPresent ? true : weaklyPresent == result
    }

    mutating func add(_ a: Int, _ b: Int, _ weaklyPresent: Bool) {
        data[IDPair(a: a, b: b)] = weaklyPresent
    }
}

/// Unordered pairs of fragments (graphql-js `PairSet`, which orders the two names; any
/// fixed order of the two ids is the same set).
struct FragmentPairSet {
    private var pairs = OrderedPairSet()

    func has(_ a: Int, _ b: Int, _ areMutuallyExclusive: Bool) -> Bool {
        pairs.has(min(a, b), max(a, b), areMutuallyExclusive)
    }

    mutating func add(_ a: Int, _ b: Int, _ areMutuallyExclusive: Bool) {
        pairs.add(min(a, b), max(a, b), areMutuallyExclusive)
    }
}

/// graphql-js `sameArguments`: same number of arguments, and each argument of the first
/// has a same-named one in the second (the last one, when repeated) that prints the
/// same once object fields are sorted.
func sameArguments(_ node1: Field, _ node2: Field) -> Bool {
    let args1 = node1.arguments
    let args2 = node2.arguments
    if args1.isEmpty { return args2.isEmpty }
    if args2.isEmpty { return false }
    if args1.count != args2.count { return false }
    var values2: [String: Value] = [:]
    for arg in args2 { values2[arg.name.value] = arg.value }
    return args1.allSatisfy { arg1 in
        guard let value2 = values2[arg1.name.value] else { return false }
        return stringifyValue(arg1.value) == stringifyValue(value2)
    }
}

/// graphql-js 16.3-16.9 `stringifyArguments` (what 16.6 compares; 16.10 replaced it by
/// `sameArguments`, which differs only for repeated argument names): the arguments
/// printed as one object value, sorted by name.
func stringifyArguments(_ field: Field) -> String {
    let object = ObjectValue(fields: field.arguments.map { ObjectField(name: $0.name, value: $0.value) })
    return stringifyValue(.object(object))
}

/// graphql-js `stringifyValue`: `print(sortValueNode(value))`.
func stringifyValue(_ value: Value) -> String {
    printAST(sortValueNode(value))
}

/// graphql-js `sortValueNode`: object fields sorted by name (`naturalCompare`, stable),
/// recursively through lists and objects.
func sortValueNode(_ value: Value) -> Value {
    switch value {
    case .object(var object):
        let fields = object.fields.map { field -> ObjectField in
            var field = field
            field.value = sortValueNode(field.value)
            return field
        }
        // Sort positions with the position as tie-break: Array.prototype.sort is stable.
        let order = fields.indices.sorted { i, j in
            let c = naturalCompare(fields[i].name.value, fields[j].name.value)
            return c != 0 ? c < 0 : i < j
        }
        object.fields = order.map { fields[$0] }
        return .object(object)
    case .list(var list):
        list.values = list.values.map(sortValueNode)
        return .list(list)
    default:
        return value
    }
}

/// graphql-js `doTypesConflict`: list and non-null wrappers must match, and two leaf
/// types must be the same type. Composite types are compared later through their
/// subfields.
func doTypesConflict(_ type1: GraphQLType, _ type2: GraphQLType) -> Bool {
    if case .list(let inner1) = type1 {
        if case .list(let inner2) = type2 { return doTypesConflict(inner1, inner2) }
        return true
    }
    if case .list = type2 { return true }
    if case .nonNull(let inner1) = type1 {
        if case .nonNull(let inner2) = type2 { return doTypesConflict(inner1, inner2) }
        return true
    }
    if case .nonNull = type2 { return true }
    let named1 = type1.namedType
    let named2 = type2.namedType
    if named1.isLeafType || named2.isLeafType { return named1 != named2 }
    return false
}

/// Identity of a named type, for equivalence keys.
func typeIdentity(_ type: GraphQLNamedType?) -> ObjectIdentifier? {
    type.map(identity)
}

/// A key under which two leaf fields (no selection set) can never conflict with each
/// other: same parent type object, same field name, and arguments that `sameArguments`
/// accepts. Comparing two such fields always finds nothing (same name, same arguments,
/// same definition hence the same type, no subfields), so the checker skips those pairs.
/// nil when the shortcut does not apply (a selection set, or a repeated argument name,
/// for which graphql-js can report a field as conflicting with its own copy).
struct LeafFieldKey: Hashable {
    let parentType: ObjectIdentifier?
    let name: String
    let arguments: [String]

    init?(parentType: GraphQLNamedType?, node: Field) {
        guard node.selectionSet == nil else { return nil }
        var arguments: [String] = []
        if !node.arguments.isEmpty {
            var seen = Set<String>()
            arguments.reserveCapacity(node.arguments.count * 2)
            for arg in node.arguments {
                guard seen.insert(arg.name.value).inserted else { return nil }
                arguments.append(arg.name.value)
                arguments.append(stringifyValue(arg.value))
            }
        }
        self.parentType = typeIdentity(parentType)
        self.name = node.name.value
        self.arguments = arguments
    }
}

/// Numbers the leaf classes of fields (equal `LeafFieldKey`s get one number), so the
/// quadratic pair loops compare integers; -1 for a field that must always be compared.
struct LeafClasses {
    private let enabled: Bool
    private var numbers: [LeafFieldKey: Int] = [:]

    init(enabled: Bool) { self.enabled = enabled }

    mutating func ids(_ fields: [NodeAndDef]) -> [Int] {
        guard enabled else { return [Int](repeating: -1, count: fields.count) }
        return fields.map { field in
            guard let key = field.leafKey else { return -1 }
            if let n = numbers[key] { return n }
            let n = numbers.count
            numbers[key] = n
            return n
        }
    }
}
