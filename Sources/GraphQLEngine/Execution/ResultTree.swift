// The response data while it is being built: a flat arena. Every object and list is a
// node owning a contiguous run of slots (one per collected field, or per item); a slot
// holds a leaf or refers to a child node. Nodes know their parent slot, so response paths
// (for errors and `info.path`), depth-first positions (for error order) and null
// propagation walk up the links, only when needed.

/// One response value.
enum ResultSlot: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// A custom scalar's serialized value (indirect: keeps slots small).
    indirect case value(InputValue)
    case object(Int32)
    case list(Int32)
}

/// An object or list of the response.
struct ResultNode: Sendable {
    /// First slot.
    var start: Int32
    /// Number of slots (fields or items).
    var count: Int32
    /// The node holding the slot that refers to this one (-1 for the root).
    var parent: Int32
    /// The index of that slot within the parent.
    var parentOffset: Int32
    /// For objects: the plan (index into `ResultTree.plans`); -1 for lists.
    var plan: Int32
    /// For lists: whether the items are of a non-null type.
    var itemsNonNull: Bool
}

/// The node and slot tables and the plans their objects use. A class so that
/// `ResolveInfo` can read paths lazily while the executor fills it.
final class ResultTree {
    // Unchecked exclusivity: one task builds the tree (see Executor).
    @exclusivity(unchecked) var nodes: [ResultNode] = []
    @exclusivity(unchecked) var slots: [ResultSlot] = []
    @exclusivity(unchecked) var plans: [SelectionPlan] = []
    @exclusivity(unchecked) private var lastPlan: ObjectIdentifier? = nil
    @exclusivity(unchecked) private var lastPlanIndex: Int32 = -1
    @exclusivity(unchecked) private var planIndex: [ObjectIdentifier: Int32] = [:]

    init() {
        nodes.reserveCapacity(64)
        slots.reserveCapacity(256)
    }

    /// The index of `plan` in `plans`, registering it on first use.
    func index(of plan: SelectionPlan) -> Int32 {
        let id = ObjectIdentifier(plan)
        if id == lastPlan { return lastPlanIndex }
        let i: Int32
        if let known = planIndex[id] {
            i = known
        } else {
            i = Int32(plans.count)
            plans.append(plan)
            planIndex[id] = i
        }
        lastPlan = id
        lastPlanIndex = i
        return i
    }

    /// Adds an object node with one null slot per field of `plan`, under slot `offset`
    /// of `parent`; returns its index.
    func addObject(_ plan: SelectionPlan, parent: Int32, offset: Int32) -> Int32 {
        let n = Int32(nodes.count)
        let count = plan.fields.count
        nodes.append(ResultNode(
            start: Int32(slots.count), count: Int32(count), parent: parent, parentOffset: offset,
            plan: index(of: plan), itemsNonNull: false))
        slots.append(contentsOf: repeatElement(.null, count: count))
        return n
    }

    /// Adds a list node with `count` null slots; returns its index.
    func addList(count: Int, itemsNonNull: Bool, parent: Int32, offset: Int32) -> Int32 {
        let n = Int32(nodes.count)
        nodes.append(ResultNode(
            start: Int32(slots.count), count: Int32(count), parent: parent, parentOffset: offset,
            plan: -1, itemsNonNull: itemsNonNull))
        slots.append(contentsOf: repeatElement(.null, count: count))
        return n
    }

    /// Whether slot `offset` of `node` holds a value of a non-null type.
    func slotIsNonNull(node: Int32, offset: Int32) -> Bool {
        let info = nodes[Int(node)]
        if info.plan >= 0 { return plans[Int(info.plan)].fields[Int(offset)].completion.nonNull }
        return info.itemsNonNull
    }

    /// The response path of slot `offset` of `node`.
    func path(node: Int32, offset: Int32) -> [PathComponent] {
        var reversed: [PathComponent] = []
        var n = node
        var o = offset
        while n >= 0 {
            let info = nodes[Int(n)]
            if info.plan >= 0 {
                reversed.append(.key(plans[Int(info.plan)].fields[Int(o)].responseKey))
            } else {
                reversed.append(.index(Int(o)))
            }
            o = info.parentOffset
            n = info.parent
        }
        return reversed.reversed()
    }

    /// The depth-first position of slot `offset` of `node`: the slot offsets (field ordinals
    /// and list indices) from the root down. Their lexicographic order is the order in
    /// which graphql-js runs synchronous resolvers.
    func position(node: Int32, offset: Int32) -> [Int32] {
        var reversed: [Int32] = []
        var n = node
        var o = offset
        while n >= 0 {
            reversed.append(o)
            let info = nodes[Int(n)]
            o = info.parentOffset
            n = info.parent
        }
        return reversed.reversed()
    }
}
