// From a typed resolver to a `FieldResolver`: the generated closure casts the parent and the
// context, decodes the arguments and converts the result; every decision that depends only
// on types (how to decode, how to convert) is taken once, at bind time. Sync closures become
// `.sync` resolvers, which run inline on the executor's task.

// A note on generics: a `@Sendable` closure written where a generic parameter has a
// protocol requirement (`Args: Decodable`) captures that parameter's metatype, which Swift
// 6.2+ flags unless the parameter is `SendableMetatype` (unknown to Swift 6.0, which the
// project supports). So closures are only written in unconstrained generic contexts, and
// what needs a conformance (decoding, raw values) is reached through a small `Sendable`
// protocol value made where the conformance is known.

extension FieldRegistration {
    /// A synchronous resolver.
    static func sync<Parent, Args, Context, Result>(
        _ coordinate: String, arguments: any ArgumentsDecoder<Args>,
        _ body: @escaping @Sendable (Parent, Args, Context, ResolveInfo) throws -> Result
    ) -> FieldRegistration {
        FieldRegistration(
            coordinate: RegisteredCoordinate(coordinate), parent: .of(Parent.self),
            resultCases: { ResultConversion.enumCases(of: Result.self) }
        ) { site in
            let convert = ResultConversion.converter(for: Result.self, fieldType: site.field.type)
            let decoding = site.decoding
            let coordinate = site.coordinate
            return .sync { parent, args, context, info in
                let parent: Parent = try ResolverCasts.parent(parent, coordinate)
                let context: Context = try ResolverCasts.context(context, coordinate)
                let args = try arguments.decode(args, decoding, coordinate)
                return convert(try body(parent, args, context, info))
            }
        }
    }

    /// An asynchronous resolver (run as a child task by the executor).
    static func async<Parent, Args, Context, Result>(
        _ coordinate: String, arguments: any ArgumentsDecoder<Args>,
        _ body: @escaping @Sendable (Parent, Args, Context, ResolveInfo) async throws -> Result
    ) -> FieldRegistration {
        FieldRegistration(
            coordinate: RegisteredCoordinate(coordinate), parent: .of(Parent.self),
            resultCases: { ResultConversion.enumCases(of: Result.self) }
        ) { site in
            let convert = ResultConversion.converter(for: Result.self, fieldType: site.field.type)
            let decoding = site.decoding
            let coordinate = site.coordinate
            return .async { parent, args, context, info in
                let parent: Parent = try ResolverCasts.parent(parent, coordinate)
                let context: Context = try ResolverCasts.context(context, coordinate)
                let args = try arguments.decode(args, decoding, coordinate)
                return convert(try await body(parent, args, context, info))
            }
        }
    }
}

/// The shorter resolver signatures, widened to the full one. Resolvers that take no context
/// get `any Sendable`, whose cast always succeeds.
enum ResolverAdapters {
    static func sync<P, A, C, R>(_ f: @escaping @Sendable (P, A, C) throws -> R)
        -> @Sendable (P, A, C, ResolveInfo) throws -> R
    { { p, a, c, _ in try f(p, a, c) } }

    static func sync<P, C, R>(_ f: @escaping @Sendable (P, C) throws -> R)
        -> @Sendable (P, NoArguments, C, ResolveInfo) throws -> R
    { { p, _, c, _ in try f(p, c) } }

    static func sync<P, R>(_ f: @escaping @Sendable (P) throws -> R)
        -> @Sendable (P, NoArguments, any Sendable, ResolveInfo) throws -> R
    { { p, _, _, _ in try f(p) } }

    static func async<P, A, C, R>(_ f: @escaping @Sendable (P, A, C) async throws -> R)
        -> @Sendable (P, A, C, ResolveInfo) async throws -> R
    { { p, a, c, _ in try await f(p, a, c) } }

    static func async<P, C, R>(_ f: @escaping @Sendable (P, C) async throws -> R)
        -> @Sendable (P, NoArguments, C, ResolveInfo) async throws -> R
    { { p, _, c, _ in try await f(p, c) } }

    static func async<P, R>(_ f: @escaping @Sendable (P) async throws -> R)
        -> @Sendable (P, NoArguments, any Sendable, ResolveInfo) async throws -> R
    { { p, _, _, _ in try await f(p) } }
}

/// The casts of the generated closures, with the errors a wrong value gets.
enum ResolverCasts {
    /// The parent value as the resolver's `Parent`. Root fields may declare `Void`: their
    /// parent is the root value, which is usually absent.
    @inline(__always)
    static func parent<Parent>(_ parent: Any, _ coordinate: String) throws(GraphQLError) -> Parent {
        if let typed = parent as? Parent { return typed }
        if let void = () as? Parent { return void }
        throw parentMismatch(coordinate, parent, Parent.self)
    }

    /// The request context as the resolvers' `Context`.
    @inline(__always)
    static func context<Context>(_ context: any Sendable, _ coordinate: String) throws(GraphQLError) -> Context {
        if let typed = context as? Context { return typed }
        throw GraphQLError(
            message: "\(coordinate): the request's context is a \(type(of: context)), "
                + "but the resolvers were bound for a context of type \(Context.self).")
    }

    static func parentMismatch(_ coordinate: String, _ parent: Any, _ expected: Any.Type) -> GraphQLError {
        GraphQLError(
            message: "\(coordinate): the parent value is a \(type(of: parent)), "
                + "but the resolver reads a \(expected).")
    }
}

/// Decodes a field's coerced arguments as `Args`.
protocol ArgumentsDecoder<Args>: Sendable {
    associatedtype Args
    func decode(_ arguments: InputFields, _ decoding: InputDecoding, _ coordinate: String) throws(GraphQLError) -> Args
}

/// Arguments decoded as a `Decodable` type; `NoArguments` costs nothing.
struct DecodableArguments<Args: Decodable>: ArgumentsDecoder {
    @inline(__always)
    func decode(_ arguments: InputFields, _ decoding: InputDecoding, _ coordinate: String) throws(GraphQLError) -> Args
    {
        // A metatype comparison: cheaper than the failing cast most fields would pay.
        if Args.self == NoArguments.self, let none = NoArguments() as? Args { return none }
        return try decoding.decode(Args.self, fromArgumentsOf: coordinate, arguments)
    }
}

/// Arguments the resolver does not take.
struct IgnoredArguments: ArgumentsDecoder {
    @inline(__always)
    func decode(_ arguments: InputFields, _ decoding: InputDecoding, _ coordinate: String) -> NoArguments {
        NoArguments()
    }
}

/// The arguments of a field that takes none, or whose arguments the resolver ignores.
public struct NoArguments: Decodable, Sendable {
    public init() {}
    public init(from decoder: any Decoder) {}
}
