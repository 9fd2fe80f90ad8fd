/// A GraphQL source text and its name (graphql-js `Source`).
public struct Source: Sendable {
    /// The GraphQL text.
    public let body: String
    /// A name for the source, used in error reports.
    public let name: String

    /// Creates a source. The body is made contiguous UTF-8 once here so the lexer can
    /// read it as raw bytes.
    public init(body: String, name: String = "GraphQL request") {
        var body = body
        body.makeContiguousUTF8()
        self.body = body
        self.name = name
    }

    /// Line and column (graphql-js `getLocation`) of a UTF-8 byte offset into `body`.
    public func location(at offset: Int) -> SourceLocation {
        var body = body
        return body.withUTF8 { sourceLocation(in: $0, at: offset) }
    }
}
