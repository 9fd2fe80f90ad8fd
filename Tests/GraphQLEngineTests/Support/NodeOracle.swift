// Runs graphql-js (Debian's 16.6 under /usr/share/nodejs/graphql) through `node`, for
// differential tests. Absent node or graphql-js: `run` returns nil and tests say so.

import Foundation

enum NodeOracle {
    static let graphqlPath = "/usr/share/nodejs/graphql"

    /// The `node` executable, if installed.
    static var nodePath: String? {
        for p in ["/usr/bin/node", "/usr/local/bin/node"] where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        return nil
    }

    /// Whether differential tests can run; prints why not when they cannot.
    static func available() -> Bool {
        guard nodePath != nil else {
            print("node is not installed: skipping the graphql-js differential test")
            return false
        }
        guard FileManager.default.fileExists(atPath: graphqlPath + "/index.js") else {
            print("graphql-js is not installed at \(graphqlPath): skipping the graphql-js differential test")
            return false
        }
        return true
    }

    /// Runs `script` (which finds graphql-js as `g`) with `input` as JSON on stdin and
    /// returns its stdout parsed as JSON.
    static func run(script: String, input: Any) throws -> Any? {
        guard let node = nodePath else { return nil }
        let dir = FileManager.default.temporaryDirectory
        let scriptURL = dir.appendingPathComponent("graphql-oracle-\(UUID().uuidString).js")
        let prelude = "const g = require('\(graphqlPath)');\nconst input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        try (prelude + script).write(to: scriptURL, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scriptURL) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = [scriptURL.path]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let inputData = try JSONSerialization.data(withJSONObject: input, options: [.sortedKeys])
        stdin.fileHandleForWriting.write(inputData)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: output)
    }
}
