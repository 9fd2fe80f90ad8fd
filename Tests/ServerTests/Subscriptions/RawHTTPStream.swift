import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A streaming HTTP/1.1 response read off a plain socket, so a test can see SSE events
/// as they arrive and hang up in the middle (HummingbirdTesting's client waits for the
/// whole response).
final class RawHTTPStream: @unchecked Sendable {
    // @unchecked: `raw` is only touched with `lock` held; the socket is read by one
    // reader thread at a time.
    private let lock = NSLock()
    private var raw: [UInt8] = []
    private var eof = false
    private let fd: Int32

    /// Connects to 127.0.0.1:`port` and sends a POST of `body` to `/graphql`.
    init(port: Int, body: String, accept: String = "text/event-stream") throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EBADF) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        let request = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Accept: \(accept)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        Thread.detachNewThread { [self] in readLoop() }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            lock.withLock { raw.append(contentsOf: buffer[0..<n]) }
        }
        lock.withLock { eof = true }
    }

    /// Whether the server ended the connection.
    var ended: Bool { lock.withLock { eof } }

    /// The status line and headers.
    var head: String {
        let text = String(decoding: lock.withLock { raw }, as: UTF8.self)
        return text.components(separatedBy: "\r\n\r\n").first ?? ""
    }

    /// The body so far, de-chunked when the response is chunked.
    var body: String {
        let bytes = lock.withLock { raw }
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return "" }
        let rest = Array(bytes[end.upperBound...])
        guard head.lowercased().contains("transfer-encoding: chunked") else { return String(decoding: rest, as: UTF8.self) }
        var out: [UInt8] = []
        var i = 0
        while let lineEnd = rest[i...].firstRange(of: Array("\r\n".utf8)) {
            let size = Int(String(decoding: rest[i..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            let start = lineEnd.upperBound
            guard size > 0, start + size <= rest.count else { break }
            out += rest[start..<start + size]
            i = start + size + 2
            if i >= rest.count { break }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Waits until the body contains `text`.
    func waitFor(_ text: String, timeout: Duration = .seconds(5)) async -> Bool {
        await eventually(timeout: timeout) { self.body.contains(text) }
    }

    /// Waits until the server ends the connection or the response.
    func waitForEnd(timeout: Duration = .seconds(5)) async -> Bool {
        await eventually(timeout: timeout) { self.ended || self.body.hasSuffix("event: complete\ndata:\n\n") }
    }

    /// Hangs up.
    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
    }

    deinit { Glibc.close(fd) }
}
