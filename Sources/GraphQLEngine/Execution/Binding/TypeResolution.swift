// Abstract types (interfaces, unions) resolved from the Swift value: its dynamic type names the
// GraphQL object type it was registered for. One dictionary probe per value.

/// Builds type resolvers from the object registrations.
enum TypeResolution {
    /// The type resolver of one abstract type.
    /// - Parameters:
    ///   - possible: Swift type → object type name, for the abstract type's possible types.
    ///   - all: Swift type → object type name over every object type whose Swift type backs
    ///     only one: a value of another object type then gets that type's name, and the
    ///     executor reports it as graphql-js does ("... is not a possible type for ...").
    static func resolver(possible: [ObjectIdentifier: String], all: [ObjectIdentifier: String]) -> TypeResolve {
        { value, _, _, _ in
            let id = ObjectIdentifier(type(of: value))
            if let name = possible[id] ?? all[id] { return name }
            return resolveIndirectly(value, possible: possible, all: all)
        }
    }

    /// Values seen through an optional (a resolver returned `Listing?` inside an `Any`) or
    /// of a subclass of a registered class. Nil (the executor's error) when nothing matches.
    private static func resolveIndirectly(
        _ value: Any, possible: [ObjectIdentifier: String], all: [ObjectIdentifier: String]
    ) -> String? {
        if let optional = value as? any WrappedOptional {
            guard let wrapped = optional.wrappedForTypeResolution else { return nil }
            let id = ObjectIdentifier(type(of: wrapped))
            if let name = possible[id] ?? all[id] { return name }
            return resolveIndirectly(wrapped, possible: possible, all: all)
        }
        guard var cls: AnyClass = type(of: value) as? AnyClass else { return nil }
        while let superclass = _getSuperclass(cls) {
            let id = ObjectIdentifier(superclass)
            if let name = possible[id] ?? all[id] { return name }
            cls = superclass
        }
        return nil
    }

    /// An explicit type resolver given as `(value, context) -> type name`.
    static func explicit<Context>(
        _ typeName: String, _ resolve: @escaping @Sendable (Any, Context) throws -> String?
    ) -> TypeResolve {
        { value, context, _, _ in
            try resolve(value, try ResolverCasts.context(context, typeName))
        }
    }
}

/// An `Optional` inside an `Any`.
protocol WrappedOptional {
    var wrappedForTypeResolution: Any? { get }
}

extension Optional: WrappedOptional {
    var wrappedForTypeResolution: Any? { self.map { $0 as Any } }
}
