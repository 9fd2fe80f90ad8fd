// The resolver model: what the executor calls to produce values. The typed, schema-first
// binding compiles down to these closures; `ExecutableSchema` holds them per schema coordinate.

/// A synchronous field resolver: runs inline on the executor's task, never suspends.
///
/// - Parameters:
///   - parent: the value of the object the field belongs to (the root value at the root).
///   - arguments: the field's coerced arguments, defaults applied, in definition order.
///   - context: the per-request context value given to `execute`.
///   - info: the field's execution info (name, path, types, operation, variables, batch scope).
/// - Returns: the field's value; `nil` (or an `Optional.none`) is null. Values need not be
///   `Sendable`: the executor hands them only to the request's own completion.
public typealias SyncFieldResolve = @Sendable (
    _ parent: Any, _ arguments: InputFields, _ context: any Sendable, _ info: ResolveInfo
) throws -> Any?

/// An asynchronous field resolver: started as a child task of the request, so that every
/// pending load of one level can be batched (see `BatchScope`).
public typealias AsyncFieldResolve = @Sendable (
    _ parent: Any, _ arguments: InputFields, _ context: any Sendable, _ info: ResolveInfo
) async throws -> Any?

/// A field resolver. Plain property reads should be `.sync`: they create no task and never
/// suspend. Resolvers that await (databases, loaders) are `.async`.
public enum FieldResolver: Sendable {
    case sync(SyncFieldResolve)
    case async(AsyncFieldResolve)
}

/// The source-stream resolver of a subscription root field (graphql-js `field.subscribe`):
/// returns the stream of events; each event becomes the root value of one execution of
/// the subscription's selection set. Ending the stream (or throwing from it) ends the
/// subscription; cancelling the consumer terminates the stream (its `onTermination` runs).
public typealias SubscribeResolve = @Sendable (
    _ parent: Any, _ arguments: InputFields, _ context: any Sendable, _ info: ResolveInfo
) async throws -> AsyncThrowingStream<any Sendable, any Error>

/// Names the object type of a value of an abstract (interface or union) type: a `String`
/// type name, or `nil` when it cannot tell (graphql-js `resolveType`). Any other value is
/// reported as graphql-js reports a non-string result.
public typealias TypeResolve = @Sendable (
    _ value: Any, _ context: any Sendable, _ info: ResolveInfo, _ abstractType: GraphQLNamedType
) throws -> Any?

/// A value that names its own GraphQL object type; the default type resolver asks it.
public protocol GraphQLTypeNamed {
    /// The name of the object type this value is an instance of.
    var graphQLTypeName: String { get }
}

/// The default type resolver: `GraphQLTypeNamed` values name their type; JSON-shaped
/// values (`InputValue`, `JSONValue`, `[String: Any]`) by their `"__typename"` entry, as
/// graphql-js's `defaultTypeResolver` reads `value.__typename`.
public let defaultTypeResolver: TypeResolve = { value, _, _, _ in
    if let named = value as? any GraphQLTypeNamed { return named.graphQLTypeName }
    switch value {
    case let v as InputValue:
        if case .object(let o) = v, let name = o["__typename"]?.stringValue { return name }
    case let v as JSONValue:
        if case .object(let o) = v, case .string(let name)? = o["__typename"] { return name }
    case let v as [String: Any]:
        return v["__typename"] as? String
    default: break
    }
    return nil
}

/// The default field resolver (graphql-js `defaultFieldResolver`): the parent's property of
/// the field's name. Reads dictionaries, JSON-shaped values (`InputValue`, `JSONValue`)
/// and, through reflection, stored properties of structs and classes. Reflection is slow:
/// bind real resolvers for hot fields.
public let defaultFieldResolver: FieldResolver = .sync { parent, _, _, info in
    let name = info.fieldName
    switch parent {
    case let v as InputValue:
        if case .object(let o) = v { return o[name] }
        return nil
    case let v as JSONValue:
        if case .object(let o) = v { return o[name] }
        return nil
    case let v as [String: any Sendable]:
        return v[name]
    default:
        for child in Mirror(reflecting: parent).children where child.label == name {
            return child.value
        }
        return nil
    }
}
