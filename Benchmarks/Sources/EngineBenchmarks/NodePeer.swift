import Foundation

/// graphql-js on node: runs `node/bench.js <name>` in a child process (so it never
/// shares the CPU with the Swift subjects) and reads its JSON figures.
struct NodePeer {
    let script: URL
    let workloads: URL

    struct Report: Decodable {
        let name: String
        let unit: String
        let rounds: [Double]
        let median: Double
        let check: Int
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func measure(_ benchmark: Benchmark, timing: Timing) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "node", script.path, benchmark.name,
            "--workloads", workloads.path,
            "--warmup", String(timing.warmupSeconds),
            "--round", String(timing.roundSeconds),
            "--rounds", String(timing.rounds),
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "node/bench.js \(benchmark.name) exited with \(process.terminationStatus)")
        }
        let report = try JSONDecoder().decode(Report.self, from: data)
        guard report.unit == benchmark.unit.label else {
            throw Failure(description: "node/bench.js \(benchmark.name) reports \(report.unit), expected \(benchmark.unit.label)")
        }
        return Measurement(rounds: report.rounds, check: report.check)
    }
}
