import Hummingbird
import Resolvers

/// Liveness with a real database round trip: `GET /healthz`.
struct HealthController<Context: RequestContext>: Sendable {
    let database: Database

    func addRoutes(to router: Router<Context>) {
        router.get("/healthz") { _, _ -> Response in
            // Written by hand so the keys keep this order for people reading it.
            if await database.ping() {
                return Self.json(#"{"status":"ok","database":"ok"}"#, status: .ok)
            }
            return Self.json(#"{"status":"unavailable","database":"unavailable"}"#, status: .serviceUnavailable)
        }
    }

    private static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
