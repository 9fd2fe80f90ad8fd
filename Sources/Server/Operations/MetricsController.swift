import Hummingbird
import NIOCore

/// `GET /metrics`: the Prometheus text exposition.
struct MetricsController<Context: RequestContext>: Sendable {
    let metrics: ServerMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}
