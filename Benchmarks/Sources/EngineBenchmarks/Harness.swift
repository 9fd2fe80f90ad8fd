import Foundation

/// One operation of a benchmark: does the work once and returns a number derived
/// from the result (e.g. a count of definitions), which the harness accumulates and
/// hands to `blackHole` so the optimizer cannot drop the work.
typealias Operation = () throws -> Int

/// What a benchmark's figures count.
enum BenchUnit: Sendable {
    /// Throughput over the input: `bytesPerOperation` (UTF-8) × operations/s, in 10^6 bytes/s.
    case megabytesPerSecond(bytesPerOperation: Int)
    /// Operations per second, named e.g. "validations/s".
    case perSecond(String)

    var label: String {
        switch self {
        case .megabytesPerSecond: return "MB/s"
        case .perSecond(let label): return label
        }
    }

    /// Turns operations/s into this unit's figure.
    func figure(operationsPerSecond: Double) -> Double {
        switch self {
        case .megabytesPerSecond(let bytes): return operationsPerSecond * Double(bytes) / 1_000_000
        case .perSecond: return operationsPerSecond
        }
    }
}

/// One benchmark: the same workload for our engine and GraphQLSwift (in process) and
/// graphql-js (node/bench.js runs the workload of the same `name`).
/// The closures set the workload up (parse a schema, build data, ...) outside the
/// timed loop and return the operation that is timed.
struct Benchmark {
    let name: String
    let unit: BenchUnit
    let ours: () throws -> Operation
    let graphQLSwift: () throws -> Operation
}

/// A group of benchmarks in one file (ParseBenchmarks, later Validate..., Execute..., Request...).
protocol BenchmarkGroup {
    static func benchmarks(_ workloads: Workloads) throws -> [Benchmark]
}

/// The workload files in Benchmarks/Workloads, read once each.
final class Workloads {
    let directory: URL
    private var cache: [String: String] = [:]

    init(directory: URL) { self.directory = directory }

    func text(_ file: String) throws -> String {
        if let text = cache[file] { return text }
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        cache[file] = text
        return text
    }
}

/// How long to warm up and measure: each figure is the median of `rounds` rounds of
/// `roundSeconds` each, after `warmupSeconds` of warm-up.
struct Timing: Sendable {
    var warmupSeconds: Double = 1
    var roundSeconds: Double = 1
    var rounds: Int = 5

    static let quick = Timing(warmupSeconds: 0.2, roundSeconds: 0.2, rounds: 5)
}

/// The rounds of one subject on one benchmark, in the benchmark's unit, and what its
/// first operation returned (the runner checks that all subjects agree).
struct Measurement {
    let rounds: [Double]
    let check: Int
    var median: Double { Self.median(rounds) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

@inline(never) @_optimize(none)
func blackHole(_ value: Int) {
    _ = value
}

private let clock = ContinuousClock()

private extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}

/// Runs `operation` in batches until `seconds` have passed; returns operations/s.
/// Batches keep the clock out of the loop for fast operations.
private func run(_ operation: Operation, seconds: Double, batch: Int, sink: inout Int) throws -> (opsPerSecond: Double, operations: Int) {
    let start = clock.now
    var operations = 0
    var elapsed = 0.0
    repeat {
        for _ in 0..<batch { sink &+= try operation() }
        operations += batch
        elapsed = start.duration(to: clock.now).seconds
    } while elapsed < seconds
    return (Double(operations) / elapsed, operations)
}

func measure(_ operation: Operation, unit: BenchUnit, timing: Timing) throws -> Measurement {
    let check = try operation()
    var sink = check
    // Warm-up, which also sizes the batches to about 1/1000 of a round.
    let warm = try run(operation, seconds: timing.warmupSeconds, batch: 1, sink: &sink)
    let batch = max(1, Int(warm.opsPerSecond * timing.roundSeconds / 1000))
    var rounds: [Double] = []
    for _ in 0..<timing.rounds {
        let round = try run(operation, seconds: timing.roundSeconds, batch: batch, sink: &sink)
        rounds.append(unit.figure(operationsPerSecond: round.opsPerSecond))
    }
    blackHole(sink)
    return Measurement(rounds: rounds, check: check)
}
