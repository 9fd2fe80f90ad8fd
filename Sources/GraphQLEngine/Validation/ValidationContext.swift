// graphql-js `ValidationContext` (16.11): what executable-document rules share — the
// schema, the document, its fragments, fragment spreads and variable usages (computed
// once and cached), the type information of the walk, and the error list.

/// The context every executable-document rule receives (graphql-js `ValidationContext`).
///
/// Its mutable state is `@exclusivity(unchecked)`: validation is single-threaded and no
/// access to it overlaps another.
///
/// Caches are keyed by node location, as graphql-js keys them by node identity; nodes
/// without a location (built in code rather than parsed) are recomputed each time.
public final class ValidationContext: ASTValidationContext {
    /// The schema the document is validated against.
    public let schema: GraphQLSchema
    /// The document being validated.
    public let document: Document
    /// The type information of the walk, at the node being visited.
    public let typeInfo: TypeInfo
    /// The errors reported so far, in order.
    @exclusivity(unchecked) public private(set) var errors: [GraphQLError] = []
    /// True once `maxErrors` was exceeded: the walk stops and further reports are dropped.
    @exclusivity(unchecked) public private(set) var isAborted = false
    private let maxErrors: Int

    @exclusivity(unchecked) private var fragmentIndexes: [String: Int]?
    @exclusivity(unchecked) private var fragmentSpreadsCache: [Location: [FragmentSpread]] = [:]
    @exclusivity(unchecked) private var referencedFragmentsCache: [Location: [FragmentDefinition]] = [:]
    @exclusivity(unchecked) private var variableUsagesCache: [Location: [VariableUsage]] = [:]
    @exclusivity(unchecked) private var recursiveVariableUsagesCache: [Location: [VariableUsage]] = [:]

    /// Creates a context; `maxErrors` as in `validate`.
    public init(schema: GraphQLSchema, document: Document, typeInfo: TypeInfo, maxErrors: Int = 100) {
        self.schema = schema
        self.document = document
        self.typeInfo = typeInfo
        self.maxErrors = maxErrors
    }

    /// The schema, for the rules shared with SDL validation.
    public var optionalSchema: GraphQLSchema? { schema }

    /// Records an error. Past `maxErrors` errors it records graphql-js's "Too many
    /// validation errors" (without location) and aborts the validation.
    public func reportError(_ error: GraphQLError) {
        guard !isAborted else { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError(message: "Too many validation errors, error limit reached. Validation aborted."))
            isAborted = true
            return
        }
        errors.append(error)
    }

    /// Ends the validation: the walk stops and later reports are dropped.
    func abort() { isAborted = true }

    // MARK: type information (graphql-js getType, getParentType, ...)

    /// The output type of the current field, operation or fragment.
    public var type: GraphQLType? { typeInfo.type }
    /// The composite type whose selection set is being visited.
    public var parentType: GraphQLNamedType? { typeInfo.parentType }
    /// The expected type of the current input value.
    public var inputType: GraphQLType? { typeInfo.inputType }
    /// The expected type of the value enclosing the current one.
    public var parentInputType: GraphQLType? { typeInfo.parentInputType }
    /// The definition of the current field.
    public var fieldDef: GraphQLField? { typeInfo.fieldDef }
    /// The current directive's definition.
    public var directive: GraphQLDirective? { typeInfo.directive }
    /// The current argument's definition.
    public var argument: GraphQLArgument? { typeInfo.argument }
    /// The current enum value's definition.
    public var enumValue: GraphQLEnumValue? { typeInfo.enumValue }

    // MARK: fragments

    /// The fragment definition named `name`; the last one when several share the name
    /// (graphql-js `getFragment`).
    public func fragment(named name: String) -> FragmentDefinition? {
        if fragmentIndexes == nil {
            var indexes: [String: Int] = [:]
            for (i, definition) in document.definitions.enumerated() {
                if case .fragment(let fragment) = definition { indexes[fragment.name.value] = i }
            }
            fragmentIndexes = indexes
        }
        guard let i = fragmentIndexes?[name], case .fragment(let fragment) = document.definitions[i] else {
            return nil
        }
        return fragment
    }

    /// The fragment spreads inside `selectionSet`, nested ones included but not those of
    /// the fragments spread, in graphql-js's (stack) order (graphql-js `getFragmentSpreads`).
    public func fragmentSpreads(of selectionSet: SelectionSet) -> [FragmentSpread] {
        let key = selectionSet.loc
        if key.end > 0, let cached = fragmentSpreadsCache[key] { return cached }
        var spreads: [FragmentSpread] = []
        var setsToVisit = [selectionSet]
        while let set = setsToVisit.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): spreads.append(spread)
                case .field(let field): if let sub = field.selectionSet { setsToVisit.append(sub) }
                case .inlineFragment(let inline): setsToVisit.append(inline.selectionSet)
                }
            }
        }
        if key.end > 0 { fragmentSpreadsCache[key] = spreads }
        return spreads
    }

    /// The fragments `operation` uses, directly or through other fragments, each once,
    /// in graphql-js's order (graphql-js `getRecursivelyReferencedFragments`).
    public func recursivelyReferencedFragments(of operation: OperationDefinition) -> [FragmentDefinition] {
        let key = operation.loc
        if key.end > 0, let cached = referencedFragmentsCache[key] { return cached }
        var fragments: [FragmentDefinition] = []
        var collectedNames: Set<String> = []
        var nodesToVisit = [operation.selectionSet]
        while let node = nodesToVisit.popLast() {
            for spread in fragmentSpreads(of: node) where collectedNames.insert(spread.name.value).inserted {
                if let fragment = fragment(named: spread.name.value) {
                    fragments.append(fragment)
                    nodesToVisit.append(fragment.selectionSet)
                }
            }
        }
        if key.end > 0 { referencedFragmentsCache[key] = fragments }
        return fragments
    }

    // MARK: variable usages

    /// The variables used in `operation` outside its variable definitions, in document
    /// order, with their expected types (graphql-js `getVariableUsages`).
    public func variableUsages(of operation: OperationDefinition) -> [VariableUsage] {
        if operation.loc.end > 0, let cached = variableUsagesCache[operation.loc] { return cached }
        if !VariableScan.hasVariables(operation.directives) && !VariableScan.hasVariables(operation.selectionSet) {
            if operation.loc.end > 0 { variableUsagesCache[operation.loc] = [] }
            return []
        }
        var collector = VariableUsageCollector(schema: schema)
        _ = operation.walk(&collector)
        if operation.loc.end > 0 { variableUsagesCache[operation.loc] = collector.usages }
        return collector.usages
    }

    /// The variables used in `fragment` (graphql-js `getVariableUsages`).
    public func variableUsages(of fragment: FragmentDefinition) -> [VariableUsage] {
        if fragment.loc.end > 0, let cached = variableUsagesCache[fragment.loc] { return cached }
        if !VariableScan.hasVariables(fragment.directives) && !VariableScan.hasVariables(fragment.selectionSet) {
            if fragment.loc.end > 0 { variableUsagesCache[fragment.loc] = [] }
            return []
        }
        var collector = VariableUsageCollector(schema: schema)
        _ = fragment.walk(&collector)
        if fragment.loc.end > 0 { variableUsagesCache[fragment.loc] = collector.usages }
        return collector.usages
    }

    /// The variables used in `operation` and in the fragments it uses, recursively
    /// (graphql-js `getRecursiveVariableUsages`).
    public func recursiveVariableUsages(of operation: OperationDefinition) -> [VariableUsage] {
        let key = operation.loc
        if key.end > 0, let cached = recursiveVariableUsagesCache[key] { return cached }
        var usages = variableUsages(of: operation)
        for fragment in recursivelyReferencedFragments(of: operation) {
            usages += variableUsages(of: fragment)
        }
        if key.end > 0 { recursiveVariableUsagesCache[key] = usages }
        return usages
    }

    /// Whether the walker should record the usages of the definition at `loc`.
    func needsVariableUsages(at loc: Location) -> Bool {
        loc.end > 0 && variableUsagesCache[loc] == nil
    }

    /// The usages the walker recorded for the definition at `loc`.
    func storeVariableUsages(_ usages: [VariableUsage], at loc: Location) {
        variableUsagesCache[loc] = usages
    }
}
