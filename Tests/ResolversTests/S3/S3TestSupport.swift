import Foundation
import Resolvers
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The project's local services (moto) and its Python (boto3), as `scripts/install.sh` and
/// `scripts/services.sh start` set them up; tests that need them skip, saying why, without.
enum S3TestEnvironment {
    /// The repository root (this file is Tests/ResolversTests/S3/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var python: URL { root.appendingPathComponent(".venv/bin/python") }

    /// The process environment over `.data/services.env` (the server reads them the same way).
    static func variables() -> [String: String] {
        var values: [String: String] = [:]
        let file = root.appendingPathComponent(".data/services.env").path
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            values[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        for (name, value) in ProcessInfo.processInfo.environment { values[name] = value }
        return values
    }

    /// The local S3 (moto) configuration. `make test` starts moto: when it is missing or
    /// silent the test fails with what to run (a skip would hide a broken setup).
    static func motoConfiguration() async throws -> S3Configuration {
        let configuration: S3Configuration
        do {
            configuration = try S3Configuration(environment: variables())
        } catch {
            throw S3TestSetupError("S3 is not configured (\(error)); run scripts/services.sh start")
        }
        guard let endpoint = configuration.endpoint else {
            throw S3TestSetupError("S3_ENDPOINT is not set: these tests only run against a local moto_server")
        }
        var request = URLRequest(url: endpoint.appendingPathComponent("moto-api/"), timeoutInterval: 3)
        request.httpMethod = "GET"
        do {
            _ = try await URLSession.shared.data(for: request)
        } catch {
            throw S3TestSetupError("moto_server does not answer at \(endpoint) (\(error.localizedDescription)); run scripts/services.sh start")
        }
        return configuration
    }

    /// Runs `.venv/bin/python -c script` with `input` as JSON on stdin; returns its JSON
    /// output. Fails, saying what to run, when the virtual environment or boto3 is missing.
    static func runPython(_ script: String, input: [String: Any]) throws -> [String: Any] {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw S3TestSetupError("\(python.path) is missing; run scripts/install.sh")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if errors.contains("ModuleNotFoundError") {
            throw S3TestSetupError("boto3 is not installed in .venv (\(errors.suffix(200))); run scripts/install.sh")
        }
        guard process.terminationStatus == 0,
            let object = try JSONSerialization.jsonObject(with: output) as? [String: Any]
        else {
            throw PythonFailure(status: process.terminationStatus, stderr: errors)
        }
        return object
    }

    struct PythonFailure: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "python exited \(status): \(stderr)" }
    }
}

/// A multipart/form-data body: the presigned fields in order, then the file last (S3
/// ignores anything after the file part).
struct MultipartForm {
    let boundary = "----s3test" + UUID().uuidString.replacingOccurrences(of: "-", with: "")

    func body(fields: [PresignedPost.Field], fileName: String, contentType: String, file: Data) -> Data {
        var body = Data()
        func add(_ text: String) { body.append(Data(text.utf8)) }
        for field in fields {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\"\r\n\r\n\(field.value)\r\n")
        }
        add("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n")
        add("Content-Type: \(contentType)\r\n\r\n")
        body.append(file)
        add("\r\n--\(boundary)--\r\n")
        return body
    }

    /// POSTs the form to `post.url`; returns the status and the response body (S3's XML error, if any).
    func upload(
        _ post: PresignedPost, fields: [PresignedPost.Field]? = nil, contentType: String, file: Data
    ) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: post.url, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body(
            fields: fields ?? post.fields, fileName: "upload", contentType: contentType, file: file)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}

/// A valid 1×1 PNG (signature, IHDR, IDAT, IEND), for uploads.
let onePixelPNG = Data(
    base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==")!

/// A fixed instant from "20130524T000000Z"-style text (UTC).
func utcDate(_ amzDate: String) -> Date {
    let digits = amzDate.filter(\.isNumber).map { Int(String($0))! }
    func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
    var components = DateComponents()
    components.year = number(0..<4)
    components.month = number(4..<6)
    components.day = number(6..<8)
    components.hour = number(8..<10)
    components.minute = number(10..<12)
    components.second = number(12..<14)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar.date(from: components)!
}

/// The test environment lacks a service or tool that `make test` provides.
struct S3TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
