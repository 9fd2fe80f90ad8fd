// A document prepared for execution against an executable schema: its operations and
// fragments indexed, and its plans cached across the requests that execute it.

import Foundation

/// A parsed (and normally validated) document bound to an executable schema. Cache it
/// with the validated document: every request that executes it reuses its field plans.
/// Thread-safe.
public final class PreparedDocument: @unchecked Sendable {
    // @unchecked: `rootPlans` is only read or written with `lock` held; the rest is immutable.
    /// The executable schema.
    public let executable: ExecutableSchema
    /// The document.
    public let document: Document
    let operations: [OperationDefinition]
    let fragments: [String: FragmentDefinition]
    private let lock = NSLock()
    private var rootPlans: [Int: Result<SelectionPlan, GraphQLError>] = [:]

    /// Prepares `document` for execution with `executable`.
    public init(executable: ExecutableSchema, document: Document) {
        self.executable = executable
        self.document = document
        var operations: [OperationDefinition] = []
        var fragments: [String: FragmentDefinition] = [:]
        for definition in document.definitions {
            switch definition {
            case .operation(let op): operations.append(op)
            case .fragment(let f): fragments[f.name.value] = f  // graphql-js: the last one wins
            default: break
            }
        }
        self.operations = operations
        self.fragments = fragments
    }

    /// graphql-js `buildExecutionContext`'s operation choice, with its messages.
    func selectOperation(_ operationName: String?) -> Result<Int, GraphQLError> {
        var chosen: Int? = nil
        for (i, op) in operations.enumerated() {
            if let operationName {
                if op.name?.value == operationName { chosen = i }
            } else {
                if chosen != nil {
                    return .failure(GraphQLError(message: "Must provide operation name if query contains multiple operations."))
                }
                chosen = i
            }
        }
        guard let chosen else {
            if let operationName { return .failure(GraphQLError(message: "Unknown operation named \"\(operationName)\".")) }
            return .failure(GraphQLError(message: "Must provide an operation."))
        }
        return .success(chosen)
    }

    /// The plan of an operation's root selection set (cached unless it depends on variables).
    func rootPlan(
        operation index: Int, rootType: GraphQLObjectType, variables: [String: InputValue]
    ) -> Result<SelectionPlan, GraphQLError> {
        lock.lock()
        let cached = rootPlans[index]
        lock.unlock()
        if let cached { return cached }
        var collector = FieldPlanner(
            executable: executable, fragments: fragments, variables: variables, source: document.source)
        let result = Result { () throws(GraphQLError) -> SelectionPlan in
            try collector.plan(rootType, selectionSets: [operations[index].selectionSet])
        }
        if !collector.usesVariables {
            lock.lock()
            rootPlans[index] = result
            lock.unlock()
        }
        return result
    }
}

/// What every resolver of one request shares (immutable).
final class RequestShared: Sendable {
    let prepared: PreparedDocument
    let operation: OperationDefinition
    let variables: [String: InputValue]
    let rootValue: (any Sendable)?
    let context: any Sendable
    let scope: BatchScope

    init(
        prepared: PreparedDocument, operation: OperationDefinition, variables: [String: InputValue],
        rootValue: (any Sendable)?, context: any Sendable, scope: BatchScope
    ) {
        self.prepared = prepared
        self.operation = operation
        self.variables = variables
        self.rootValue = rootValue
        self.context = context
        self.scope = scope
    }
}
