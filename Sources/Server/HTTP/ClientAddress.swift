import HTTPTypes
import NIOCore

/// The client's IP address for a request: the TCP peer's, or, when the server is told it
/// sits behind one trusted reverse proxy (`TRUST_PROXY=on`), the address that proxy
/// appended to `X-Forwarded-For` (the right-most entry: the ones before it are whatever
/// the client sent, and anyone can forge those).
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    static func resolve(peer: SocketAddress?, headers: HTTPFields, trustProxy: Bool) -> String? {
        if trustProxy, let forwarded = headers[values: forwardedFor].last,
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty,
           last.count <= 64
        {
            return last
        }
        return peer?.ipAddress
    }
}
