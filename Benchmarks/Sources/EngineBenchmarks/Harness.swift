import Foundation

/// One operation of a benchmark: does the work once and returns a number derived
/// from the result (e.g. a count of definitions), which the harness accumulates and
/// hands to `blackHole` so the optimizer cannot drop the work.
typealias Operation = () throws -> Int

/// An operation of an async API (execution): called directly from the async timing loop
/// (no task or semaphore per call), so it costs what a caller inside a request task pays.
typealias AsyncOperation = () async throws -> Int

/// What an async setup returns: the operation to time and, when the figure compared across
/// subjects is not what the operation returns, that figure (`check`, derived by the setup
/// from the subject's own response; nil: the first operation's return value is compared).
/// E.g. introspection responses differ in bytes between engines (field order, description
/// texts, graphql-js versions), so their check is a count of the schema's own types and members.
struct AsyncSubject {
    let operation: AsyncOperation
    var check: Int? = nil
}

/// How a subject sets a benchmark up (untimed) and what it returns to time.
enum Setup {
    case sync(() throws -> Operation)
    case async(() async throws -> AsyncSubject)
}

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
    let ours: Setup
    let graphQLSwift: Setup

    /// A benchmark of synchronous operations (parse, validate).
    init(
        name: String, unit: BenchUnit,
        ours: @escaping () throws -> Operation, graphQLSwift: @escaping () throws -> Operation
    ) {
        self.name = name
        self.unit = unit
        self.ours = .sync(ours)
        self.graphQLSwift = .sync(graphQLSwift)
    }

    /// A benchmark of async operations (execute, full requests).
    init(
        name: String, unit: BenchUnit,
        asyncOurs ours: @escaping () async throws -> AsyncSubject,
        asyncGraphQLSwift graphQLSwift: @escaping () async throws -> AsyncSubject
    ) {
        self.name = name
        self.unit = unit
        self.ours = .async(ours)
        self.graphQLSwift = .async(graphQLSwift)
    }
}

/// A group of benchmarks in one file (ParseBenchmarks, later Validate..., Execute..., Request...).
protocol BenchmarkGroup {
    static func benchmarks(_ workloads: Workloads) throws -> [Benchmark]
}

/// The workload files in Benchmarks/Workloads, read once each.
final class Workloads {
    let directory: URL
    private var cache: [String: String] = [:]
    /// Where the execute and request benchmarks write each subject's response
    /// (`<name>.<subject>.json`, written by the setup): the environment's `BENCH_DUMP_DIR`.
    let dumpDirectory: URL?

    init(directory: URL, dumpDirectory: URL? = nil) {
        self.directory = directory
        self.dumpDirectory = dumpDirectory
    }

    /// Writes a subject's response to the dump directory (no-op without one).
    func dump(_ benchmark: String, _ subject: String, _ bytes: [UInt8]) throws {
        guard let dumpDirectory else { return }
        try FileManager.default.createDirectory(at: dumpDirectory, withIntermediateDirectories: true)
        try Data(bytes).write(to: dumpDirectory.appendingPathComponent("\(benchmark).\(subject).json"))
    }

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

/// Runs `operation` in batches until `seconds` have passed; returns operations/s.
/// The same loop as the synchronous one, awaiting each operation in turn on the
/// calling task (the runner's, which is not on the main actor: no executor hop per call).
private func run(_ operation: AsyncOperation, seconds: Double, batch: Int, sink: inout Int) async throws -> (opsPerSecond: Double, operations: Int) {
    let start = clock.now
    var operations = 0
    var elapsed = 0.0
    repeat {
        for _ in 0..<batch { sink &+= try await operation() }
        operations += batch
        elapsed = start.duration(to: clock.now).seconds
    } while elapsed < seconds
    return (Double(operations) / elapsed, operations)
}

func measure(_ operation: AsyncOperation, unit: BenchUnit, timing: Timing, check setupCheck: Int? = nil) async throws -> Measurement {
    let first = try await operation()
    let check = setupCheck ?? first
    var sink = first
    let warm = try await run(operation, seconds: timing.warmupSeconds, batch: 1, sink: &sink)
    let batch = max(1, Int(warm.opsPerSecond * timing.roundSeconds / 1000))
    var rounds: [Double] = []
    for _ in 0..<timing.rounds {
        let round = try await run(operation, seconds: timing.roundSeconds, batch: batch, sink: &sink)
        rounds.append(unit.figure(operationsPerSecond: round.opsPerSecond))
    }
    blackHole(sink)
    return Measurement(rounds: rounds, check: check)
}

/// Sets a subject up (untimed) and measures its operation.
func measure(_ setup: Setup, unit: BenchUnit, timing: Timing) async throws -> Measurement {
    switch setup {
    case .sync(let make): return try measure(make(), unit: unit, timing: timing)
    case .async(let make):
        let subject = try await make()
        return try await measure(subject.operation, unit: unit, timing: timing, check: subject.check)
    }
}
