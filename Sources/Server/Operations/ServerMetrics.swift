import Foundation
import Metrics
import Prometheus

/// The server's metrics (swift-metrics handles backed by a Prometheus registry of this
/// server's own, so tests and several servers in one process don't share counters):
/// GraphQL requests and latency by operation and outcome, errors by code, and gauges read
/// at scrape time (active subscriptions, database pool use).
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory
    /// Operation names seen so far: clients choose them, so past a bound they are
    /// reported as "other" (a label's values must stay few).
    private let names = NameBound(limit: 200)
    /// Gauges read at scrape time (active subscriptions, the database pool).
    private let observed = Observed()

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
            .seconds(10),
        ]
        self.factory = factory
    }

    /// Reports `read()` as the gauge `label` at every scrape.
    func observe(_ label: String, _ read: @escaping @Sendable () -> Int) {
        observed.add(label, read)
    }

    /// One GraphQL request: `outcome` is `ok`, `errors` (data with errors) or `rejected`
    /// (a request error: no data).
    func recordRequest(operation: String?, outcome: String, duration: Duration, errorCodes: [String]) {
        let name = names.bounded(operation ?? "anonymous")
        Metrics.Counter(
            label: "graphql_requests_total", dimensions: [("operation", name), ("outcome", outcome)], factory: factory
        ).increment()
        Metrics.Timer(label: "graphql_request_duration_seconds", dimensions: [("operation", name)], factory: factory)
            .recordNanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        for code in errorCodes {
            Metrics.Counter(label: "graphql_errors_total", dimensions: [("code", code)], factory: factory).increment()
        }
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> [UInt8] {
        for (label, read) in observed.all {
            Metrics.Gauge(label: label, factory: factory).record(read())
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}

/// The gauges read at scrape time.
private final class Observed: @unchecked Sendable {
    // @unchecked: `readers` is only touched with `lock` held.
    private let lock = NSLock()
    private var readers: [(String, @Sendable () -> Int)] = []
    func add(_ label: String, _ read: @escaping @Sendable () -> Int) {
        lock.lock()
        readers.append((label, read))
        lock.unlock()
    }
    var all: [(String, @Sendable () -> Int)] {
        lock.lock()
        defer { lock.unlock() }
        return readers
    }
}

/// Keeps the first `limit` names; later new names become "other".
private final class NameBound: @unchecked Sendable {
    // @unchecked: `seen` is only touched with `lock` held.
    private let lock = NSLock()
    private var seen: Set<String> = []
    let limit: Int
    init(limit: Int) { self.limit = limit }
    func bounded(_ name: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if seen.contains(name) { return name }
        guard seen.count < limit else { return "other" }
        seen.insert(name)
        return name
    }
}
