import Foundation
import GraphQLEngine
import Hummingbird
import Logging
import NIOCore

/// GraphQL over HTTP at `/graphql` (the GraphQL-over-HTTP draft): POST with
/// `application/json`, GET for queries, `application/graphql-response+json` or
/// `application/json` responses, Apollo persisted queries. A browser's GET (`Accept:
/// text/html`) gets the playground; a POST accepting `text/event-stream` is handed to
/// GraphQL over SSE.
struct GraphQLHTTPController<Context: RequestContext>: Sendable {
    let service: GraphQLService
    /// The playground page, for a browser's `GET /graphql`.
    var playground: (@Sendable () -> Response)? = nil
    /// GraphQL over SSE, for a POST accepting `text/event-stream`.
    var eventStream: (@Sendable (GraphQLRequestParams, CallerInfo) async -> Response)? = nil

    func addRoutes(to router: Router<Context>) {
        router.get("/graphql") { request, context in await get(request, context.logger) }
        router.post("/graphql") { request, context in await post(request, context.logger) }
    }

    func get(_ request: Request, _ logger: Logger) async -> Response {
        var allowed: [ResponseMediaType] = [.graphQLResponse, .json]
        if playground != nil { allowed.append(.html) }
        guard let media = ResponseMediaType.negotiate(request.headers[.accept], allowed: allowed) else {
            return Self.notAcceptable()
        }
        if media == .html, let playground { return playground() }
        let params: GraphQLRequestParams
        do {
            params = try GraphQLRequestParams(
                queryParameters: request.uri.queryParameters.map { (String($0.key), String($0.value)) })
        } catch {
            return Self.malformed(error.message, media)
        }
        return await respond(params, media, caller: Self.caller(request, logger), isGet: true)
    }

    func post(_ request: Request, _ logger: Logger) async -> Response {
        var allowed: [ResponseMediaType] = [.graphQLResponse, .json]
        if eventStream != nil { allowed.append(.eventStream) }
        guard let media = ResponseMediaType.negotiate(request.headers[.accept], allowed: allowed) else {
            return Self.notAcceptable()
        }
        guard Self.isJSONContentType(request.headers[.contentType]) else {
            return Self.errorResponse(
                status: .unsupportedMediaType, media == .eventStream ? .json : media,
                GraphQLError(
                    message: "Unsupported Content-Type: send the request as application/json.",
                    extensions: ["code": "BAD_USER_INPUT"]))
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: service.settings.maxBodyBytes)
        } catch {
            return Self.errorResponse(
                status: .contentTooLarge, media == .eventStream ? .json : media,
                GraphQLError(
                    message: "The request body is larger than \(service.settings.maxBodyBytes) bytes.",
                    extensions: ["code": "BAD_USER_INPUT"]))
        }
        let params: GraphQLRequestParams
        do {
            params = try GraphQLRequestParams(json: Array(buffer: body))
        } catch {
            return Self.malformed(error.message, media == .eventStream ? .json : media)
        }
        if media == .eventStream, let eventStream { return await eventStream(params, Self.caller(request, logger)) }
        return await respond(params, media, caller: Self.caller(request, logger), isGet: false)
    }

    /// Looks the document up (cache, persisted queries), checks it and executes it;
    /// records the request's metrics.
    func respond(_ params: GraphQLRequestParams, _ media: ResponseMediaType, caller: CallerInfo, isGet: Bool) async
        -> Response
    {
        let start = ContinuousClock.now
        let answer = await answer(params, media, caller: caller, isGet: isGet)
        service.metrics?.recordRequest(
            operation: answer.operationName ?? params.operationName, outcome: answer.outcome, duration: ContinuousClock.now - start,
            errorCodes: answer.errors.map { error in
                if case .string(let code)? = error.extensions?["code"] { return code }
                return "INTERNAL_SERVER_ERROR"
            })
        return answer.response
    }

    /// A response with what metrics count: `ok`, `errors` (data and errors) or
    /// `rejected` (no data).
    struct Answer {
        var response: Response
        var outcome: String
        var errors: [GraphQLError]
        /// The executed operation's name (nil when it has none or none was chosen).
        var operationName: String? = nil

        static func rejected(_ response: Response, _ errors: [GraphQLError]) -> Answer {
            Answer(response: response, outcome: "rejected", errors: errors)
        }
    }

    private func answer(_ params: GraphQLRequestParams, _ media: ResponseMediaType, caller: CallerInfo, isGet: Bool)
        async -> Answer
    {
        func rejected(_ errors: [GraphQLError]) -> Answer { .rejected(Self.requestErrors(media, errors), errors) }
        func malformed(_ message: String) -> Answer {
            let error = GraphQLError(message: message, extensions: ["code": "BAD_USER_INPUT"])
            return .rejected(Self.errorResponse(status: .badRequest, media, error), [error])
        }
        let hash: String?
        do {
            hash = try params.persistedQueryHash()
        } catch {
            return malformed(error.message)
        }
        let cached: CachedDocument
        switch service.document(query: params.query, persistedHash: hash) {
        case .found(let c): cached = c
        case .missing: return malformed("The request has no query.")
        case .hashMismatch: return malformed("provided sha does not match query")
        case .persistedQueryNotFound:
            return rejected([GraphQLError(message: "PersistedQueryNotFound", extensions: ["code": "PERSISTED_QUERY_NOT_FOUND"])])
        }
        let prepared: PreparedDocument
        switch cached.state {
        case .parseFailed(let errors): return rejected(errors.map { Self.coded($0, "GRAPHQL_PARSE_FAILED") })
        case .invalid(let errors): return rejected(errors.map { Self.coded($0, "GRAPHQL_VALIDATION_FAILED") })
        case .ready(let p): prepared = p
        }
        let operation = Self.operationType(cached.operations, params.operationName)
        if isGet, let operation, operation != .query {
            let error = GraphQLError(
                message: "Only queries can be sent with GET; send \(operation.rawValue)s with POST.",
                extensions: ["code": "BAD_USER_INPUT"])
            var response = Self.errorResponse(status: .methodNotAllowed, media, error)
            response.headers[.allow] = "POST"
            return .rejected(response, [error])
        }
        if operation == .subscription {
            return malformed(
                "Subscriptions need a WebSocket (graphql-transport-ws) or a POST accepting text/event-stream.")
        }
        let limitErrors = service.limitErrors(prepared, operationName: params.operationName, variables: params.variables)
        if !limitErrors.isEmpty { return rejected(limitErrors) }
        let result = await service.execute(
            prepared, operationName: params.operationName, variables: params.variables, caller: caller)
        if !result.hasData {
            // Operation choice and variable coercion: the client's input.
            return rejected(result.errors.map { Self.coded($0, "BAD_USER_INPUT") })
        }
        return Answer(
            response: Self.json(status: .ok, media, result.json()), outcome: result.errors.isEmpty ? "ok" : "errors",
            errors: result.errors,
            operationName: params.operationName ?? (cached.operations.count == 1 ? cached.operations[0].name : nil))
    }

    // MARK: - Helpers

    /// The type of the operation `operationName` selects (nil when it cannot be told:
    /// execution then reports why).
    static func operationType(_ operations: [(name: String?, type: OperationType)], _ name: String?) -> OperationType? {
        if let name { return operations.first { $0.name == name }?.type }
        return operations.count == 1 ? operations[0].type : nil
    }

    static func caller(_ request: Request, _ logger: Logger) -> CallerInfo {
        var token: String? = nil
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                token = parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        // RequestIDMiddleware put the request's id in the log metadata.
        var requestID = UUID().uuidString.lowercased()
        if case .string(let id)? = logger[metadataKey: "request_id"] { requestID = id }
        return CallerInfo(bearerToken: token, requestID: requestID)
    }

    /// `application/json`, with no charset or UTF-8.
    static func isJSONContentType(_ value: String?) -> Bool {
        guard let value else { return false }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == "application/json" else { return false }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            if parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"" { return false }
        }
        return true
    }

    static func coded(_ error: GraphQLError, _ code: String) -> GraphQLError {
        var error = error
        if error.extensions?["code"] == nil { error.extensions = (error.extensions ?? [:]).merging(["code": .string(code)]) { a, _ in a } }
        return error
    }

    /// Errors before execution: `400` for `application/graphql-response+json`, `200` for JSON.
    static func requestErrors(_ media: ResponseMediaType, _ errors: [GraphQLError]) -> Response {
        let status: HTTPResponse.Status = media == .graphQLResponse ? .badRequest : .ok
        return json(status: status, media, ExecutionResult(requestErrors: errors).json())
    }

    /// A malformed request: `400` whatever the media type.
    static func malformed(_ message: String, _ media: ResponseMediaType) -> Response {
        errorResponse(status: .badRequest, media, GraphQLError(message: message, extensions: ["code": "BAD_USER_INPUT"]))
    }

    static func errorResponse(status: HTTPResponse.Status, _ media: ResponseMediaType, _ error: GraphQLError) -> Response {
        json(status: status, media, ExecutionResult(requestErrors: [error]).json())
    }

    static func notAcceptable() -> Response {
        errorResponse(
            status: .notAcceptable, .json,
            GraphQLError(
                message: "Not acceptable: accept application/graphql-response+json or application/json.",
                extensions: ["code": "BAD_USER_INPUT"]))
    }

    static func json(status: HTTPResponse.Status, _ media: ResponseMediaType, _ bytes: [UInt8]) -> Response {
        let type: ResponseMediaType = (media == .graphQLResponse) ? .graphQLResponse : .json
        return Response(
            status: status,
            headers: [.contentType: type.contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
