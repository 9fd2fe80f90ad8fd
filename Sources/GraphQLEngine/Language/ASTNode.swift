// Shared AST vocabulary: locations, the node protocol, and the sum types
// (graphql-js's `DefinitionNode`, `SelectionNode`, `ValueNode`, `TypeNode` unions).

/// Byte range `start..<end` (UTF-8 offsets into `Source.body`) of a node.
///
/// Offsets rather than line/column keep nodes small; use `Source.location(at:)` or
/// `GraphQLError(message:source:positions:)` to turn them into `SourceLocation`s.
public struct Location: Sendable, Hashable {
    /// Offset of the node's first token.
    public var start: Int
    /// Offset just past the node's last token.
    public var end: Int
    /// Creates a location; the default `0..<0` marks a synthesized node.
    @inlinable public init(start: Int = 0, end: Int = 0) {
        self.start = start
        self.end = end
    }
}

/// Any AST node.
public protocol ASTNode: Sendable {
    /// The node kind (graphql-js `kind`).
    var kind: Kind { get }
    /// The node's byte range in its source.
    var loc: Location { get }
}

/// Internal traversal hook implemented by every node type (see `visit`).
@usableFromInline protocol WalkableNode: ASTNode {
    /// Walks the subtree; returns false when the visitor stopped the traversal.
    func walk<V: ASTVisitor>(_ v: inout V) -> Bool
}

/// The three operation types.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query, mutation, subscription
}

/// A top-level definition.
public enum Definition: ASTNode, WalkableNode {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    case schema(SchemaDefinition)
    case scalarType(ScalarTypeDefinition)
    case objectType(ObjectTypeDefinition)
    case interfaceType(InterfaceTypeDefinition)
    case unionType(UnionTypeDefinition)
    case enumType(EnumTypeDefinition)
    case inputObjectType(InputObjectTypeDefinition)
    case directive(DirectiveDefinition)
    case schemaExtension(SchemaExtension)
    case scalarTypeExtension(ScalarTypeExtension)
    case objectTypeExtension(ObjectTypeExtension)
    case interfaceTypeExtension(InterfaceTypeExtension)
    case unionTypeExtension(UnionTypeExtension)
    case enumTypeExtension(EnumTypeExtension)
    case inputObjectTypeExtension(InputObjectTypeExtension)

    /// The wrapped node.
    public var node: any ASTNode {
        switch self {
        case .operation(let n): n
        case .fragment(let n): n
        case .schema(let n): n
        case .scalarType(let n): n
        case .objectType(let n): n
        case .interfaceType(let n): n
        case .unionType(let n): n
        case .enumType(let n): n
        case .inputObjectType(let n): n
        case .directive(let n): n
        case .schemaExtension(let n): n
        case .scalarTypeExtension(let n): n
        case .objectTypeExtension(let n): n
        case .interfaceTypeExtension(let n): n
        case .unionTypeExtension(let n): n
        case .enumTypeExtension(let n): n
        case .inputObjectTypeExtension(let n): n
        }
    }
    public var kind: Kind { node.kind }
    public var loc: Location { node.loc }

    /// True for operations and fragments (graphql-js `isExecutableDefinitionNode`).
    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: true
        default: false
        }
    }

    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch self {
        case .operation(let n): n.walk(&v)
        case .fragment(let n): n.walk(&v)
        case .schema(let n): n.walk(&v)
        case .scalarType(let n): n.walk(&v)
        case .objectType(let n): n.walk(&v)
        case .interfaceType(let n): n.walk(&v)
        case .unionType(let n): n.walk(&v)
        case .enumType(let n): n.walk(&v)
        case .inputObjectType(let n): n.walk(&v)
        case .directive(let n): n.walk(&v)
        case .schemaExtension(let n): n.walk(&v)
        case .scalarTypeExtension(let n): n.walk(&v)
        case .objectTypeExtension(let n): n.walk(&v)
        case .interfaceTypeExtension(let n): n.walk(&v)
        case .unionTypeExtension(let n): n.walk(&v)
        case .enumTypeExtension(let n): n.walk(&v)
        case .inputObjectTypeExtension(let n): n.walk(&v)
        }
    }
}

/// One selection inside a selection set.
public enum Selection: ASTNode, WalkableNode {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    public var kind: Kind {
        switch self {
        case .field: .field
        case .fragmentSpread: .fragmentSpread
        case .inlineFragment: .inlineFragment
        }
    }
    public var loc: Location {
        switch self {
        case .field(let n): n.loc
        case .fragmentSpread(let n): n.loc
        case .inlineFragment(let n): n.loc
        }
    }
    /// The selection's directives.
    public var directives: [Directive] {
        switch self {
        case .field(let n): n.directives
        case .fragmentSpread(let n): n.directives
        case .inlineFragment(let n): n.directives
        }
    }

    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch self {
        case .field(let n): n.walk(&v)
        case .fragmentSpread(let n): n.walk(&v)
        case .inlineFragment(let n): n.walk(&v)
        }
    }
}

/// An input value literal. Constant contexts (default values, SDL directives) never contain `.variable`.
public enum Value: ASTNode, WalkableNode {
    case variable(Variable)
    case int(IntValue)
    case float(FloatValue)
    case string(StringValue)
    case boolean(BooleanValue)
    case null(NullValue)
    case enumValue(EnumValue)
    case list(ListValue)
    case object(ObjectValue)

    public var kind: Kind {
        switch self {
        case .variable: .variable
        case .int: .intValue
        case .float: .floatValue
        case .string: .stringValue
        case .boolean: .booleanValue
        case .null: .nullValue
        case .enumValue: .enumValue
        case .list: .listValue
        case .object: .objectValue
        }
    }
    public var loc: Location {
        switch self {
        case .variable(let n): n.loc
        case .int(let n): n.loc
        case .float(let n): n.loc
        case .string(let n): n.loc
        case .boolean(let n): n.loc
        case .null(let n): n.loc
        case .enumValue(let n): n.loc
        case .list(let n): n.loc
        case .object(let n): n.loc
        }
    }

    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch self {
        case .variable(let n): n.walk(&v)
        case .int(let n): n.walk(&v)
        case .float(let n): n.walk(&v)
        case .string(let n): n.walk(&v)
        case .boolean(let n): n.walk(&v)
        case .null(let n): n.walk(&v)
        case .enumValue(let n): n.walk(&v)
        case .list(let n): n.walk(&v)
        case .object(let n): n.walk(&v)
        }
    }
}

/// A type reference: `Name`, `[T]` or `T!` (graphql-js `TypeNode`).
public enum TypeReference: ASTNode, WalkableNode {
    case named(NamedType)
    indirect case list(ListType)
    indirect case nonNull(NonNullType)

    public var kind: Kind {
        switch self {
        case .named: .namedType
        case .list: .listType
        case .nonNull: .nonNullType
        }
    }
    public var loc: Location {
        switch self {
        case .named(let n): n.loc
        case .list(let n): n.loc
        case .nonNull(let n): n.loc
        }
    }
    /// The innermost named type.
    public var namedType: NamedType {
        var t = self
        while true {
            switch t {
            case .named(let n): return n
            case .list(let l): t = l.type
            case .nonNull(let n): t = n.type
            }
        }
    }

    @usableFromInline func walk<V: ASTVisitor>(_ v: inout V) -> Bool {
        switch self {
        case .named(let n): n.walk(&v)
        case .list(let n): n.walk(&v)
        case .nonNull(let n): n.walk(&v)
        }
    }
}
