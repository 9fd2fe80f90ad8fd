// graphql-js 16.11 `OverlappingFieldsCanBeMergedRule`: a selection set is valid only if
// all fields sharing a response name (through inline fragments and fragment spreads) can
// be merged without ambiguity. https://spec.graphql.org/draft/#sec-Field-Selection-Merging
//
// The algorithm is graphql-js's, step for step (the doc comments name graphql-js's
// steps A-J and functions); only these differ, in how and not in what:
// - the fragment recursions (steps E and G) use an explicit stack visited in the same
//   order, so a long chain of fragments cannot overflow the thread's stack;
// - two leaf fields that are provably identical (same parent type, name and arguments,
//   no selection set) are not compared, because such a comparison never finds anything:
//   1,000 repeated `a` cost no comparisons instead of 499,500;
// - fragments are numbered, and spreads of undefined fragments dropped when collecting
//   (graphql-js visits those only to return at once).

/// Finds the field-merging conflicts of a document, one selection set at a time, as
/// graphql-js's `OverlappingFieldsCanBeMergedRule` does.
///
/// Create one per validation pass and call `conflicts(in:parentType:)` for every
/// selection set of the document in visiting order (operations and fragment definitions
/// alike): it keeps graphql-js's caches (the fields collected per selection set) and
/// memo sets (fragment pairs, fields-and-fragment pairs) across calls, which both keeps
/// the work bounded and decides, as in graphql-js, that a conflict is reported once.
public struct OverlappingFieldsChecker {
    /// Which graphql-js version's fragment bookkeeping to follow. 16.6 (the graphql-js
    /// the differential tests can run) lacks the 16.10 fix for nested fragments; the
    /// difference is confined to `collectConflictsBetweenFieldsAndFragment`.
    enum Algorithm {
        case graphqlJS16_11
        case graphqlJS16_6
    }

    let schema: GraphQLSchema
    /// The fragment definitions, numbered in name order; the memo sets and field maps
    /// refer to fragments by these numbers.
    private let fragments: [FragmentDefinition]
    private let fragmentIDs: [String: Int]
    /// graphql-js `getReferencedFieldsAndFragmentNames` per fragment, once computed.
    private var fragmentFieldMaps: [FieldsAndFragmentNames?]
    private let source: Source?
    var algorithm: Algorithm = .graphqlJS16_11

    private var cache: [SelectionSetKey: FieldsAndFragmentNames] = [:]
    private var nextID = 0
    private var comparedFieldsAndFragmentPairs = OrderedPairSet()
    private var comparedFragmentPairs = FragmentPairSet()
    /// Whether to skip pairs of identical leaf fields (see `LeafFieldKey`); off only in
    /// tests that measure graphql-js's own number of comparisons.
    var skipsIdenticalLeafPairs = true

    /// The number of field pairs compared so far (graphql-js `findConflict` calls), for
    /// logging and for tests that bound the work.
    public private(set) var comparisons = 0

    /// Creates a checker for one document.
    /// - Parameters:
    ///   - schema: the schema validated against.
    ///   - fragments: the document's fragment definitions by name (graphql-js
    ///     `context.getFragment`: when a name is defined twice, the last definition).
    ///   - source: the document's source, to turn node positions into locations.
    public init(schema: GraphQLSchema, fragments: [String: FragmentDefinition], source: Source?) {
        self.schema = schema
        let sorted = fragments.sorted { $0.key < $1.key }
        self.fragments = sorted.map(\.value)
        var ids: [String: Int] = [:]
        for (i, entry) in sorted.enumerated() { ids[entry.key] = i }
        self.fragmentIDs = ids
        self.fragmentFieldMaps = Array(repeating: nil, count: sorted.count)
        self.source = source
    }

    /// Creates a checker for `document`, taking its fragments and source from it.
    public init(schema: GraphQLSchema, document: Document) {
        var fragments: [String: FragmentDefinition] = [:]
        for case .fragment(let f) in document.definitions { fragments[f.name.value] = f }
        self.init(schema: schema, fragments: fragments, source: document.source)
    }

    /// The conflicts within one selection set (graphql-js `findConflictsWithinSelectionSet`),
    /// as errors in graphql-js's order, each located at all the conflicting field nodes.
    /// - Parameters:
    ///   - selectionSet: a selection set of the document, reached during the walk.
    ///   - parentType: the parent type graphql-js's `TypeInfo` reports there (composite,
    ///     or nil when unknown).
    public mutating func conflicts(in selectionSet: SelectionSet, parentType: GraphQLNamedType?) -> [GraphQLError] {
        findConflictsWithinSelectionSet(parentType, selectionSet).map { conflict in
            GraphQLError(
                message: conflict.message, source: source,
                positions: conflict.fields1 + conflict.fields2)
        }
    }

    // MARK: - Steps A to C

    /// Conflicts within a selection set: its own fields against each other (A), against
    /// each spread fragment (B), and the spread fragments against each other (C).
    private mutating func findConflictsWithinSelectionSet(
        _ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet
    ) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let fieldMap = fieldsAndFragmentNames(parentType, selectionSet)
        collectConflictsWithin(&conflicts, fieldMap)
        let spread = fieldMap.fragments
        for i in spread.indices {
            collectConflictsBetweenFieldsAndFragment(&conflicts, false, fieldMap, spread[i])
            for j in (i + 1)..<spread.count {
                collectConflictsBetweenFragments(&conflicts, false, spread[i], spread[j])
            }
        }
        return conflicts
    }

    // MARK: - Steps D and E

    /// Conflicts between a set of fields and a fragment, and (E) the fragments that
    /// fragment spreads, recursively: a depth-first walk visiting fragments in the
    /// order graphql-js's recursion does.
    private mutating func collectConflictsBetweenFieldsAndFragment(
        _ conflicts: inout [FieldConflict], _ areMutuallyExclusive: Bool,
        _ fieldMap: FieldsAndFragmentNames, _ fragment: Int
    ) {
        switch algorithm {
        case .graphqlJS16_11:
            // 16.10+: memoize (field map, fragment) pairs, so each fragment reachable
            // from the fields is compared with them once.
            var stack = [fragment]
            while let current = stack.popLast() {
                if comparedFieldsAndFragmentPairs.has(fieldMap.id, current, areMutuallyExclusive) { continue }
                comparedFieldsAndFragmentPairs.add(fieldMap.id, current, areMutuallyExclusive)
                guard let referenced = compareFieldsWithFragment(&conflicts, areMutuallyExclusive, fieldMap, current)
                else { continue }
                stack.append(contentsOf: referenced.reversed())
            }
        case .graphqlJS16_6:
            // 16.3-16.9: the nested fragments are memoized as fragment pairs
            // (fragment, nested fragment), which can miss conflicts.
            var stack: [(parent: Int?, fragment: Int)] = [(nil, fragment)]
            while let (parent, current) = stack.popLast() {
                if let parent {
                    if comparedFragmentPairs.has(current, parent, areMutuallyExclusive) { continue }
                    comparedFragmentPairs.add(current, parent, areMutuallyExclusive)
                }
                guard let referenced = compareFieldsWithFragment(&conflicts, areMutuallyExclusive, fieldMap, current)
                else { continue }
                stack.append(contentsOf: referenced.reversed().map { (current, $0) })
            }
        }
    }

    /// Step D for one fragment; returns the fragments it spreads, or nil when its field
    /// map is `fieldMap` itself (graphql-js returns early there).
    private mutating func compareFieldsWithFragment(
        _ conflicts: inout [FieldConflict], _ areMutuallyExclusive: Bool,
        _ fieldMap: FieldsAndFragmentNames, _ fragment: Int
    ) -> [Int]? {
        let fieldMap2 = referencedFieldsAndFragmentNames(fragment)
        // Do not compare a fragment's fields to themselves.
        if fieldMap === fieldMap2 { return nil }
        collectConflictsBetween(&conflicts, areMutuallyExclusive, fieldMap, fieldMap2)
        return fieldMap2.fragments
    }

    // MARK: - Steps F and G

    /// Conflicts between two fragments (F), and (G) between each and the fragments the
    /// other spreads, recursively; each unordered pair once per exclusivity.
    private mutating func collectConflictsBetweenFragments(
        _ conflicts: inout [FieldConflict], _ areMutuallyExclusive: Bool,
        _ fragment1: Int, _ fragment2: Int
    ) {
        var stack = [(fragment1, fragment2)]
        while let (first, second) = stack.popLast() {
            // No need to compare a fragment to itself.
            if first == second { continue }
            if comparedFragmentPairs.has(first, second, areMutuallyExclusive) { continue }
            comparedFragmentPairs.add(first, second, areMutuallyExclusive)
            let fieldMap1 = referencedFieldsAndFragmentNames(first)
            let fieldMap2 = referencedFieldsAndFragmentNames(second)
            collectConflictsBetween(&conflicts, areMutuallyExclusive, fieldMap1, fieldMap2)
            // graphql-js recurses into (first, each spread of second), then (each spread
            // of first, second): push them reversed so they pop in that order.
            var next = fieldMap2.fragments.map { (first, $0) }
            next += fieldMap1.fragments.map { ($0, second) }
            stack.append(contentsOf: next.reversed())
        }
    }

    // MARK: - Steps H to J

    /// Conflicts between the sub-selections of two same-named fields: their fields (H),
    /// each side's fields against the other's fragments (I), fragments pairwise (J).
    private mutating func findConflictsBetweenSubSelectionSets(
        _ areMutuallyExclusive: Bool,
        _ parentType1: GraphQLNamedType?, _ selectionSet1: SelectionSet,
        _ parentType2: GraphQLNamedType?, _ selectionSet2: SelectionSet
    ) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let fieldMap1 = fieldsAndFragmentNames(parentType1, selectionSet1)
        let fieldMap2 = fieldsAndFragmentNames(parentType2, selectionSet2)
        collectConflictsBetween(&conflicts, areMutuallyExclusive, fieldMap1, fieldMap2)
        for fragment2 in fieldMap2.fragments {
            collectConflictsBetweenFieldsAndFragment(&conflicts, areMutuallyExclusive, fieldMap1, fragment2)
        }
        for fragment1 in fieldMap1.fragments {
            collectConflictsBetweenFieldsAndFragment(&conflicts, areMutuallyExclusive, fieldMap2, fragment1)
        }
        for fragment1 in fieldMap1.fragments {
            for fragment2 in fieldMap2.fragments {
                collectConflictsBetweenFragments(&conflicts, areMutuallyExclusive, fragment1, fragment2)
            }
        }
        return conflicts
    }

    // MARK: - Comparing fields

    /// Every pair of same-named fields within one collection (never mutually exclusive).
    private mutating func collectConflictsWithin(_ conflicts: inout [FieldConflict], _ fieldMap: FieldsAndFragmentNames) {
        for group in fieldMap.groups where group.fields.count > 1 {
            let fields = group.fields
            var classes = LeafClasses(enabled: skipsIdenticalLeafPairs)
            let ids = classes.ids(fields)
            // Every field the same leaf: nothing to compare.
            if let first = ids.first, first >= 0, ids.allSatisfy({ $0 == first }) { continue }
            for i in fields.indices {
                for j in (i + 1)..<fields.count {
                    if ids[i] >= 0, ids[i] == ids[j] { continue }
                    if let conflict = findConflict(false, group.responseName, fields[i], fields[j]) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// Every field of the first collection against each same-named field of the second.
    private mutating func collectConflictsBetween(
        _ conflicts: inout [FieldConflict], _ parentFieldsAreMutuallyExclusive: Bool,
        _ fieldMap1: FieldsAndFragmentNames, _ fieldMap2: FieldsAndFragmentNames
    ) {
        for group in fieldMap1.groups {
            guard let fields2 = fieldMap2.fields(named: group.responseName) else { continue }
            let fields1 = group.fields
            if fields1.count == 1, fields2.count == 1 {
                // The common case (one field each side): no class table needed.
                if skipsIdenticalLeafPairs, let key = fields1[0].leafKey, key == fields2[0].leafKey { continue }
                if let conflict = findConflict(
                    parentFieldsAreMutuallyExclusive, group.responseName, fields1[0], fields2[0])
                {
                    conflicts.append(conflict)
                }
                continue
            }
            var classes = LeafClasses(enabled: skipsIdenticalLeafPairs)
            let ids1 = classes.ids(fields1)
            let ids2 = classes.ids(fields2)
            for i in fields1.indices {
                for j in fields2.indices {
                    if ids1[i] >= 0, ids1[i] == ids2[j] { continue }
                    if let conflict = findConflict(
                        parentFieldsAreMutuallyExclusive, group.responseName, fields1[i], fields2[j])
                    {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// graphql-js `findConflict`: whether two same-named fields conflict, including
    /// through their subfields.
    private mutating func findConflict(
        _ parentFieldsAreMutuallyExclusive: Bool, _ responseName: String,
        _ field1: NodeAndDef, _ field2: NodeAndDef
    ) -> FieldConflict? {
        comparisons += 1
        let node1 = field1.node
        let node2 = field2.node
        // Fields on two different object types can never apply to the same object, so
        // they may differ in name and arguments. Interfaces and unions might overlap.
        var areMutuallyExclusive = parentFieldsAreMutuallyExclusive
        if !areMutuallyExclusive, let type1 = field1.parentType, let type2 = field2.parentType,
            type1 != type2, case .object = type1, case .object = type2
        {
            areMutuallyExclusive = true
        }

        if !areMutuallyExclusive {
            let name1 = node1.name.value
            let name2 = node2.name.value
            if name1 != name2 {
                return FieldConflict(
                    responseName: responseName,
                    reason: .message("\"\(name1)\" and \"\(name2)\" are different fields"),
                    fields1: [node1.loc.start], fields2: [node2.loc.start])
            }
            let sameArgs = algorithm == .graphqlJS16_6
                ? stringifyArguments(node1) == stringifyArguments(node2)
                : sameArguments(node1, node2)
            if !sameArgs {
                return FieldConflict(
                    responseName: responseName, reason: .message("they have differing arguments"),
                    fields1: [node1.loc.start], fields2: [node2.loc.start])
            }
        }

        let type1 = field1.def?.type
        let type2 = field2.def?.type
        if let type1, let type2, doTypesConflict(type1, type2) {
            return FieldConflict(
                responseName: responseName,
                reason: .message("they return conflicting types \"\(type1)\" and \"\(type2)\""),
                fields1: [node1.loc.start], fields2: [node2.loc.start])
        }

        guard let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet else { return nil }
        let subConflicts = findConflictsBetweenSubSelectionSets(
            areMutuallyExclusive, type1?.namedType, selectionSet1, type2?.namedType, selectionSet2)
        // graphql-js `subfieldConflicts`: one conflict for the pair, carrying the others.
        guard !subConflicts.isEmpty else { return nil }
        return FieldConflict(
            responseName: responseName,
            reason: .subfields(subConflicts.map { ($0.responseName, $0.reason) }),
            fields1: [node1.loc.start] + subConflicts.flatMap(\.fields1),
            fields2: [node2.loc.start] + subConflicts.flatMap(\.fields2))
    }

    // MARK: - Collecting fields

    /// graphql-js `getFieldsAndFragmentNames`: the cached collection of a selection set.
    /// The first parent type it is asked with wins, as in graphql-js.
    private mutating func fieldsAndFragmentNames(
        _ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet
    ) -> FieldsAndFragmentNames {
        let key = SelectionSetKey(selectionSet)
        if let cached = cache[key] { return cached }
        var collector = FieldCollector(schema: schema, fragmentIDs: fragmentIDs)
        collector.collect(parentType, selectionSet)
        let result = FieldsAndFragmentNames(
            id: nextID, groups: collector.groups, index: collector.index,
            fragments: collector.fragments, selectionSet: selectionSet)
        nextID += 1
        cache[key] = result
        return result
    }

    /// graphql-js `getReferencedFieldsAndFragmentNames`: a fragment's collection, its
    /// fields typed by its type condition.
    private mutating func referencedFieldsAndFragmentNames(_ id: Int) -> FieldsAndFragmentNames {
        if let known = fragmentFieldMaps[id] { return known }
        let fragment = fragments[id]
        let result: FieldsAndFragmentNames
        if let cached = cache[SelectionSetKey(fragment.selectionSet)] {
            result = cached
        } else {
            let fragmentType = schema.type(named: fragment.typeCondition.name.value)
            result = fieldsAndFragmentNames(fragmentType, fragment.selectionSet)
        }
        // The selection set's cache entry never changes once made, so neither does this.
        fragmentFieldMaps[id] = result
        return result
    }
}

/// graphql-js `_collectFieldsAndFragmentNames`: flattens inline fragments, groups fields
/// by response name, and lists spread fragment names.
private struct FieldCollector {
    let schema: GraphQLSchema
    let fragmentIDs: [String: Int]
    var groups: [FieldGroup] = []
    var index: [String: Int] = [:]
    var fragments: [Int] = []
    var seenFragments = Set<Int>()

    init(schema: GraphQLSchema, fragmentIDs: [String: Int]) {
        self.schema = schema
        self.fragmentIDs = fragmentIDs
    }

    mutating func collect(_ parentType: GraphQLNamedType?, _ selectionSet: SelectionSet) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                let fieldName = field.name.value
                // Only the type's own fields: graphql-js reads `getFields()`, so meta
                // fields such as `__typename` have no definition here.
                let def = parentType?.fieldMap?[fieldName]
                let responseName = field.alias?.value ?? fieldName
                let entry = NodeAndDef(parentType: parentType, node: field, def: def)
                if let i = index[responseName] {
                    groups[i].fields.append(entry)
                } else {
                    index[responseName] = groups.count
                    groups.append(FieldGroup(responseName: responseName, fields: [entry]))
                }
            case .fragmentSpread(let spread):
                if let id = fragmentIDs[spread.name.value], seenFragments.insert(id).inserted {
                    fragments.append(id)
                }
            case .inlineFragment(let inline):
                // An unknown type condition gives no type (graphql-js `typeFromAST`).
                let inlineType: GraphQLNamedType?
                if let condition = inline.typeCondition {
                    inlineType = schema.type(named: condition.name.value)
                } else {
                    inlineType = parentType
                }
                collect(inlineType, inline.selectionSet)
            }
        }
    }
}
