import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket

/// graphql-transport-ws on the GraphQL path: an HTTP/1 server whose requests for `path`
/// with `Upgrade: websocket` become graphql-transport-ws sockets; every other request
/// goes to the router as before.
struct GraphQLWebSocket: Sendable {
    static let subprotocol = "graphql-transport-ws"

    let runner: OperationRunner
    let registry: SubscriptionRegistry
    var path = "/graphql"

    /// The largest message (and frame) a client may send: the HTTP body limit, since a
    /// `subscribe` carries what a POST body would.
    var maxMessageBytes: Int { max(1 << 14, runner.service.settings.maxBodyBytes) }

    /// The server builder for `Application(server:)`.
    func serverBuilder() -> HTTPServerBuilder {
        let ws = WebSocketServerConfiguration(maxFrameSize: maxMessageBytes, closeTimeout: registry.settings.closeTimeout)
        return .http1WebSocketUpgrade(configuration: .init(ws: ws)) { head, channel, _ in
            self.shouldUpgrade(head, channel: channel)
        }
    }

    /// Upgrades requests for `path`. A client that does not offer `graphql-transport-ws`
    /// is upgraded without a subprotocol and then closed with 4406, as graphql-ws's server
    /// does (its `handleProtocols` leaves the header out; `opened` closes the socket):
    /// the close code tells it why, where a refused handshake would not.
    func shouldUpgrade(_ head: HTTPRequest, channel: any Channel)
        -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>>
    {
        let requestPath = head.path.map { $0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0] }
        guard requestPath == path[...] else { return .dontUpgrade }
        let offered = head.headerFields[values: .secWebSocketProtocol]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let accepted = offered.contains(Self.subprotocol)
        var headers = HTTPFields()
        if accepted { headers[.secWebSocketProtocol] = Self.subprotocol }
        // The caller as the upgrade request shows it (non-browser clients may send
        // `Authorization` there); a `connection_init` token replaces its token.
        let caller = CallerInfo(
            headers: head.headerFields, peer: channel.remoteAddress, trustProxy: self.runner.service.settings.trustProxy)
        let runner = self.runner
        let registry = self.registry
        let maxMessageBytes = self.maxMessageBytes
        return .upgrade(headers) { inbound, outbound, _ in
            guard accepted else {
                try await outbound.close(.init(codeNumber: 4406), reason: "Subprotocol not acceptable")
                // Finish the closing handshake (read until the client's close frame) before
                // the handler returns: returning at once could drop the connection before
                // the client has read the 4406.
                try? await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { for try await _ in inbound {} }
                    group.addTask { try await Task.sleep(for: .seconds(2)) }
                    try await group.next()
                    group.cancelAll()
                }
                return
            }
            try await GraphQLWSConnection.serve(
                inbound: inbound, outbound: outbound, channel: channel, runner: runner, registry: registry,
                caller: caller, maxMessageBytes: maxMessageBytes)
        }
    }
}
