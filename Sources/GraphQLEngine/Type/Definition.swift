// graphql-js `type/definition`: the type references (named, list, non-null) and the
// predicates over them. The named types themselves are in their own files.

/// Any GraphQL type: a named type, or a list or non-null wrapper around another type.
///
/// Enum cases rather than existential protocols keep type checks on hot paths (validation,
/// execution) a switch over a tag.
public enum GraphQLType: Sendable, Hashable, CustomStringConvertible {
    case named(GraphQLNamedType)
    indirect case list(GraphQLType)
    /// A non-null wrapper; its inner type is never itself non-null.
    indirect case nonNull(GraphQLType)

    /// `Name`, `[T]` or `T!`, as graphql-js's `String(type)` / `inspect(type)`.
    public var description: String {
        switch self {
        case .named(let n): n.name
        case .list(let t): "[" + t.description + "]"
        case .nonNull(let t): t.description + "!"
        }
    }

    /// graphql-js `getNamedType`: the type with all wrappers removed.
    @inlinable public var namedType: GraphQLNamedType {
        switch self {
        case .named(let n): n
        case .list(let t), .nonNull(let t): t.namedType
        }
    }

    /// graphql-js `getNullableType`: the type without a non-null wrapper.
    @inlinable public var nullableType: GraphQLType {
        if case .nonNull(let t) = self { return t }
        return self
    }

    /// The type inside a list or non-null wrapper, nil for a named type.
    @inlinable public var ofType: GraphQLType? {
        switch self {
        case .named: nil
        case .list(let t), .nonNull(let t): t
        }
    }

    /// True for a non-null wrapper.
    @inlinable public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// True for a list wrapper (not a non-null list).
    @inlinable public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// graphql-js `isInputType`.
    public var isInputType: Bool { namedType.isInputType }
    /// graphql-js `isOutputType`.
    public var isOutputType: Bool { namedType.isOutputType }

    /// The named type, when this is one.
    @inlinable public var asNamed: GraphQLNamedType? {
        if case .named(let n) = self { return n }
        return nil
    }

    public static func scalar(_ t: GraphQLScalarType) -> GraphQLType { .named(.scalar(t)) }
    public static func object(_ t: GraphQLObjectType) -> GraphQLType { .named(.object(t)) }
    public static func interface(_ t: GraphQLInterfaceType) -> GraphQLType { .named(.interface(t)) }
    public static func union(_ t: GraphQLUnionType) -> GraphQLType { .named(.union(t)) }
    public static func `enum`(_ t: GraphQLEnumType) -> GraphQLType { .named(.enum(t)) }
    public static func inputObject(_ t: GraphQLInputObjectType) -> GraphQLType { .named(.inputObject(t)) }
}

/// One of the six kinds of named type. Equality is identity of the underlying type object.
public enum GraphQLNamedType: Sendable, Hashable, CustomStringConvertible {
    case scalar(GraphQLScalarType)
    case object(GraphQLObjectType)
    case interface(GraphQLInterfaceType)
    case union(GraphQLUnionType)
    case `enum`(GraphQLEnumType)
    case inputObject(GraphQLInputObjectType)

    /// The type's name.
    @inlinable public var name: String {
        switch self {
        case .scalar(let t): t.name
        case .object(let t): t.name
        case .interface(let t): t.name
        case .union(let t): t.name
        case .enum(let t): t.name
        case .inputObject(let t): t.name
        }
    }

    public var description: String { name }

    /// The type's description text.
    public var typeDescription: String? {
        switch self {
        case .scalar(let t): t.description
        case .object(let t): t.description
        case .interface(let t): t.description
        case .union(let t): t.description
        case .enum(let t): t.description
        case .inputObject(let t): t.description
        }
    }

    /// This type as a `GraphQLType`.
    @inlinable public var type: GraphQLType { .named(self) }

    /// graphql-js `isInputType` (scalars, enums, input objects).
    @inlinable public var isInputType: Bool {
        switch self {
        case .scalar, .enum, .inputObject: true
        default: false
        }
    }

    /// graphql-js `isOutputType` (everything but input objects).
    @inlinable public var isOutputType: Bool {
        if case .inputObject = self { return false }
        return true
    }

    /// graphql-js `isLeafType` (scalars and enums).
    @inlinable public var isLeafType: Bool {
        switch self {
        case .scalar, .enum: true
        default: false
        }
    }

    /// graphql-js `isCompositeType` (objects, interfaces, unions).
    @inlinable public var isCompositeType: Bool {
        switch self {
        case .object, .interface, .union: true
        default: false
        }
    }

    /// graphql-js `isAbstractType` (interfaces and unions).
    @inlinable public var isAbstractType: Bool {
        switch self {
        case .interface, .union: true
        default: false
        }
    }

    /// The fields of an object or interface type, nil for other kinds.
    @inlinable public var fieldMap: FieldMap<GraphQLField>? {
        switch self {
        case .object(let t): t.fieldMap
        case .interface(let t): t.fieldMap
        default: nil
        }
    }

    /// The interfaces an object or interface type implements (empty for other kinds).
    public var interfaces: [GraphQLInterfaceType] {
        switch self {
        case .object(let t): t.interfaces
        case .interface(let t): t.interfaces
        default: []
        }
    }

    /// graphql-js `isIntrospectionType`.
    public var isIntrospectionType: Bool {
        Introspection.typeNames.contains(name)
    }

    /// graphql-js `isSpecifiedScalarType`.
    public var isSpecifiedScalarType: Bool {
        if case .scalar(let s) = self { return isSpecifiedScalarName(s.name) }
        return false
    }

    /// graphql-js `typeToExtKind`-style kind name of the introspection `__TypeKind`.
    public var kind: TypeKind {
        switch self {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enum: .enum
        case .inputObject: .inputObject
        }
    }
}

/// An AST node that defines part of a schema, with the source it was parsed from so
/// that schema errors can report line and column.
public struct SourcedNode<Node: ASTNode>: Sendable {
    /// The definition node.
    public let node: Node
    /// The parsed source (nil for synthesized nodes).
    public let source: Source?
    /// Wraps `node` parsed from `source`.
    public init(_ node: Node, source: Source?) {
        self.node = node
        self.source = source
    }
}

/// A source position (byte offset into `source`), the raw material of an error location.
public struct NodePosition: Sendable {
    /// Byte offset of the node's start.
    public var offset: Int
    /// The source it points into.
    public var source: Source?
    /// Creates a position.
    public init(offset: Int, source: Source?) {
        self.offset = offset
        self.source = source
    }
}

extension SourcedNode {
    /// The node's position, for error locations.
    public var position: NodePosition { NodePosition(offset: node.loc.start, source: source) }
    /// The position of a child node of this one (same source).
    public func position<Child: ASTNode>(of child: Child) -> NodePosition {
        NodePosition(offset: child.loc.start, source: source)
    }
}

extension GraphQLError {
    /// An error located at the given node positions (graphql-js `new GraphQLError(message, { nodes })`):
    /// positions without a source are dropped, as graphql-js drops nodes without `loc`.
    public init(message: String, at positions: [NodePosition?]) {
        let located = positions.compactMap { p -> (NodePosition, Source)? in
            guard let p, let s = p.source else { return nil }
            return (p, s)
        }
        self.init(
            message: message,
            locations: located.map { $0.1.location(at: $0.0.offset) },
            source: located.first?.1,
            positions: located.map { $0.0.offset }
        )
    }
}

/// An ordered collection of named definitions (fields, input fields) with lookup by name:
/// the order is definition order, the lookup a dictionary probe.
public struct FieldMap<Element: Sendable & NamedDefinition>: Sendable, RandomAccessCollection {
    /// The definitions in order.
    public let elements: [Element]
    @usableFromInline let index: [String: Int]

    /// Builds the map; a repeated name keeps the first position and the last definition
    /// (JavaScript object semantics, which graphql-js relies on).
    public init(_ elements: [Element]) {
        var ordered: [Element] = []
        var index: [String: Int] = [:]
        ordered.reserveCapacity(elements.count)
        for e in elements {
            if let i = index[e.name] {
                ordered[i] = e
            } else {
                index[e.name] = ordered.count
                ordered.append(e)
            }
        }
        self.elements = ordered
        self.index = index
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }
    @inlinable public subscript(position: Int) -> Element { elements[position] }

    /// The definition named `name`, if any.
    @inlinable public subscript(name: String) -> Element? {
        guard let i = index[name] else { return nil }
        return elements[i]
    }

    /// The names in order.
    public var names: [String] { elements.map(\.name) }
}

/// Something with a name (fields, arguments, enum values).
public protocol NamedDefinition {
    /// The definition's name.
    var name: String { get }
}
