import GraphQLEngine

/// What the server allows a GraphQL request, from configuration.
struct GraphQLSettings: Sendable {
    /// Depth, aliases, root fields and cost (the engine's query limits).
    var limits = QueryLimits(maxDepth: 12, maxAliases: 30, maxRootFields: 20, maxCost: 5000)
    /// Tokens per document (graphql-js `maxTokens`).
    var maxTokens = 5000
    /// Request body bytes.
    var maxBodyBytes = 1 << 20
    /// Whether `__schema` and `__type` may be queried.
    var introspection = true
    /// Time allowed for one operation's execution.
    var timeout: Duration = .seconds(30)
    /// Parsed documents kept.
    var documentCacheSize = 1000
    /// Whether one reverse proxy in front of the server is trusted to tell the client's
    /// address in `X-Forwarded-For` (`TRUST_PROXY`, off by default: the header is then
    /// ignored, since any client can send it).
    var trustProxy = false
}
