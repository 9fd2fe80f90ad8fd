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
    /// GraphQL over SSE, for a POST accepting `text/event-stream`. The request is the one
    /// whose body was collected (`collectBody` keeps the connection's stream behind it:
    /// the event stream watches it for the client leaving).
    var eventStream: (@Sendable (Request, GraphQLRequestParams, CallerInfo) async -> Response)? = nil

    func addRoutes(to router: Router<Context>) {
        router.get("/graphql") { request, context in await get(request, context.logger, peer: Self.peer(context)) }
        router.post("/graphql") { request, context in await post(request, context.logger, peer: Self.peer(context)) }
    }

    /// The connection's peer, when the router's context records it.
    static func peer(_ context: Context) -> SocketAddress? {
        (context as? any RemoteAddressRequestContext)?.remoteAddress
    }

    func get(_ request: Request, _ logger: Logger, peer: SocketAddress? = nil) async -> Response {
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
        return await respond(params, media, caller: caller(request, logger, peer), isGet: true)
    }

    func post(_ request: Request, _ logger: Logger, peer: SocketAddress? = nil) async -> Response {
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
        let caller = caller(request, logger, peer)
        if media == .eventStream, let eventStream { return await eventStream(request, params, caller) }
        return await respond(params, media, caller: caller, isGet: false)
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
        let allowed: Set<OperationType> = isGet ? [.query] : [.query, .mutation]
        switch await OperationRunner(service: service).run(params, caller: caller, allowed: allowed) {
        case .malformed(let message):
            let error = GraphQLError(message: message, extensions: ["code": "BAD_USER_INPUT"])
            return .rejected(Self.errorResponse(status: .badRequest, media, error), [error])
        case .requestErrors(let errors):
            return .rejected(Self.requestErrors(media, errors), errors)
        case .notAllowed(.subscription):
            let error = GraphQLError(
                message: "Subscriptions need a WebSocket (graphql-transport-ws) or a POST accepting text/event-stream.",
                extensions: ["code": "BAD_USER_INPUT"])
            return .rejected(Self.errorResponse(status: .badRequest, media, error), [error])
        case .notAllowed(let type):
            let error = GraphQLError(
                message: "Only queries can be sent with GET; send \(type.rawValue)s with POST.",
                extensions: ["code": "BAD_USER_INPUT"])
            var response = Self.errorResponse(status: .methodNotAllowed, media, error)
            response.headers[.allow] = "POST"
            return .rejected(response, [error])
        case .single(let result, let operationName):
            return Answer(
                response: Self.json(status: .ok, media, result.json()),
                outcome: result.errors.isEmpty ? "ok" : "errors", errors: result.errors, operationName: operationName)
        case .stream:
            // Not reached: subscriptions are not allowed here.
            return .rejected(Self.errorResponse(status: .badRequest, media, GraphQLError(message: "Unexpected stream.")), [])
        }
    }

    // MARK: - Helpers

    func caller(_ request: Request, _ logger: Logger, _ peer: SocketAddress?) -> CallerInfo {
        // RequestIDMiddleware put the request's id in the log metadata.
        var requestID: String? = nil
        if case .string(let id)? = logger[metadataKey: "request_id"] { requestID = id }
        return CallerInfo(
            headers: request.headers, requestID: requestID, peer: peer, trustProxy: service.settings.trustProxy)
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
