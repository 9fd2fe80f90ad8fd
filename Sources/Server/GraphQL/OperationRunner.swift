import GraphQLEngine

/// What a streaming transport does with one GraphQL request.
enum OperationOutcome: Sendable {
    /// Not a request that can be looked at (a persisted-query hash that is not the
    /// SHA-256 of its text, or no query): a `400` over HTTP.
    case malformed(String)
    /// Errors before execution (parse, validation, limits, operation choice, variables,
    /// the caller's context): no `data`.
    case requestErrors([GraphQLError])
    /// An operation type the transport does not run (a mutation over GET, a subscription
    /// over plain HTTP).
    case notAllowed(OperationType)
    /// The one result of a query or mutation, and the executed operation's name (given,
    /// or the document's only operation's).
    case single(ExecutionResult, operationName: String?)
    /// A subscription's results, one per source event. Ending the iteration (or
    /// cancelling the iterating task) cancels the source.
    case stream(AsyncThrowingStream<ExecutionResult, any Error>)
}

/// Runs one GraphQL request for every transport (HTTP, graphql-transport-ws, SSE) with the
/// same checks and error codes: the cached document, persisted queries, the operation
/// types the transport allows, the limits, then `subscribe` for subscriptions and
/// `execute` for the others.
struct OperationRunner: Sendable {
    let service: GraphQLService

    /// - Parameter allowed: the operation types this transport runs (others answer
    ///   `.notAllowed` before any limit or execution).
    func run(
        _ params: GraphQLRequestParams, caller: CallerInfo,
        allowed: Set<OperationType> = [.query, .mutation, .subscription]
    ) async -> OperationOutcome {
        let hash: String?
        do {
            hash = try params.persistedQueryHash()
        } catch {
            return .malformed(error.message)
        }
        let cached: CachedDocument
        switch service.document(query: params.query, persistedHash: hash) {
        case .found(let c): cached = c
        case .missing: return .malformed("The request has no query.")
        case .hashMismatch: return .malformed("provided sha does not match query")
        case .persistedQueryNotFound:
            return .requestErrors([
                GraphQLError(message: "PersistedQueryNotFound", extensions: ["code": "PERSISTED_QUERY_NOT_FOUND"])
            ])
        }
        let prepared: PreparedDocument
        switch cached.state {
        case .parseFailed(let errors): return .requestErrors(errors.map { Self.coded($0, "GRAPHQL_PARSE_FAILED") })
        case .invalid(let errors): return .requestErrors(errors.map { Self.coded($0, "GRAPHQL_VALIDATION_FAILED") })
        case .ready(let p): prepared = p
        }
        let name = params.operationName
        let type = Self.operationType(cached.operations, name)
        let executedName = name ?? (cached.operations.count == 1 ? cached.operations[0].name : nil)
        if let type, !allowed.contains(type) { return .notAllowed(type) }
        let limitErrors = service.limitErrors(prepared, operationName: name, variables: params.variables)
        if !limitErrors.isEmpty { return .requestErrors(limitErrors) }

        if type == .subscription {
            switch await service.subscribe(prepared, operationName: name, variables: params.variables, caller: caller) {
            case .stream(let stream):
                return .stream(stream)
            case .response(let result):
                if result.hasData { return .single(result, operationName: executedName) }
                // Operation choice and variable coercion are the client's input; an error
                // of the field's source resolver has a path, and keeps its own code.
                return .requestErrors(result.errors.map { $0.path == nil ? Self.coded($0, "BAD_USER_INPUT") : $0 })
            }
        }
        // Queries, mutations, and documents whose operation cannot be told (execution
        // answers why: a missing or unknown operation name).
        let result = await service.execute(prepared, operationName: name, variables: params.variables, caller: caller)
        if !result.hasData { return .requestErrors(result.errors.map { Self.coded($0, "BAD_USER_INPUT") }) }
        return .single(result, operationName: executedName)
    }

    /// The type of the operation `name` selects; nil when it cannot be told.
    static func operationType(_ operations: [(name: String?, type: OperationType)], _ name: String?) -> OperationType? {
        if let name { return operations.first { $0.name == name }?.type }
        return operations.count == 1 ? operations[0].type : nil
    }

    /// `error` with `extensions.code` set to `code` unless it has one.
    static func coded(_ error: GraphQLError, _ code: String) -> GraphQLError {
        var error = error
        if error.extensions?["code"] == nil {
            error.extensions = (error.extensions ?? [:]).merging(["code": .string(code)]) { a, _ in a }
        }
        return error
    }
}
