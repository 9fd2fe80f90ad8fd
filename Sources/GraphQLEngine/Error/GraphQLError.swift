/// One step of a response path: an object key or a list index.
public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)
    public var description: String {
        switch self {
        case .key(let k): k
        case .index(let i): String(i)
        }
    }
}

/// A GraphQL error, as graphql-js's `GraphQLError` serializes it (`toJSON`): a message,
/// source locations, an optional response path and optional extensions.
public struct GraphQLError: Error, Sendable, CustomStringConvertible {
    /// The human-readable message.
    public var message: String
    /// Line/column locations in the source (may be empty).
    public var locations: [SourceLocation]
    /// The response path of the failing field, for execution errors.
    public var path: [PathComponent]?
    /// Extra data for the `extensions` entry of the error.
    public var extensions: [String: JSONValue]?
    /// The source the positions refer to, if any.
    public var source: Source?
    /// UTF-8 byte offsets into `source.body` that `locations` were computed from.
    public var positions: [Int]
    /// The error a resolver threw, when it was not a `GraphQLError` (graphql-js's
    /// `originalError`): servers mask such errors, whose messages may hold internals.
    public var originalError: (any Error)? = nil

    /// Creates an error with explicit locations.
    public init(
        message: String,
        locations: [SourceLocation] = [],
        path: [PathComponent]? = nil,
        extensions: [String: JSONValue]? = nil,
        source: Source? = nil,
        positions: [Int] = []
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
        self.source = source
        self.positions = positions
    }

    /// Creates an error whose locations are computed from byte offsets into `source`.
    public init(
        message: String,
        source: Source?,
        positions: [Int],
        path: [PathComponent]? = nil,
        extensions: [String: JSONValue]? = nil
    ) {
        self.message = message
        self.source = source
        self.positions = positions
        self.path = path
        self.extensions = extensions
        if let source {
            self.locations = positions.map { source.location(at: $0) }
        } else {
            self.locations = []
        }
    }

    /// graphql-js `syntaxError`: message `Syntax Error: <description>` at one position.
    public static func syntaxError(source: Source, position: Int, description: String) -> GraphQLError {
        GraphQLError(message: "Syntax Error: " + description, source: source, positions: [position])
    }

    public var description: String {
        guard !locations.isEmpty else { return message }
        return message + " (" + locations.map(\.description).joined(separator: ", ") + ")"
    }

    /// The error as graphql-js's `toJSON()` shapes it (keys present only when set).
    public var json: JSONValue {
        var object: [String: JSONValue] = ["message": .string(message)]
        if !locations.isEmpty {
            object["locations"] = .array(locations.map {
                .object(["line": .int($0.line), "column": .int($0.column)])
            })
        }
        if let path {
            object["path"] = .array(path.map {
                switch $0 {
                case .key(let k): .string(k)
                case .index(let i): .int(i)
                }
            })
        }
        if let extensions { object["extensions"] = .object(extensions) }
        return .object(object)
    }
}
