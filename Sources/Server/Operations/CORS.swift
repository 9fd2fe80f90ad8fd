import HTTPTypes
import Hummingbird

/// CORS for the configured origins (`CORS_ORIGINS`: a comma-separated list, or `*`).
/// Preflights (`OPTIONS` with `Access-Control-Request-Method`) are answered here; other
/// requests from an allowed origin get `Access-Control-Allow-Origin` on their response.
/// Requests from other origins pass through without CORS headers (the browser blocks them).
struct CORS<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>
    let allowHeaders = "content-type, authorization, accept, x-request-id"
    let allowMethods = "GET, POST, OPTIONS"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let origin = request.headers[.origin], let allowed = allowedOrigin(origin) else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers = corsHeaders(allowed)
            headers[.accessControlAllowMethods] = allowMethods
            headers[.accessControlAllowHeaders] = allowHeaders
            headers[.accessControlMaxAge] = "600"
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        for field in corsHeaders(allowed) { response.headers.append(field) }
        return response
    }

    private func allowedOrigin(_ origin: String) -> String? {
        if origins.contains("*") { return "*" }
        return origins.contains(origin) ? origin : nil
    }

    private func corsHeaders(_ allowed: String) -> HTTPFields {
        var headers: HTTPFields = [.accessControlAllowOrigin: allowed, .accessControlExposeHeaders: "x-request-id"]
        if allowed != "*" {
            headers[.accessControlAllowCredentials] = "true"
            headers[.vary] = "Origin"
        }
        return headers
    }
}
