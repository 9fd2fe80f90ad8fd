// Measures one operation for the server's query limits (not a graphql-js feature): its
// depth, aliases, root fields and estimated cost. See `QueryMetrics` for the exact
// definitions. Each reachable fragment is measured once (those it spreads first) and
// its result reused at every spread, so the work is linear in the document's size
// however often fragments are spread.

/// What one operation measures (see `measureQuery`).
///
/// Common rules: fragment spreads and inline fragments are followed (their selections
/// count as if written in place, whatever their type condition); a field, spread or
/// inline fragment with `@skip(if: true)` or `@include(if: false)` counts for nothing,
/// the condition being a literal or a variable whose value is given (or, not given,
/// defaulted in the operation); a fragment spread inside its own expansion (a cycle, which
/// validation reports) counts for nothing there; every sum saturates at `Int.max`.
public struct QueryMetrics: Sendable, Hashable, CustomStringConvertible {
    /// The number of nested field levels: `{ a }` is 1, `{ a { b } }` is 2; fragments and
    /// inline fragments add no level; `__typename` and introspection fields count like
    /// any field; an empty operation is 0.
    public var depth: Int
    /// The number of aliased fields (`x: f`), each spread of a fragment counting the
    /// aliases inside it again.
    public var aliases: Int
    /// The number of distinct response names in the operation's root selection set,
    /// through root-level fragments and inline fragments (fields the executor merges
    /// count once: `{ a a }` has 1 root field, `{ x: a y: a }` 2).
    public var rootFields: Int
    /// The estimated cost: each field costs 1 plus its children's cost times its
    /// multiplier. The multiplier is the field's `first` or `last` argument (the larger
    /// when both are given; a literal Int, or a variable whose Int value is given or
    /// defaulted; negative counts as 0); without one, `defaultListSize` for a list field
    /// (its type without non-null is a list) or a connection (its named type's name ends
    /// in `Connection`), else 1; list fields of a connection type (`edges`, `nodes`) have
    /// multiplier 1, since the connection counted its page. A fragment costs its selections' cost at each spread.
    public var cost: Int

    /// Creates metrics.
    public init(depth: Int, aliases: Int, rootFields: Int, cost: Int) {
        self.depth = depth
        self.aliases = aliases
        self.rootFields = rootFields
        self.cost = cost
    }

    public var description: String {
        "depth \(depth), aliases \(aliases), root fields \(rootFields), cost \(cost)"
    }
}

/// Measures the operation `operationName` of `document` (the only operation when nil).
/// Returns nil when no such operation can be chosen (the executor reports that).
/// - Parameters:
///   - variables: the request's variable values, for `first`/`last` and `@skip`/`@include`.
///   - defaultListSize: the multiplier of list and connection fields without `first`/`last`.
public func measureQuery(
    schema: GraphQLSchema, document: Document, operationName: String?,
    variables: [String: InputValue], defaultListSize: Int = 20
) -> QueryMetrics? {
    guard let operation = selectOperation(document, operationName) else { return nil }
    var fragments: [String: FragmentDefinition] = [:]
    for case .fragment(let f) in document.definitions { fragments[f.name.value] = f }
    var walk = MetricsWalk(
        schema: schema, fragments: fragments, variables: variables,
        variableDefaults: variableDefaults(operation), defaultListSize: max(0, defaultListSize))
    walk.measureFragments(reachableFrom: operation.selectionSet)
    let root = schema.rootType(for: operation.operation).map { GraphQLNamedType.object($0) }
    let measure = walk.measure(operation.selectionSet, root)
    return QueryMetrics(
        depth: measure.depth, aliases: measure.aliases, rootFields: walk.rootFieldCount(operation.selectionSet),
        cost: measure.cost)
}

/// The operation to run: the one named `operationName`, or the only one when nil
/// (graphql-js `getOperation` rules; nil where it would report an error).
func selectOperation(_ document: Document, _ operationName: String?) -> OperationDefinition? {
    var found: OperationDefinition?
    for case .operation(let operation) in document.definitions {
        if let operationName {
            if operation.name?.value == operationName { return operation }
        } else {
            if found != nil { return nil }
            found = operation
        }
    }
    return found
}

/// The operation's variable default values (literals), by variable name.
private func variableDefaults(_ operation: OperationDefinition) -> [String: Value] {
    var defaults: [String: Value] = [:]
    for definition in operation.variableDefinitions {
        if let value = definition.defaultValue { defaults[definition.variable.name.value] = value }
    }
    return defaults
}

/// Depth, aliases and cost of a selection set.
struct SelectionMeasure {
    var depth = 0
    var aliases = 0
    var cost = 0
}

/// `a + b` clamped at `Int.max` (all the measures are non-negative).
@inline(__always) func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}

/// `a * b` clamped at `Int.max` (non-negative operands).
@inline(__always) func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}

/// The walk behind `measureQuery`.
private struct MetricsWalk {
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinition]
    let variables: [String: InputValue]
    let variableDefaults: [String: Value]
    let defaultListSize: Int
    /// Fragments measured so far.
    var fragmentMeasures: [String: SelectionMeasure] = [:]

    init(
        schema: GraphQLSchema, fragments: [String: FragmentDefinition], variables: [String: InputValue],
        variableDefaults: [String: Value], defaultListSize: Int
    ) {
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.variableDefaults = variableDefaults
        self.defaultListSize = defaultListSize
    }

    /// The measure of a selection set, its spreads taken from `fragmentMeasures`.
    func measure(_ selectionSet: SelectionSet, _ parentType: GraphQLNamedType?) -> SelectionMeasure {
        var total = SelectionMeasure()
        for selection in selectionSet.selections where !isExcluded(selection.directives) {
            let part: SelectionMeasure
            switch selection {
            case .field(let field):
                part = measure(field, parentType)
            case .inlineFragment(let inline):
                // No condition: the enclosing type; an unknown one: no type.
                let type = inline.typeCondition.map { schema.type(named: $0.name.value) } ?? parentType
                part = measure(inline.selectionSet, type)
            case .fragmentSpread(let spread):
                part = measureFragment(spread.name.value)
            }
            total.depth = max(total.depth, part.depth)
            total.aliases = saturatingAdd(total.aliases, part.aliases)
            total.cost = saturatingAdd(total.cost, part.cost)
        }
        return total
    }

    private func measure(_ field: Field, _ parentType: GraphQLNamedType?) -> SelectionMeasure {
        let definition = fieldDefinition(parentType, field.name.value)
        var children = SelectionMeasure()
        if let sub = field.selectionSet {
            children = measure(sub, definition?.type.namedType)
        }
        let multiplier = children.cost == 0 ? 1 : self.multiplier(field, definition, parentType)
        return SelectionMeasure(
            depth: saturatingAdd(children.depth, 1),
            aliases: saturatingAdd(children.aliases, field.alias == nil ? 0 : 1),
            cost: saturatingAdd(1, saturatingMultiply(multiplier, children.cost)))
    }

    /// A fragment's measure, from `measureFragments`: nothing for an unknown fragment,
    /// or for a spread closing a cycle.
    private func measureFragment(_ name: String) -> SelectionMeasure {
        fragmentMeasures[name] ?? SelectionMeasure()
    }

    /// Measures every fragment reachable from `selectionSet`, each after the fragments
    /// it spreads (depth-first, spreads in document order): the order a recursive walk
    /// would finish them in, a spread back into a fragment still open being a cycle that
    /// counts nothing. Iterative, so a long chain of fragments cannot exhaust the stack;
    /// the recursion left (`measure`) follows only the document's own nesting.
    mutating func measureFragments(reachableFrom selectionSet: SelectionSet) {
        var spreadsOf: [String: [String]] = [:]
        var state: [String: Bool] = [:]  // false: open, true: done
        var stack: [(name: String, next: Int)] = []
        func push(_ name: String, _ stack: inout [(name: String, next: Int)], _ state: inout [String: Bool]) {
            guard state[name] == nil, let fragment = fragments[name] else { return }
            state[name] = false
            if spreadsOf[name] == nil { spreadsOf[name] = spreadNames(fragment.selectionSet) }
            stack.append((name, 0))
        }
        for root in spreadNames(selectionSet) {
            push(root, &stack, &state)
            while let top = stack.last {
                let spreads = spreadsOf[top.name] ?? []
                if top.next < spreads.count {
                    stack[stack.count - 1].next += 1
                    push(spreads[top.next], &stack, &state)
                } else {
                    stack.removeLast()
                    state[top.name] = true
                    if let fragment = fragments[top.name] {
                        let type = schema.type(named: fragment.typeCondition.name.value)
                        fragmentMeasures[top.name] = measure(fragment.selectionSet, type)
                    }
                }
            }
        }
    }

    /// The fragment names spread anywhere in `selectionSet`, in document order.
    private func spreadNames(_ selectionSet: SelectionSet) -> [String] {
        var names: [String] = []
        func collect(_ set: SelectionSet) {
            for selection in set.selections {
                switch selection {
                case .field(let field): if let sub = field.selectionSet { collect(sub) }
                case .inlineFragment(let inline): collect(inline.selectionSet)
                case .fragmentSpread(let spread): names.append(spread.name.value)
                }
            }
        }
        collect(selectionSet)
        return names
    }

    /// The number of distinct response names of the root selection set, through
    /// fragments and inline fragments. A fragment adds the same names wherever it is
    /// spread, so each is expanded once (which also stops cycles).
    func rootFieldCount(_ selectionSet: SelectionSet) -> Int {
        var names = Set<String>()
        var expanded = Set<String>()
        var pending = [selectionSet]
        while let set = pending.popLast() {
            for selection in set.selections where !isExcluded(selection.directives) {
                switch selection {
                case .field(let field):
                    names.insert(field.alias?.value ?? field.name.value)
                case .inlineFragment(let inline):
                    pending.append(inline.selectionSet)
                case .fragmentSpread(let spread):
                    guard let fragment = fragments[spread.name.value],
                        expanded.insert(spread.name.value).inserted
                    else { continue }
                    pending.append(fragment.selectionSet)
                }
            }
        }
        return names.count
    }

    /// How many times a field's children are counted (see `QueryMetrics.cost`).
    private func multiplier(_ field: Field, _ definition: GraphQLField?, _ parentType: GraphQLNamedType?) -> Int {
        var given: Int?
        for argument in field.arguments where argument.name.value == "first" || argument.name.value == "last" {
            if case .int(let n)? = resolve(argument.value) { given = max(given ?? 0, n, 0) }
        }
        if let given { return given }
        guard let type = definition?.type else { return 1 }
        // A connection's `edges` and `nodes` lists hold the page its `first`/`last` (or the
        // default) already counted: multiplying again would count every page item twice over.
        if let parentType, parentType.name.hasSuffix("Connection") { return 1 }
        if type.nullableType.isList || type.namedType.name.hasSuffix("Connection") { return defaultListSize }
        return 1
    }

    /// Whether `@skip(if: true)` or `@include(if: false)` applies.
    private func isExcluded(_ directives: [Directive]) -> Bool {
        for directive in directives {
            let name = directive.name.value
            guard name == "skip" || name == "include" else { continue }
            guard let condition = directive.arguments.first(where: { $0.name.value == "if" }),
                case .boolean(let value)? = resolve(condition.value)
            else { continue }
            if value == (name == "skip") { return true }
        }
        return false
    }

    /// A literal Int or Boolean, or a variable's given (else defaulted) value; nil for
    /// anything else.
    private func resolve(_ value: Value) -> InputValue? {
        switch value {
        case .int(let literal):
            // An Int literal too large for Int is as good as unbounded.
            return .int(Int(literal.value) ?? (literal.value.hasPrefix("-") ? 0 : Int.max))
        case .boolean(let literal):
            return .boolean(literal.value)
        case .variable(let variable):
            let name = variable.name.value
            if let given = variables[name] { return given }
            return variableDefaults[name].flatMap(resolve)
        default:
            return nil
        }
    }

    /// The field's definition, meta fields included (graphql-js `getFieldDef`).
    private func fieldDefinition(_ parentType: GraphQLNamedType?, _ name: String) -> GraphQLField? {
        guard let parentType else { return nil }
        if let query = schema.queryType, case .object(let parent) = parentType, query === parent {
            if name == "__schema" { return Introspection.schemaMetaField }
            if name == "__type" { return Introspection.typeMetaField }
        }
        if name == "__typename", parentType.isCompositeType { return Introspection.typeNameMetaField }
        return parentType.fieldMap?[name]
    }
}
