import Hummingbird
import Resolvers

/// Liveness with a real database round trip: `GET /healthz`.
struct HealthController<Context: RequestContext>: Sendable {
    let database: Database

    struct Health: ResponseEncodable {
        let status: String
        let database: String
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/healthz") { _, _ -> EditedResponse<Health> in
            if await database.ping() {
                return EditedResponse(status: .ok, response: Health(status: "ok", database: "ok"))
            }
            return EditedResponse(
                status: .serviceUnavailable, response: Health(status: "unavailable", database: "unavailable"))
        }
    }
}
