import Foundation
import GraphQLEngine

/// A Relay connection of `Node`s whose count is read only when asked for (orders, reviews,
/// threads, messages: `OrderConnection`, `ReviewConnection`, `MessageThreadConnection`,
/// `MessageConnection`).
public struct NodeConnection<Node: Sendable>: Sendable {
    public var edges: [NodeEdge<Node>]
    public var nodes: [Node]
    public var pageInfo: PageInfo
    let totalCount: @Sendable (Context) async throws -> Int

    /// A page of `nodes` with their `cursors`.
    init(
        nodes: [Node], cursors: [String], hasNextPage: Bool, after: String?,
        totalCount: @escaping @Sendable (Context) async throws -> Int
    ) {
        self.nodes = nodes
        self.edges = zip(cursors, nodes).map { NodeEdge(cursor: $0, node: $1) }
        self.pageInfo = PageInfo(
            hasNextPage: hasNextPage, hasPreviousPage: after != nil, startCursor: cursors.first, endCursor: cursors.last)
        self.totalCount = totalCount
    }

    /// Registers the connection type `name` and its edge type `edgeName`.
    static func register(_ name: String, edge edgeName: String, in resolvers: inout SchemaResolvers<Context>) {
        resolvers.object(name, NodeConnection<Node>.self) { connection in
            connection.field("totalCount") { (c: NodeConnection<Node>, ctx: Context) async throws -> Int in
                try await ctx.guarded("\(name).totalCount") { try await c.totalCount(ctx) }
            }
        }
        resolvers.object(edgeName, NodeEdge<Node>.self)
    }
}

/// One page of a keyset-paged list: its rows with the cursor of each, and whether more follow.
struct KeysetPage<Row: Sendable>: Sendable {
    var rows: [Row]
    var cursors: [String]
    var hasNextPage: Bool

    static var empty: KeysetPage { KeysetPage(rows: [], cursors: [], hasNextPage: false) }
}

extension NodeConnection {
    init(_ page: KeysetPage<Node>, after: String?, totalCount: @escaping @Sendable (Context) async throws -> Int) {
        self.init(nodes: page.rows, cursors: page.cursors, hasNextPage: page.hasNextPage, after: after, totalCount: totalCount)
    }
}

/// An edge of a `NodeConnection`.
public struct NodeEdge<Node: Sendable>: Sendable {
    public var cursor: String
    public var node: Node
}
