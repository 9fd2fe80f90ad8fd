// The server's query limits (not a graphql-js feature): maximum depth, aliases, root
// fields and cost of the operation a request runs, measured by `measureQuery`.

/// Limits on the operation a request runs; nil disables a limit. See `QueryMetrics` for
/// what each number measures.
public struct QueryLimits: Sendable, Hashable {
    /// The largest allowed `QueryMetrics.depth`.
    public var maxDepth: Int?
    /// The largest allowed `QueryMetrics.aliases`.
    public var maxAliases: Int?
    /// The largest allowed `QueryMetrics.rootFields`.
    public var maxRootFields: Int?
    /// The largest allowed `QueryMetrics.cost`.
    public var maxCost: Int?
    /// The cost multiplier of list and connection fields without `first`/`last`.
    public var defaultListSize: Int

    /// Creates limits (all off by default).
    public init(
        maxDepth: Int? = nil, maxAliases: Int? = nil, maxRootFields: Int? = nil, maxCost: Int? = nil,
        defaultListSize: Int = 20
    ) {
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
        self.maxCost = maxCost
        self.defaultListSize = defaultListSize
    }

    /// Whether any limit is set.
    public var isEnabled: Bool {
        maxDepth != nil || maxAliases != nil || maxRootFields != nil || maxCost != nil
    }
}

/// The error code of every query-limit error (`extensions.code`).
public let queryTooComplexCode = "QUERY_TOO_COMPLEX"

/// The errors for every limit the operation exceeds (a value above its maximum), in the
/// order depth, aliases, root fields, cost. Each is located at the operation (its first
/// token: `query`, `mutation`, `subscription`, or the `{` of a shorthand query), has
/// `extensions: {"code": "QUERY_TOO_COMPLEX"}`, and names the limit and the value.
/// No errors when no limit is set, or when the operation cannot be chosen (the
/// executor reports that).
/// - Parameters:
///   - operationName: the operation to run (nil: the document's only operation).
///   - variables: the request's variable values (for `first`/`last`, `@skip`/`@include`).
public func checkQueryLimits(
    _ limits: QueryLimits, schema: GraphQLSchema, document: Document, operationName: String?,
    variables: [String: InputValue]
) -> [GraphQLError] {
    guard limits.isEnabled else { return [] }
    return evaluateQueryLimits(
        limits, schema: schema, document: document, operationName: operationName, variables: variables
    ).errors
}

/// `checkQueryLimits` with the measured numbers too (nil when the operation cannot be
/// chosen), for servers that log them.
public func evaluateQueryLimits(
    _ limits: QueryLimits, schema: GraphQLSchema, document: Document, operationName: String?,
    variables: [String: InputValue]
) -> (metrics: QueryMetrics?, errors: [GraphQLError]) {
    guard let operation = selectOperation(document, operationName),
        let metrics = measureQuery(
            schema: schema, document: document, operationName: operationName, variables: variables,
            defaultListSize: limits.defaultListSize)
    else { return (nil, []) }
    let errors = queryLimitErrors(limits, metrics).map { message in
        GraphQLError(
            message: message, source: document.source, positions: [operation.loc.start],
            extensions: ["code": .string(queryTooComplexCode)])
    }
    return (metrics, errors)
}

/// The messages for the limits `metrics` exceeds, in the order depth, aliases, root
/// fields, cost (for servers that measured already, e.g. to log the numbers).
public func queryLimitErrors(_ limits: QueryLimits, _ metrics: QueryMetrics) -> [String] {
    var messages: [String] = []
    if let max = limits.maxDepth, metrics.depth > max {
        messages.append("Query depth \(metrics.depth) exceeds the maximum allowed depth of \(max).")
    }
    if let max = limits.maxAliases, metrics.aliases > max {
        messages.append("Query uses \(metrics.aliases) aliases, more than the maximum of \(max).")
    }
    if let max = limits.maxRootFields, metrics.rootFields > max {
        messages.append("Operation has \(metrics.rootFields) root fields, more than the maximum of \(max).")
    }
    if let max = limits.maxCost, metrics.cost > max {
        messages.append("Query cost \(metrics.cost) exceeds the maximum cost of \(max).")
    }
    return messages
}
