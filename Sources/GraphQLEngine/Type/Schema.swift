// graphql-js `type/schema`: the schema, its type map (in graphql-js's order), root types,
// directives, and the abstract-type relations the validator and executor consult.

import Foundation

/// Errors raised while building or checking a schema: one or more GraphQL errors with
/// locations. `message` joins the messages as graphql-js's thrown `Error` does.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// Every error, in graphql-js's order.
    public var errors: [GraphQLError]
    /// Wraps errors.
    public init(_ errors: [GraphQLError]) { self.errors = errors }
    /// Wraps one message without location.
    public init(message: String) { self.errors = [GraphQLError(message: message)] }
    /// The messages joined by blank lines (graphql-js `assertValidSDL` / `assertValidSchema`).
    public var message: String { errors.map(\.message).joined(separator: "\n\n") }
    public var description: String { message }
}

/// The objects and interfaces that implement an interface.
public struct InterfaceImplementations: Sendable {
    /// Object types implementing it, in type map order.
    public var objects: [GraphQLObjectType] = []
    /// Interface types implementing it, in type map order.
    public var interfaces: [GraphQLInterfaceType] = []
}

/// A GraphQL schema. Immutable once created, except for the cached result of
/// `validateSchema`, which is guarded by a lock: hence `@unchecked Sendable`.
public final class GraphQLSchema: @unchecked Sendable {
    /// The schema description.
    public let description: String?
    /// The root types as given, whatever their kind (validation reports non-objects).
    public let queryRoot: GraphQLNamedType?
    public let mutationRoot: GraphQLNamedType?
    public let subscriptionRoot: GraphQLNamedType?
    /// The root object types (nil if absent or not an object type).
    public let queryType: GraphQLObjectType?
    public let mutationType: GraphQLObjectType?
    public let subscriptionType: GraphQLObjectType?
    /// Every named type, in graphql-js's type map order.
    public let types: [GraphQLNamedType]
    /// Named types by name.
    public let typeMap: [String: GraphQLNamedType]
    /// The directives, in order.
    public let directives: [GraphQLDirective]
    private let directiveMap: [String: GraphQLDirective]
    /// The SDL schema definition, if any.
    public let astNode: SourcedNode<SchemaDefinition>?
    /// The SDL schema extensions.
    public let extensionASTNodes: [SourcedNode<SchemaExtension>]
    private let implementationsMap: [String: InterfaceImplementations]
    private let subTypeMap: [String: Set<String>]

    private let lock = NSLock()
    private var cachedValidationErrors: [GraphQLError]?

    /// Creates a schema (graphql-js `new GraphQLSchema(config)`): collects every type
    /// reachable from `types`, the roots, the directives' arguments and the introspection
    /// types. Throws when two different types share a name.
    public init(
        query: GraphQLNamedType?, mutation: GraphQLNamedType? = nil, subscription: GraphQLNamedType? = nil,
        types: [GraphQLNamedType] = [], directives: [GraphQLDirective] = specifiedDirectives,
        description: String? = nil, astNode: SourcedNode<SchemaDefinition>? = nil,
        extensionASTNodes: [SourcedNode<SchemaExtension>] = [], assumeValid: Bool = false
    ) throws(SchemaError) {
        self.description = description
        self.queryRoot = query
        self.mutationRoot = mutation
        self.subscriptionRoot = subscription
        func object(_ t: GraphQLNamedType?) -> GraphQLObjectType? {
            if case .object(let o)? = t { return o }
            return nil
        }
        self.queryType = object(query)
        self.mutationType = object(mutation)
        self.subscriptionType = object(subscription)
        self.directives = directives
        var directiveMap: [String: GraphQLDirective] = [:]
        for d in directives where directiveMap[d.name] == nil { directiveMap[d.name] = d }
        self.directiveMap = directiveMap
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes

        // graphql-js fills a Set (insertion ordered): the given types first, each then
        // deleted and re-added while collecting what it references.
        var collected = ReferencedTypes()
        for t in types { collected.insert(t) }
        for t in types {
            collected.remove(t)
            collected.collect(t)
        }
        for root in [query, mutation, subscription] {
            if let root { collected.collect(root) }
        }
        for d in directives {
            for arg in d.args { collected.collect(arg.type.namedType) }
        }
        collected.collect(.object(Introspection.schema))

        var typeMap: [String: GraphQLNamedType] = [:]
        var ordered: [GraphQLNamedType] = []
        var implementations: [String: InterfaceImplementations] = [:]
        for namedType in collected.ordered {
            let name = namedType.name
            if typeMap[name] != nil {
                throw SchemaError(
                    message: "Schema must contain uniquely named types but contains multiple types named \"\(name)\".")
            }
            typeMap[name] = namedType
            ordered.append(namedType)
            switch namedType {
            case .interface(let t):
                for iface in t.interfaces { implementations[iface.name, default: .init()].interfaces.append(t) }
            case .object(let t):
                for iface in t.interfaces { implementations[iface.name, default: .init()].objects.append(t) }
            default: break
            }
        }
        self.typeMap = typeMap
        self.types = ordered
        self.implementationsMap = implementations

        var subTypes: [String: Set<String>] = [:]
        for t in ordered {
            switch t {
            case .union(let u): subTypes[u.name] = Set(u.types.map(\.name))
            case .interface(let i):
                let impl = implementations[i.name] ?? .init()
                subTypes[i.name] = Set(impl.objects.map(\.name) + impl.interfaces.map(\.name))
            default: break
            }
        }
        self.subTypeMap = subTypes
        if assumeValid { cachedValidationErrors = [] }
    }

    /// Creates a schema from object root types.
    public convenience init(
        query: GraphQLObjectType?, mutation: GraphQLObjectType? = nil, subscription: GraphQLObjectType? = nil,
        types: [GraphQLNamedType] = [], directives: [GraphQLDirective] = specifiedDirectives,
        description: String? = nil
    ) throws(SchemaError) {
        try self.init(
            query: query.map { .object($0) }, mutation: mutation.map { .object($0) },
            subscription: subscription.map { .object($0) }, types: types, directives: directives,
            description: description)
    }

    /// The named type called `name`, if any.
    @inlinable public func type(named name: String) -> GraphQLNamedType? { typeMap[name] }

    /// The directive called `name`, if any.
    public func directive(named name: String) -> GraphQLDirective? { directiveMap[name] }

    /// The root type for an operation type (graphql-js `getRootType`).
    public func rootType(for operation: OperationType) -> GraphQLObjectType? {
        switch operation {
        case .query: queryType
        case .mutation: mutationType
        case .subscription: subscriptionType
        }
    }

    /// The object types an abstract type may resolve to (graphql-js `getPossibleTypes`):
    /// a union's object members, or the objects implementing an interface.
    public func possibleTypes(of abstractType: GraphQLNamedType) -> [GraphQLObjectType] {
        switch abstractType {
        case .union(let u): u.objectTypes
        case .interface(let i): implementations(of: i).objects
        default: []
        }
    }

    /// The objects and interfaces implementing `interfaceType` (graphql-js `getImplementations`).
    public func implementations(of interfaceType: GraphQLInterfaceType) -> InterfaceImplementations {
        implementationsMap[interfaceType.name] ?? InterfaceImplementations()
    }

    /// graphql-js `isSubType`: whether `maybeSubType` is a member of the union, or
    /// implements the interface, `abstractType`.
    public func isSubType(_ abstractType: GraphQLNamedType, _ maybeSubType: GraphQLNamedType) -> Bool {
        subTypeMap[abstractType.name]?.contains(maybeSubType.name) ?? false
    }

    /// The cached result of `validateSchema`.
    func withValidationCache(_ compute: (GraphQLSchema) -> [GraphQLError]) -> [GraphQLError] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cachedValidationErrors { return cached }
        let errors = compute(self)
        cachedValidationErrors = errors
        return errors
    }
}

/// An insertion-ordered set of named types keyed by identity (graphql-js's `Set`).
private struct ReferencedTypes {
    private var slots: [GraphQLNamedType?] = []
    private var index: [ObjectIdentifier: Int] = [:]

    var ordered: [GraphQLNamedType] { slots.compactMap { $0 } }

    mutating func insert(_ t: GraphQLNamedType) {
        let id = identity(t)
        guard index[id] == nil else { return }
        index[id] = slots.count
        slots.append(t)
    }

    mutating func remove(_ t: GraphQLNamedType) {
        guard let i = index.removeValue(forKey: identity(t)) else { return }
        slots[i] = nil
    }

    /// graphql-js `collectReferencedTypes`.
    mutating func collect(_ t: GraphQLNamedType) {
        guard index[identity(t)] == nil else { return }
        insert(t)
        switch t {
        case .union(let u):
            for member in u.types { collect(member) }
        case .object(let o):
            collectFields(o.declaredInterfaces, o.fields)
        case .interface(let i):
            collectFields(i.declaredInterfaces, i.fields)
        case .inputObject(let io):
            for f in io.fields { collect(f.type.namedType) }
        case .scalar, .enum:
            break
        }
    }

    private mutating func collectFields(_ interfaces: [GraphQLNamedType], _ fields: [GraphQLField]) {
        for iface in interfaces { collect(iface) }
        for f in fields {
            collect(f.type.namedType)
            for arg in f.args { collect(arg.type.namedType) }
        }
    }
}

/// The identity of the type object behind a named type.
func identity(_ t: GraphQLNamedType) -> ObjectIdentifier {
    switch t {
    case .scalar(let x): ObjectIdentifier(x)
    case .object(let x): ObjectIdentifier(x)
    case .interface(let x): ObjectIdentifier(x)
    case .union(let x): ObjectIdentifier(x)
    case .enum(let x): ObjectIdentifier(x)
    case .inputObject(let x): ObjectIdentifier(x)
    }
}
