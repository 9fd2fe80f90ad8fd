// Field errors: located like graphql-js's `locatedError`, nulls propagated to the nearest
// nullable position, and reported in graphql-js's order.
//
// graphql-js runs synchronous resolvers depth first and stops executing an object's (or
// list's) remaining entries when a non-null error nulls it. This executor runs breadth
// first, so it records every error with its depth-first position and the position it
// nulled, and at the end keeps exactly the errors graphql-js would have seen: in position
// order, dropping those inside a region an earlier kept error nulled.

struct FieldErrors {
    struct Record {
        var error: GraphQLError
        /// Depth-first position of the failed slot.
        var position: [Int32]
        /// Position of the slot that became null ([] when `data` itself did).
        var nulled: [Int32]
    }

    var records: [Record] = []
    /// Whether a non-null error reached the root: `data` is null.
    var dataIsNull = false

    /// The errors graphql-js reports for the same execution, in its order.
    func ordered() -> [GraphQLError] {
        if records.isEmpty { return [] }
        if records.count == 1 { return [records[0].error] }
        let sorted = records.enumerated().sorted { a, b in
            if positionPrecedes(a.element.position, b.element.position) { return true }
            if positionPrecedes(b.element.position, a.element.position) { return false }
            return a.offset < b.offset
        }
        var kept: [Record] = []
        for (_, record) in sorted {
            let killed = kept.contains { earlier in
                positionHasPrefix(record.position, earlier.nulled)
                    && positionPrecedes(earlier.position, record.position)
            }
            if !killed { kept.append(record) }
        }
        return kept.map(\.error)
    }
}

/// Lexicographic order of positions, a prefix first.
func positionPrecedes(_ a: [Int32], _ b: [Int32]) -> Bool {
    for (x, y) in zip(a, b) where x != y { return x < y }
    return a.count < b.count
}

/// Whether `prefix` is an ancestor-or-self position of `p`.
func positionHasPrefix(_ p: [Int32], _ prefix: [Int32]) -> Bool {
    p.count >= prefix.count && p.prefix(prefix.count).elementsEqual(prefix)
}

extension Executor {
    /// HandleFieldError: records `error` for slot `offset` of `node` and propagates null.
    func fieldError(_ error: any Error, _ field: PlannedField, node: Int32, offset: Int32) {
        var located: GraphQLError
        if let error = error as? GraphQLError {
            located = error
            if located.path == nil {
                if located.locations.isEmpty {
                    located.source = field.source
                    located.positions = field.fieldNodes.map(\.loc.start)
                    located.locations = field.locations
                }
                located.path = tree.path(node: node, offset: offset)
            }
        } else {
            located = GraphQLError(
                message: errorMessage(error), source: field.source, positions: field.fieldNodes.map(\.loc.start),
                path: tree.path(node: node, offset: offset))
            located.originalError = error
        }
        let position = tree.position(node: node, offset: offset)
        let nulled = propagateNull(node: node, offset: offset)
        errors.records.append(FieldErrors.Record(error: located, position: position, nulled: nulled))
    }

    /// Nulls slot `offset` of `node` and, while the nulled slot is of a non-null type, the
    /// slot holding its node; returns the position of the last slot nulled.
    private func propagateNull(node: Int32, offset: Int32) -> [Int32] {
        var n = node
        var o = offset
        while true {
            let info = tree.nodes[Int(n)]
            tree.slots[Int(info.start) + Int(o)] = .null
            if !tree.slotIsNonNull(node: n, offset: o) { return tree.position(node: n, offset: o) }
            if info.parent < 0 {
                errors.dataIsNull = true
                return []
            }
            o = info.parentOffset
            n = info.parent
        }
    }
}
