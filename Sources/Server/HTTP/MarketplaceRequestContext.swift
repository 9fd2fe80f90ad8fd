import Hummingbird
import NIOCore

/// The router's request context: Hummingbird's basic one plus the connection's peer
/// address, which GraphQL uses as the client address (sign-in limits, sessions).
struct MarketplaceRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The TCP peer (a proxy's address when one is in front; see `ClientAddress`).
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
