// graphql-js `GraphQLObjectType` and `GraphQLInterfaceType`.

/// An object type.
///
/// Built in two phases (the type object first, then its fields and interfaces, which may
/// refer back to it), so `fieldMap` and `interfaces` are set after `init`.
/// `@unchecked Sendable` is safe because they are only set while the schema is being
/// constructed, before the type is reachable from a published `GraphQLSchema`; after that
/// the type is never mutated.
public final class GraphQLObjectType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The fields, in definition order, with lookup by name.
    public private(set) var fieldMap: FieldMap<GraphQLField>
    /// The implemented interfaces, in order.
    public private(set) var interfaces: [GraphQLInterfaceType]
    /// The types named after `implements`, in order, interfaces or not (graphql-js keeps
    /// them all and `validateSchema` reports the ones that are not interfaces).
    public private(set) var declaredInterfaces: [GraphQLNamedType]
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<ObjectTypeDefinition>?
    /// The SDL extensions applied to it.
    public let extensionASTNodes: [SourcedNode<ObjectTypeExtension>]

    /// Creates an object type. For types that refer to themselves (directly or through
    /// other types), create it without fields and call `define(fields:interfaces:)`
    /// before building the schema.
    public init(
        name: String, description: String? = nil, fields: [GraphQLField] = [],
        interfaces: [GraphQLInterfaceType] = [],
        astNode: SourcedNode<ObjectTypeDefinition>? = nil,
        extensionASTNodes: [SourcedNode<ObjectTypeExtension>] = []
    ) {
        self.name = name
        self.description = description
        self.fieldMap = FieldMap(fields)
        self.interfaces = interfaces
        self.declaredInterfaces = interfaces.map { .interface($0) }
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// Sets the fields and interfaces (second construction phase). Must not be called once
    /// the type belongs to a schema.
    public func define(fields: [GraphQLField], interfaces: [GraphQLInterfaceType]) {
        define(fields: fields, declaredInterfaces: interfaces.map { .interface($0) })
    }

    /// Sets the fields and the types named after `implements` (which SDL may get wrong).
    public func define(fields: [GraphQLField], declaredInterfaces: [GraphQLNamedType]) {
        fieldMap = FieldMap(fields)
        self.declaredInterfaces = declaredInterfaces
        self.interfaces = declaredInterfaces.compactMap { if case .interface(let i) = $0 { i } else { nil } }
    }

    /// The fields in order.
    @inlinable public var fields: [GraphQLField] { fieldMap.elements }
    /// The field named `name`, if any.
    @inlinable public func field(named name: String) -> GraphQLField? { fieldMap[name] }
}

/// An interface type. Two-phase construction and `@unchecked Sendable` as for
/// `GraphQLObjectType`.
public final class GraphQLInterfaceType: @unchecked Sendable {
    /// The type name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The fields, in definition order, with lookup by name.
    public private(set) var fieldMap: FieldMap<GraphQLField>
    /// The interfaces this interface implements, in order.
    public private(set) var interfaces: [GraphQLInterfaceType]
    /// The types named after `implements`, interfaces or not (see `GraphQLObjectType`).
    public private(set) var declaredInterfaces: [GraphQLNamedType]
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<InterfaceTypeDefinition>?
    /// The SDL extensions applied to it.
    public let extensionASTNodes: [SourcedNode<InterfaceTypeExtension>]

    /// Creates an interface type (see `GraphQLObjectType.init`).
    public init(
        name: String, description: String? = nil, fields: [GraphQLField] = [],
        interfaces: [GraphQLInterfaceType] = [],
        astNode: SourcedNode<InterfaceTypeDefinition>? = nil,
        extensionASTNodes: [SourcedNode<InterfaceTypeExtension>] = []
    ) {
        self.name = name
        self.description = description
        self.fieldMap = FieldMap(fields)
        self.interfaces = interfaces
        self.declaredInterfaces = interfaces.map { .interface($0) }
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// Sets the fields and interfaces (second construction phase).
    public func define(fields: [GraphQLField], interfaces: [GraphQLInterfaceType]) {
        define(fields: fields, declaredInterfaces: interfaces.map { .interface($0) })
    }

    /// Sets the fields and the types named after `implements` (which SDL may get wrong).
    public func define(fields: [GraphQLField], declaredInterfaces: [GraphQLNamedType]) {
        fieldMap = FieldMap(fields)
        self.declaredInterfaces = declaredInterfaces
        self.interfaces = declaredInterfaces.compactMap { if case .interface(let i) = $0 { i } else { nil } }
    }

    /// The fields in order.
    @inlinable public var fields: [GraphQLField] { fieldMap.elements }
    /// The field named `name`, if any.
    @inlinable public func field(named name: String) -> GraphQLField? { fieldMap[name] }
}

extension GraphQLObjectType: Hashable {
    public static func == (a: GraphQLObjectType, b: GraphQLObjectType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

extension GraphQLInterfaceType: Hashable {
    public static func == (a: GraphQLInterfaceType, b: GraphQLInterfaceType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

extension GraphQLScalarType: Hashable {
    public static func == (a: GraphQLScalarType, b: GraphQLScalarType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}
