import Foundation
import Hummingbird
import NIOCore

/// The bundled GraphQL playground: `GET /playground` (the page) and `GET /playground/<file>`
/// (its scripts and styles), from the files compiled into the binary; the page also answers
/// a browser's `GET /graphql` (see `GraphQLHTTPController.playground`).
struct PlaygroundController<Context: RequestContext>: Sendable {
    func addRoutes(to router: Router<Context>) {
        typealias Files = PlaygroundResponses
        router.get("/playground") { request, _ in Files.serve("index.html", request) }
        router.head("/playground") { request, _ in Files.serve("index.html", request, head: true) }
        router.get("/playground/:file") { request, context in
            Files.serve(context.parameters.get("file") ?? "", request)
        }
        router.head("/playground/:file") { request, context in
            Files.serve(context.parameters.get("file") ?? "", request, head: true)
        }
    }
}

/// The playground's responses: headers, conditional requests, the page for `/graphql`.
enum PlaygroundResponses {
    /// The page loads nothing but this server's own files: no inline script or style, no
    /// other host. `connect-src 'self'` covers `fetch` to `/graphql` and, in CSP 3
    /// browsers, the WebSocket to the same host.
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + "connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'"
    }

    /// The page for `GET /graphql` from a browser. The same URL answers JSON to other
    /// clients, so it is not cached and varies by `Accept`.
    @Sendable static func page() -> Response {
        guard let file = PlaygroundFiles.files["index.html"] else { return notFound() }
        var headers = headers(for: "index.html", file)
        headers[.cacheControl] = "no-store"
        headers[.vary] = "Accept"
        headers[.eTag] = nil
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    /// One file, `304 Not Modified` when `If-None-Match` names its ETag.
    static func serve(_ name: String, _ request: Request, head: Bool = false) -> Response {
        guard let file = PlaygroundFiles.files[name] else { return notFound() }
        let headers = headers(for: name, file)
        if let match = request.headers[.ifNoneMatch], Self.matches(match, file.etag) {
            return Response(status: .notModified, headers: headers)
        }
        if head {
            var withLength = headers
            withLength[.contentLength] = String(file.body.readableBytes)
            return Response(status: .ok, headers: withLength)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    static func headers(for name: String, _ file: PlaygroundFiles.File) -> HTTPFields {
        // The names carry no version, so the browser revalidates each time (a 304 when unchanged).
        var headers: HTTPFields = [
            .contentType: file.contentType, .cacheControl: "no-cache", .eTag: file.etag,
            .xContentTypeOptions: "nosniff",
        ]
        if name.hasSuffix(".html") {
            headers[.contentSecurityPolicy] = contentSecurityPolicy
            // A valid field name: the initializer cannot fail here.
            headers[.init("Referrer-Policy")!] = "no-referrer"
        }
        return headers
    }

    /// `If-None-Match`: `*` or a list of entity tags (weak ones compare weakly, RFC 9110 §13.1.2).
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    static func notFound() -> Response {
        Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "No such playground file.\n")))
    }
}
