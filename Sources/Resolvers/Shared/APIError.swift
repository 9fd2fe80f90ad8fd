import GraphQLEngine

/// The top-level GraphQL errors of API.md, each with its `extensions.code`. Business-rule
/// failures are not these: they are `UserError`s in a mutation's payload.
public enum APIError {
    /// No token, or a token that is invalid, expired or whose session is over.
    public static func unauthenticated(_ message: String = "You must be signed in to do this.") -> GraphQLError {
        GraphQLError(message: message, extensions: ["code": "UNAUTHENTICATED"])
    }

    /// Signed in, but not allowed.
    public static func forbidden(_ message: String = "You are not allowed to do this.") -> GraphQLError {
        GraphQLError(message: message, extensions: ["code": "FORBIDDEN"])
    }

    public static func notFound(_ message: String) -> GraphQLError {
        GraphQLError(message: message, extensions: ["code": "NOT_FOUND"])
    }

    /// An argument the schema accepts but the API does not (a malformed ID, a too-large `first`).
    public static func badUserInput(_ message: String) -> GraphQLError {
        GraphQLError(message: message, extensions: ["code": "BAD_USER_INPUT"])
    }

    /// Anything unexpected: the details go to the log, never to the client.
    public static func internalServerError() -> GraphQLError {
        GraphQLError(message: "Internal server error", extensions: ["code": "INTERNAL_SERVER_ERROR"])
    }
}
