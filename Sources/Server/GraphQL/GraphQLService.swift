import Crypto
import Foundation
import GraphQLEngine
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Who is calling, as the transports see it: what the resolvers' context is made from.
struct CallerInfo: Sendable {
    /// The bearer token (HTTP `Authorization`, or a WebSocket `connection_init` payload).
    var bearerToken: String?
    /// The request id (`X-Request-Id`, or generated).
    var requestID: String
    /// The client's IP address (`ClientAddress`): the peer's, or a trusted proxy's
    /// `X-Forwarded-For`; nil when unknown (in-process tests).
    var clientAddress: String?
    /// The `User-Agent` header (recorded on sessions).
    var userAgent: String?

    init(bearerToken: String?, requestID: String, clientAddress: String? = nil, userAgent: String? = nil) {
        self.bearerToken = bearerToken
        self.requestID = requestID
        self.clientAddress = clientAddress
        self.userAgent = userAgent
    }

    /// From request headers: `Authorization: Bearer <token>`; the request id given (the
    /// request's log metadata), else a valid `X-Request-Id`, else a new one; the client
    /// address from the peer (or a trusted proxy's header).
    init(headers: HTTPFields, requestID: String? = nil, peer: SocketAddress? = nil, trustProxy: Bool = false) {
        var token: String? = nil
        if let authorization = headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                token = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        self.bearerToken = token
        self.requestID = requestID
            ?? RequestIDMiddleware<BasicRequestContext>.requestID(headers[RequestIDMiddleware<BasicRequestContext>.headerName])
        self.clientAddress = ClientAddress.resolve(peer: peer, headers: headers, trustProxy: trustProxy)
        self.userAgent = headers[.userAgent]
    }
}

/// Makes the resolvers' per-request context; its DataLoaders must use `scope`.
typealias ContextFactory = @Sendable (_ caller: CallerInfo, _ scope: BatchScope) async throws -> any Sendable

/// The schema-bound engine as every transport uses it: the document cache (parse,
/// validate, limits), persisted queries, execution with a time limit, subscriptions.
final class GraphQLService: Sendable {
    let executable: ExecutableSchema
    let settings: GraphQLSettings
    let documents: DocumentCache
    let makeContext: ContextFactory
    /// Where requests are counted (nil: not counted).
    let metrics: ServerMetrics?
    /// Where internal errors are logged (their details never reach the client).
    let logger: Logger

    init(
        executable: ExecutableSchema, settings: GraphQLSettings, metrics: ServerMetrics? = nil,
        logger: Logger = Logger(label: "marketplace.graphql"), makeContext: @escaping ContextFactory
    ) {
        self.executable = executable
        self.metrics = metrics
        self.logger = logger
        self.settings = settings
        self.documents = DocumentCache(capacity: settings.documentCacheSize)
        self.makeContext = makeContext
    }

    /// Where a request's document comes from: its text, an Apollo persisted-query hash, or both.
    enum DocumentLookup: Sendable {
        case found(CachedDocument)
        /// A hash without text that the cache does not know (`PERSISTED_QUERY_NOT_FOUND`).
        case persistedQueryNotFound
        /// A hash that is not the SHA-256 of the text (a bad request).
        case hashMismatch
        /// Neither text nor hash.
        case missing
    }

    /// The document of `query` (parsed, validated, cached by its SHA-256), or of the
    /// persisted-query `hash` (lowercase hex SHA-256 of the text).
    func document(query: String?, persistedHash: String?) -> DocumentLookup {
        if let query {
            let hash = Self.sha256Hex(query)
            if let persistedHash, persistedHash.lowercased() != hash { return .hashMismatch }
            if let cached = documents.get(hash) { return .found(cached) }
            let document = prepare(query)
            documents.set(hash, document)
            return .found(document)
        }
        guard let persistedHash else { return .missing }
        guard let cached = documents.get(persistedHash.lowercased()) else { return .persistedQueryNotFound }
        return .found(cached)
    }

    /// Parse (token limit) and validate (the spec's rules; introspection when switched off).
    private func prepare(_ query: String) -> CachedDocument {
        let document: Document
        do {
            document = try parse(query, options: ParseOptions(maxTokens: settings.maxTokens))
        } catch {
            return CachedDocument(state: .parseFailed([error]), operations: [])
        }
        let operations: [(name: String?, type: OperationType)] = document.definitions.compactMap {
            if case .operation(let op) = $0 { return (op.name?.value, op.operation) }
            return nil
        }
        var errors = validate(schema: executable.schema, document: document)
        if errors.isEmpty, !settings.introspection { errors = introspectionErrors(document) }
        if !errors.isEmpty { return CachedDocument(state: .invalid(errors), operations: operations) }
        return CachedDocument(
            state: .ready(PreparedDocument(executable: executable, document: document)), operations: operations)
    }

    /// The query limits for the chosen operation (they depend on the variables). An
    /// operation that only introspects is exempt: the spec's MaxIntrospectionDepthRule
    /// bounds it, and tools need the standard introspection query.
    func limitErrors(_ prepared: PreparedDocument, operationName: String?, variables: [String: InputValue])
        -> [GraphQLError]
    {
        let document = prepared.document
        if isIntrospectionOnly(document, operationName: operationName) { return [] }
        return checkQueryLimits(
            settings.limits, schema: executable.schema, document: document, operationName: operationName,
            variables: variables)
    }

    /// Executes a query or mutation with a fresh context, within the time limit.
    func execute(
        _ prepared: PreparedDocument, operationName: String?, variables: [String: InputValue], caller: CallerInfo
    ) async -> ExecutionResult {
        let scope = BatchScope()
        let context: any Sendable
        do {
            context = try await makeContext(caller, scope)
        } catch {
            return ExecutionResult.requestError(Self.contextError(error))
        }
        let timeout = settings.timeout
        return await withTaskGroup(of: ExecutionResult?.self) { group in
            group.addTask {
                await GraphQLEngine.execute(
                    prepared: prepared, operationName: operationName, variableValues: variables, context: context,
                    batchScope: scope)
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            if let first { return first.mapErrors { self.masked($0, caller) } }
            return ExecutionResult(nullDataWith: [GraphQLError(
                message: "The request took longer than \(timeout) and was stopped.",
                extensions: ["code": "INTERNAL_SERVER_ERROR"])])
        }
    }

    /// Subscribes with a fresh context per subscription.
    func subscribe(
        _ prepared: PreparedDocument, operationName: String?, variables: [String: InputValue], caller: CallerInfo
    ) async -> SubscriptionResult {
        let context: any Sendable
        do {
            context = try await makeContext(caller, BatchScope())
        } catch {
            return .response(ExecutionResult.requestError(Self.contextError(error)))
        }
        switch await GraphQLEngine.subscribe(
            prepared: prepared, operationName: operationName, variableValues: variables, context: context)
        {
        case .response(let result):
            return .response(result.mapErrors { self.masked($0, caller) })
        case .stream(let stream):
            return .stream(mapStream(stream) { $0.mapErrors { self.masked($0, caller) } })
        }
    }

    /// An error a resolver threw that is not a `GraphQLError` (a database error, a bug):
    /// logged with the request id, and answered as `INTERNAL_SERVER_ERROR` without its
    /// message, which may hold internals.
    func masked(_ error: GraphQLError, _ caller: CallerInfo) -> GraphQLError {
        guard let original = error.originalError, !(original is GraphQLError) else { return error }
        logger.error(
            "resolver failed",
            metadata: [
                "request_id": .string(caller.requestID), "error": "\(original)",
                "path": .string(error.path?.map(\.description).joined(separator: ".") ?? ""),
            ])
        var masked = error
        masked.message = "Internal server error"
        masked.extensions = ["code": "INTERNAL_SERVER_ERROR"]
        masked.originalError = nil
        return masked
    }

    /// An error from making the context (e.g. a bad token) as the response's error.
    static func contextError(_ error: any Error) -> GraphQLError {
        if let error = error as? GraphQLError { return error }
        return GraphQLError(message: "Internal server error", extensions: ["code": .string("INTERNAL_SERVER_ERROR")])
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// Errors for `__schema` and `__type` when introspection is off (graphql-js's
/// `NoSchemaIntrospectionCustomRule` message).
func introspectionErrors(_ document: Document) -> [GraphQLError] {
    var errors: [GraphQLError] = []
    func visit(_ set: SelectionSet) {
        for selection in set.selections {
            switch selection {
            case .field(let field):
                let name = field.name.value
                if name == "__schema" || name == "__type" {
                    errors.append(GraphQLError(
                        message: "GraphQL introspection has been disabled, but the requested query contained the field \"\(name)\".",
                        source: document.source, positions: [field.loc.start],
                        extensions: ["code": .string("GRAPHQL_VALIDATION_FAILED")]))
                }
                if let sub = field.selectionSet { visit(sub) }
            case .inlineFragment(let fragment): visit(fragment.selectionSet)
            case .fragmentSpread: break
            }
        }
    }
    for definition in document.definitions {
        switch definition {
        case .operation(let op): visit(op.selectionSet)
        case .fragment(let f): visit(f.selectionSet)
        default: break
        }
    }
    return errors
}

/// Whether the chosen operation's root fields are all `__schema`, `__type` or `__typename`.
func isIntrospectionOnly(_ document: Document, operationName: String?) -> Bool {
    var fragments: [String: FragmentDefinition] = [:]
    var chosen: OperationDefinition?
    for definition in document.definitions {
        switch definition {
        case .operation(let op):
            if operationName == nil || op.name?.value == operationName { chosen = op }
        case .fragment(let f): fragments[f.name.value] = f
        default: break
        }
    }
    guard let chosen else { return false }
    var visited: Set<String> = []
    func onlyMeta(_ set: SelectionSet) -> Bool {
        set.selections.allSatisfy { selection in
            switch selection {
            case .field(let f): return f.name.value.hasPrefix("__")
            case .inlineFragment(let i): return onlyMeta(i.selectionSet)
            case .fragmentSpread(let s):
                guard visited.insert(s.name.value).inserted, let f = fragments[s.name.value] else { return true }
                return onlyMeta(f.selectionSet)
            }
        }
    }
    return onlyMeta(chosen.selectionSet)
}

/// `stream` with `transform` applied to each element; ending the result ends the source.
func mapStream<T: Sendable, U: Sendable>(
    _ stream: AsyncThrowingStream<T, any Error>, _ transform: @escaping @Sendable (T) -> U
) -> AsyncThrowingStream<U, any Error> {
    let (mapped, continuation) = AsyncThrowingStream.makeStream(of: U.self)
    let pump = Task {
        do {
            for try await element in stream { continuation.yield(transform(element)) }
            continuation.finish()
        } catch {
            continuation.finish(throwing: error)
        }
    }
    continuation.onTermination = { _ in pump.cancel() }
    return mapped
}
