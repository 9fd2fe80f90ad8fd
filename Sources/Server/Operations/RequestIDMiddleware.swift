import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id: the client's `X-Request-Id` when it is a sane token, else a
/// new UUID. The id is in the request's log metadata (`request_id`, which handlers read
/// it from) and echoed in the response.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headerName: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let id = Self.requestID(request.headers[Self.headerName])
        var context = context
        context.logger[metadataKey: "request_id"] = .string(id)
        do {
            var response = try await next(request, context)
            response.headers[Self.headerName] = id
            return response
        } catch {
            context.logger.debug("request failed", metadata: ["error": "\(error)"])
            throw error
        }
    }

    /// A client id up to 128 characters of letters, digits, `-`, `_`, `.`; anything else is replaced.
    static func requestID(_ given: String?) -> String {
        if let given, !given.isEmpty, given.utf8.count <= 128,
            given.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) })
        {
            return given
        }
        return UUID().uuidString.lowercased()
    }
}
