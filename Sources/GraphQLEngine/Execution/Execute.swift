// The spec's ExecuteRequest for queries and mutations (subscriptions: Subscribe.swift):
// GetOperation, CoerceVariableValues, then ExecuteQuery / ExecuteMutation.

/// The context of requests that have none.
public struct NoContext: Sendable {
    public init() {}
}

/// Executes an operation of `document` (parsed and validated) with `schema`.
///
/// - Parameters:
///   - operationName: required when the document has several operations.
///   - variableValues: the raw variable values (JSON-shaped), coerced here.
///   - rootValue: the parent value of the root fields.
///   - context: handed to every resolver.
///   - batchScope: the request's DataLoader scope (a new one by default).
public func execute(
    schema: ExecutableSchema, document: Document, operationName: String? = nil,
    variableValues: [String: InputValue] = [:], rootValue: (any Sendable)? = nil,
    context: any Sendable = NoContext(), batchScope: BatchScope? = nil
) async -> ExecutionResult {
    await execute(
        prepared: PreparedDocument(executable: schema, document: document), operationName: operationName,
        variableValues: variableValues, rootValue: rootValue, context: context, batchScope: batchScope)
}

/// Executes an operation of a prepared document (cache it with the validated document:
/// requests that reuse it reuse its execution plans).
public func execute(
    prepared: PreparedDocument, operationName: String? = nil, variableValues: [String: InputValue] = [:],
    rootValue: (any Sendable)? = nil, context: any Sendable = NoContext(), batchScope: BatchScope? = nil
) async -> ExecutionResult {
    switch prepareExecution(
        prepared: prepared, operationName: operationName, variableValues: variableValues, rootValue: rootValue,
        context: context, batchScope: batchScope)
    {
    case .finished(let result):
        return result
    case .ready(let shared, let plan):
        let executor = Executor(shared: shared)
        await executor.executeRoot(
            plan, rootValue: rootValue ?? NoRootValue(), serially: shared.operation.operation == .mutation)
        return ExecutionResult(executor)
    }
}

/// Either what an execution needs, or the result that ends the request before it starts.
enum PreparedExecution {
    case ready(RequestShared, SelectionPlan)
    case finished(ExecutionResult)
}

/// The root value of requests that give none: it has no properties.
struct NoRootValue: Sendable {}

/// graphql-js `buildExecutionContext` and the root plan: the operation, its coerced
/// variables and its root selection plan, or the result that ends the request.
func prepareExecution(
    prepared: PreparedDocument, operationName: String?, variableValues: [String: InputValue],
    rootValue: (any Sendable)?, context: any Sendable, batchScope: BatchScope?
) -> PreparedExecution {
    let index: Int
    switch prepared.selectOperation(operationName) {
    case .failure(let error): return .finished(ExecutionResult(requestErrors: [error]))
    case .success(let i): index = i
    }
    let operation = prepared.operations[index]
    let schema = prepared.executable.schema
    let (variables, errors) = coerceVariableValues(
        schema: schema, definitions: operation.variableDefinitions, inputs: variableValues,
        source: prepared.document.source)
    if !errors.isEmpty { return .finished(ExecutionResult(requestErrors: errors)) }
    guard let rootType = schema.rootType(for: operation.operation) else {
        let error = GraphQLError(
            message: "Schema is not configured to execute \(operation.operation.rawValue) operation.",
            source: prepared.document.source, positions: [operation.loc.start])
        return .finished(ExecutionResult(nullDataWith: [error]))
    }
    let shared = RequestShared(
        prepared: prepared, operation: operation, variables: variables, rootValue: rootValue, context: context,
        scope: batchScope ?? BatchScope())
    switch prepared.rootPlan(operation: index, rootType: rootType, variables: variables) {
    case .failure(let error): return .finished(ExecutionResult(nullDataWith: [error]))
    case .success(let plan): return .ready(shared, plan)
    }
}

/// The result of an execution: `data` (kept in the executor's result tree until written)
/// and `errors`.
public struct ExecutionResult: @unchecked Sendable {
    // @unchecked: the tree is not mutated after the execution that built it.
    let tree: ResultTree?
    /// Whether the response has a `data` entry (false for request errors).
    public let hasData: Bool
    /// The errors, in graphql-js's order.
    public let errors: [GraphQLError]

    /// The same response with every error passed through `transform` (servers mask
    /// internal errors this way).
    public func mapErrors(_ transform: (GraphQLError) -> GraphQLError) -> ExecutionResult {
        ExecutionResult(tree: tree, hasData: hasData, errors: errors.map(transform))
    }

    private init(tree: ResultTree?, hasData: Bool, errors: [GraphQLError]) {
        self.tree = tree
        self.hasData = hasData
        self.errors = errors
    }

    /// A response with errors and no `data`.
    public static func requestError(_ error: GraphQLError) -> ExecutionResult {
        ExecutionResult(requestErrors: [error])
    }

    init(_ executor: Executor) {
        tree = executor.errors.dataIsNull ? nil : executor.tree
        hasData = true
        errors = executor.errors.ordered()
    }

    /// A response with errors and no `data` (a request that failed before execution).
    public init(requestErrors: [GraphQLError]) {
        tree = nil
        hasData = false
        errors = requestErrors
    }

    /// A response whose `data` is null.
    public init(nullDataWith errors: [GraphQLError]) {
        tree = nil
        hasData = true
        self.errors = errors
    }

    /// The response as JSON bytes: `{"errors":[...],"data":...}` (each only when present),
    /// as graphql-js's `JSON.stringify(result)` writes it.
    public func json(capacity: Int = 4096) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        writeJSON(into: &writer)
        return writer.bytes
    }

    /// Appends the response to `writer`.
    public func writeJSON(into writer: inout JSONWriter) {
        writer.writeByte(UInt8(ascii: "{"))
        if !errors.isEmpty {
            writer.writeASCII("\"errors\":")
            writeErrors(into: &writer)
            if hasData { writer.writeByte(UInt8(ascii: ",")) }
        }
        if hasData {
            writer.writeASCII("\"data\":")
            writeData(into: &writer)
        }
        writer.writeByte(UInt8(ascii: "}"))
    }

    /// Appends the errors array.
    public func writeErrors(into writer: inout JSONWriter) {
        writer.writeByte(UInt8(ascii: "["))
        for (i, error) in errors.enumerated() {
            if i > 0 { writer.writeByte(UInt8(ascii: ",")) }
            writer.writeError(error)
        }
        writer.writeByte(UInt8(ascii: "]"))
    }

    /// Appends `data` (`null` when a non-null error reached the root).
    public func writeData(into writer: inout JSONWriter) {
        guard let tree, !tree.nodes.isEmpty else { return writer.writeNull() }
        ResponseWriter(tree: tree).writeNode(0, into: &writer)
    }

    /// `data` as a `JSONValue` (for tests and tools; the JSON bytes are the fast path).
    public var data: JSONValue? {
        guard hasData else { return nil }
        guard let tree, !tree.nodes.isEmpty else { return .null }
        return ResponseWriter(tree: tree).value(ofNode: 0)
    }
}

/// Writes a result tree.
struct ResponseWriter {
    let tree: ResultTree

    func writeNode(_ n: Int32, into w: inout JSONWriter) {
        // One pass over the buffers, without an array access (and its retain) per slot.
        tree.nodes.withUnsafeBufferPointer { nodes in
            tree.slots.withUnsafeBufferPointer { slots in
                tree.plans.withUnsafeBufferPointer { plans in
                    Self.write(n, nodes, slots, plans, &w)
                }
            }
        }
    }

    private static func write(
        _ n: Int32, _ nodes: UnsafeBufferPointer<ResultNode>, _ slots: UnsafeBufferPointer<ResultSlot>,
        _ plans: UnsafeBufferPointer<SelectionPlan>, _ w: inout JSONWriter
    ) {
        let node = nodes[Int(n)]
        let start = Int(node.start)
        let count = Int(node.count)
        if node.plan >= 0 {
            plans[Int(node.plan)].fields.withUnsafeBufferPointer { fields in
                w.writeByte(UInt8(ascii: "{"))
                for i in 0..<count {
                    if i > 0 { w.writeByte(UInt8(ascii: ",")) }
                    w.writeRaw(fields[i].keyBytes)
                    writeSlot(slots[start + i], nodes, slots, plans, &w)
                }
                w.writeByte(UInt8(ascii: "}"))
            }
        } else {
            w.writeByte(UInt8(ascii: "["))
            for i in 0..<count {
                if i > 0 { w.writeByte(UInt8(ascii: ",")) }
                writeSlot(slots[start + i], nodes, slots, plans, &w)
            }
            w.writeByte(UInt8(ascii: "]"))
        }
    }

    @inline(__always)
    private static func writeSlot(
        _ slot: ResultSlot, _ nodes: UnsafeBufferPointer<ResultNode>, _ slots: UnsafeBufferPointer<ResultSlot>,
        _ plans: UnsafeBufferPointer<SelectionPlan>, _ w: inout JSONWriter
    ) {
        switch slot {
        case .null: w.writeNull()
        case .bool(let b): w.writeBool(b)
        case .int(let i): w.writeInt(i)
        case .double(let d): w.writeDouble(d)
        case .string(let string): w.writeString(string)
        case .value(let v): w.writeInputValue(v)
        case .object(let n), .list(let n): write(n, nodes, slots, plans, &w)
        }
    }

    func value(ofNode n: Int32) -> JSONValue {
        let node = tree.nodes[Int(n)]
        let start = Int(node.start)
        if node.plan >= 0 {
            let fields = tree.plans[Int(node.plan)].fields
            var object: [String: JSONValue] = [:]
            for i in 0..<Int(node.count) { object[fields[i].responseKey] = value(ofSlot: start + i) }
            return .object(object)
        }
        return .array((0..<Int(node.count)).map { value(ofSlot: start + $0) })
    }

    private func value(ofSlot s: Int) -> JSONValue {
        switch tree.slots[s] {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let string): .string(string)
        case .value(let v): v.json
        case .object(let n), .list(let n): value(ofNode: n)
        }
    }
}
