import Foundation

// Usage: EngineBenchmarks [--quick] [--filter SUBSTRING] [--root DIR] [--no-node] [--verbose]
//                         [--warmup SECONDS] [--round SECONDS] [--rounds N] [--list]
//                         [--only ours|GraphQLSwift|graphql-js]  (one subject, e.g. to profile it)
// Environment: BENCH_QUICK=1 is --quick; BENCH_FILTER is --filter; BENCH_DUMP_DIR=DIR writes
// each subject's response of the execute and request benchmarks to DIR/<name>.<subject>.json.
// Prints one line per benchmark on stdout (details and failures go to stderr):
//   bench <name>: ours <x> <unit>, GraphQLSwift <y>, graphql-js <z>, ratio <r1>x GraphQLSwift, <r2>x graphql-js

/// The groups run, in this order. A new group: a file with an enum conforming to
/// BenchmarkGroup, listed here, and its workloads in node/bench.js.
var groups: [any BenchmarkGroup.Type] {
    [
        ParseBenchmarks.self,
        ValidateBenchmarks.self,
        ExecuteBenchmarks.self,
        RequestBenchmarks.self,
    ]
}

struct Options {
    var timing = Timing()
    var filter = ""
    /// The Benchmarks directory (Workloads/, node/).
    var root = URL(fileURLWithPath: #filePath)  // Benchmarks/Sources/EngineBenchmarks/Runner.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var runNode = true
    /// --only: run this subject alone (the others print n/a and are not failures).
    var only: String?
    var verbose = false
    var listOnly = false
    /// BENCH_DUMP_DIR: the execute and request benchmarks write each subject's response there.
    var dumpDirectory: String?

    init(arguments: [String], environment: [String: String]) {
        if let quick = environment["BENCH_QUICK"], !quick.isEmpty, quick != "0" { timing = .quick }
        filter = environment["BENCH_FILTER"] ?? ""
        if let dump = environment["BENCH_DUMP_DIR"], !dump.isEmpty { dumpDirectory = dump }
        var arguments = arguments[...]
        func value(_ option: String) -> String {
            guard let value = arguments.popFirst() else { fail("\(option) needs a value") }
            return value
        }
        func number(_ option: String) -> Double {
            guard let number = Double(value(option)), number > 0 else { fail("\(option) needs a positive number") }
            return number
        }
        while let argument = arguments.popFirst() {
            switch argument {
            case "--quick": timing = .quick
            case "--filter": filter = value(argument)
            case "--root": root = URL(fileURLWithPath: value(argument))
            case "--no-node": runNode = false
            case "--only":
                let subject = value(argument)
                guard ["ours", "GraphQLSwift", "graphql-js"].contains(subject) else {
                    fail("--only takes ours, GraphQLSwift or graphql-js")
                }
                only = subject
            case "--verbose", "-v": verbose = true
            case "--list": listOnly = true
            case "--warmup": timing.warmupSeconds = number(argument)
            case "--round": timing.roundSeconds = number(argument)
            case "--rounds": timing.rounds = Int(number(argument))
            default: fail("unknown argument \(argument)")
            }
        }
    }
}

func fail(_ message: String) -> Never {
    log("EngineBenchmarks: \(message)")
    exit(2)
}

func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func output(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Three significant digits at least, no grouping: 9.98, 85.3, 801, 3516.
func format(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "n/a" }
    let decimals = value < 10 ? 2 : value < 100 ? 1 : 0
    return String(format: "%.\(decimals)f", value)
}

func ratio(_ ours: Double?, _ peer: Double?) -> String {
    guard let ours, let peer, peer > 0 else { return "n/a" }
    return String(format: "%.2fx", ours / peer)
}

@main
enum EngineBenchmarks {
    static func main() async {
        let options = Options(
            arguments: Array(CommandLine.arguments.dropFirst()),
            environment: ProcessInfo.processInfo.environment
        )
        await runBenchmarks(options)
    }
}

/// The run. A nonisolated async function: it runs off the main actor, so the async
/// operations (execution) are awaited on this task with no executor hop per call.
func runBenchmarks(_ options: Options) async {
    let workloads = Workloads(
        directory: options.root.appendingPathComponent("Workloads"),
        dumpDirectory: options.dumpDirectory.map { URL(fileURLWithPath: $0) })
    let node = NodePeer(
        script: options.root.appendingPathComponent("node/bench.js"),
        workloads: workloads.directory
    )

    let benchmarks: [Benchmark]
    do {
        benchmarks = try groups.flatMap { try $0.benchmarks(workloads) }
            .filter { options.filter.isEmpty || $0.name.contains(options.filter) }
    } catch {
        fail("cannot load the workloads in \(workloads.directory.path): \(error)")
    }
    if options.listOnly {
        for benchmark in benchmarks { output(benchmark.name) }
        return
    }
    if benchmarks.isEmpty { fail("no benchmark matches '\(options.filter)'") }

    var failures = 0
    var checks: [(subject: String, check: Int)] = []
    func run(_ subject: String, _ benchmark: Benchmark, _ body: () async throws -> Measurement) async -> Double? {
        do {
            let measurement = try await body()
            checks.append((subject, measurement.check))
            if options.verbose {
                let rounds = measurement.rounds.map { format($0) }.joined(separator: " ")
                log("  \(benchmark.name) \(subject): median \(format(measurement.median)) \(benchmark.unit.label) (rounds \(rounds))")
            }
            return measurement.median
        } catch {
            log("  \(benchmark.name) \(subject) failed: \(error)")
            return nil
        }
    }

    func runs(_ subject: String) -> Bool { options.only == nil || options.only == subject }
    let runOurs = runs("ours"), runSwift = runs("GraphQLSwift"), runJS = options.runNode && runs("graphql-js")
    for benchmark in benchmarks {
        checks = []
        let ours = !runOurs ? nil : await run("ours", benchmark) {
            try await measure(benchmark.ours, unit: benchmark.unit, timing: options.timing)
        }
        let swift = !runSwift ? nil : await run("GraphQLSwift", benchmark) {
            try await measure(benchmark.graphQLSwift, unit: benchmark.unit, timing: options.timing)
        }
        let js = !runJS ? nil : await run("graphql-js", benchmark) { try node.measure(benchmark, timing: options.timing) }
        if (runOurs && ours == nil) || (runSwift && swift == nil) || (runJS && js == nil) { failures += 1 }
        if Set(checks.map(\.check)).count > 1 {
            // The subjects did not do the same work (e.g. a different count of definitions).
            log("  \(benchmark.name): results differ: "
                + checks.map { "\($0.subject) \($0.check)" }.joined(separator: ", "))
            failures += 1
        }
        output("bench \(benchmark.name): ours \(format(ours)) \(benchmark.unit.label), "
            + "GraphQLSwift \(format(swift)), graphql-js \(format(js)), "
            + "ratio \(ratio(ours, swift)) GraphQLSwift, \(ratio(ours, js)) graphql-js")
    }
    exit(failures == 0 ? 0 : 1)
}
