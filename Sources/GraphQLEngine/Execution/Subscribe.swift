// The spec's Subscribe: CreateSourceEventStream, then MapSourceToResponseEvent, each
// event executed as the root value of the operation's selection set.

/// What `subscribe` answers: a stream of responses, or one response when the
/// subscription failed before its stream started (graphql-js: `{ errors }`).
public enum SubscriptionResult: Sendable {
    /// One response per source event. Stops when the source ends; throws what the
    /// source throws. Cancelling the consumer (or dropping the stream) cancels the source.
    case stream(AsyncThrowingStream<ExecutionResult, any Error>)
    /// The request failed before the source stream started.
    case response(ExecutionResult)
}

/// A context whose DataLoaders (or other per-request state) must not outlive one event of a
/// subscription: each event is executed with the context this makes, on the event's scope,
/// so it reads fresh data and its loaders are dispatched with the event's execution.
public protocol SubscriptionEventContext: Sendable {
    func context(forEventIn scope: BatchScope) -> any Sendable
}

/// Subscribes to a subscription operation of `document` (parsed and validated).
public func subscribe(
    schema: ExecutableSchema, document: Document, operationName: String? = nil,
    variableValues: [String: InputValue] = [:], rootValue: (any Sendable)? = nil,
    context: any Sendable = NoContext()
) async -> SubscriptionResult {
    await subscribe(
        prepared: PreparedDocument(executable: schema, document: document), operationName: operationName,
        variableValues: variableValues, rootValue: rootValue, context: context)
}

/// Subscribes to a subscription operation of a prepared document.
public func subscribe(
    prepared: PreparedDocument, operationName: String? = nil, variableValues: [String: InputValue] = [:],
    rootValue: (any Sendable)? = nil, context: any Sendable = NoContext()
) async -> SubscriptionResult {
    let shared: RequestShared
    let plan: SelectionPlan
    switch prepareExecution(
        prepared: prepared, operationName: operationName, variableValues: variableValues, rootValue: rootValue,
        context: context, batchScope: nil)
    {
    case .finished(let result):
        // graphql-js's createSourceEventStream answers `{ errors }` without data.
        return .response(ExecutionResult(requestErrors: result.errors))
    case .ready(let s, let p):
        shared = s
        plan = p
    }
    let source: AsyncThrowingStream<any Sendable, any Error>
    switch await createSourceEventStream(shared, plan) {
    case .success(let s): source = s
    case .failure(let error): return .response(ExecutionResult(requestErrors: [error]))
    }
    let prepared = shared.prepared
    let operation = shared.operation
    let variables = shared.variables
    let (responses, continuation) = AsyncThrowingStream.makeStream(of: ExecutionResult.self)
    let pump = Task {
        do {
            for try await event in source {
                let scope = BatchScope()
                let eventContext = (context as? any SubscriptionEventContext)?.context(forEventIn: scope) ?? context
                let eventShared = RequestShared(
                    prepared: prepared, operation: operation, variables: variables, rootValue: event,
                    context: eventContext, scope: scope)
                let executor = Executor(shared: eventShared)
                await executor.executeRoot(plan, rootValue: event, serially: false)
                continuation.yield(ExecutionResult(executor))
            }
            continuation.finish()
        } catch {
            continuation.finish(throwing: error)
        }
    }
    continuation.onTermination = { _ in pump.cancel() }
    return .stream(responses)
}

/// CreateSourceEventStream: the root field's source stream, or the located error.
private func createSourceEventStream(
    _ shared: RequestShared, _ plan: SelectionPlan
) async -> Result<AsyncThrowingStream<any Sendable, any Error>, GraphQLError> {
    let operation = shared.operation
    // graphql-js takes the first collected root field; an undefined one is an error.
    guard let firstSelection = firstRootField(operation.selectionSet, shared) else {
        return .failure(GraphQLError(message: "Subscription operation has no field."))
    }
    let name = firstSelection.name.value
    let source = shared.prepared.document.source
    guard let field = plan.fields.first, field.definition.name == name,
        field.responseKey == (firstSelection.alias?.value ?? name)
    else {
        return .failure(GraphQLError(
            message: "The subscription field \"\(name)\" is not defined.", source: source,
            positions: [firstSelection.loc.start]))
    }
    let positions = field.fieldNodes.map(\.loc.start)
    let path: [PathComponent] = [.key(field.responseKey)]
    do {
        let arguments: InputFields
        switch field.arguments {
        case .none: arguments = emptyArguments
        case .constant(let r): arguments = try r.get()
        case .perRequest:
            arguments = try getArgumentValues(
                field.definition.args, field.fieldNodes[0].arguments,
                nodePosition: NodePosition(offset: field.fieldNodes[0].loc.start, source: source),
                variableValues: shared.variables)
        }
        guard let subscriber = shared.prepared.executable.subscribers[name] else {
            return .failure(GraphQLError(
                message: "Subscription field must return Async Iterable. Received: undefined.", source: source,
                positions: positions, path: path))
        }
        let info = ResolveInfo(
            request: .passUnretained(shared), field: .passUnretained(field), location: .materialized(path))
        // The info refers to shared and field unretained: keep them alive across the call.
        defer { withExtendedLifetime((shared, field)) {} }
        let stream = try await subscriber(shared.rootValue ?? NoRootValue(), arguments, shared.context, info)
        return .success(stream)
    } catch let error as GraphQLError {
        var located = error
        if located.path == nil {
            if located.locations.isEmpty {
                located.source = source
                located.positions = positions
                located.locations = field.locations
            }
            located.path = path
        }
        return .failure(located)
    } catch {
        var wrapped = GraphQLError(message: errorMessage(error), source: source, positions: positions, path: path)
        wrapped.originalError = error
        return .failure(wrapped)
    }
}

/// The first field CollectFields meets in the root selection set (through fragments,
/// honouring `@skip`/`@include`), as graphql-js's `rootFields.entries().next()`.
private func firstRootField(_ selectionSet: SelectionSet, _ shared: RequestShared) -> Field? {
    var visited: Set<String> = []
    func first(_ set: SelectionSet) -> Field? {
        for selection in set.selections {
            switch selection {
            case .field(let f):
                if included(f.directives) { return f }
            case .inlineFragment(let fragment):
                if included(fragment.directives), let f = first(fragment.selectionSet) { return f }
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visited.contains(name), included(spread.directives) else { continue }
                visited.insert(name)
                if let fragment = shared.prepared.fragments[name], let f = first(fragment.selectionSet) { return f }
            }
        }
        return nil
    }
    func included(_ directives: [Directive]) -> Bool {
        let source = shared.prepared.document.source
        if case .boolean(true)? = (try? getDirectiveValues(
            GraphQLSkipDirective, directives, source: source, variableValues: shared.variables))??["if"]
        {
            return false
        }
        if case .boolean(false)? = (try? getDirectiveValues(
            GraphQLIncludeDirective, directives, source: source, variableValues: shared.variables))??["if"]
        {
            return false
        }
        return true
    }
    return first(selectionSet)
}
