import Hummingbird
import Logging
import Resolvers

/// Liveness and readiness with real database round trips: `GET /healthz` (the process
/// and the database answer) and `GET /readyz` (also: every migration is applied).
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
        router.get("/readyz") { _, context -> Response in
            guard await database.ping() else {
                return Self.json(
                    #"{"status":"unavailable","database":"unavailable","migrations":"unknown"}"#,
                    status: .serviceUnavailable)
            }
            do {
                let pending = try await Migrator(client: database.client, logger: context.logger)
                    .pending(try Migration.bundled())
                if pending.isEmpty {
                    return Self.json(#"{"status":"ok","database":"ok","migrations":"current"}"#, status: .ok)
                }
                return Self.json(
                    #"{"status":"unavailable","database":"ok","migrations":"\#(pending.count) pending"}"#,
                    status: .serviceUnavailable)
            } catch {
                context.logger.warning("readiness check failed", metadata: ["error": "\(error)"])
                return Self.json(
                    #"{"status":"unavailable","database":"ok","migrations":"unknown"}"#, status: .serviceUnavailable)
            }
        }
    }

    private static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
