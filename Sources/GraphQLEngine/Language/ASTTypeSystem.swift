// Mirrors graphql-js 16 `ast.ts` (QueryDocumentKeys order); keep in step with AST.swift and ASTTypeSystem.swift.
// Field order is traversal order; the walks in Visitor+Walk*.swift follow it.
// Optional fields are spelled `Optional<T>`, not `T?`: a `var x: T?` gets an implicit
// `= nil` initial value, which makes each init assign over it, and the optimizer then
// leaves a full copy + destroy of the node in every initializer call (measured on parse).

/// `schema { query: Q }`.
public struct SchemaDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .schemaDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Directives.
    public var directives: [Directive]
    /// Root operation types.
    public var operationTypes: [OperationTypeDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, directives: [Directive] = [], operationTypes: [OperationTypeDefinition] = [], loc: Location = Location()) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// `query: Type` inside a schema definition or extension.
public struct OperationTypeDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .operationTypeDefinition }
    /// The operation.
    public var operation: OperationType
    /// The root type.
    public var type: NamedType
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(operation: OperationType, type: NamedType, loc: Location = Location()) {
        self.operation = operation
        self.type = type
        self.loc = loc
    }
}

/// `scalar Name`.
public struct ScalarTypeDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .scalarTypeDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `type Name implements I { fields }`.
public struct ObjectTypeDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .objectTypeDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Type name.
    public var name: Name
    /// Implemented interfaces.
    public var interfaces: [NamedType]
    /// Directives.
    public var directives: [Directive]
    /// Fields.
    public var fields: [FieldDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// A field definition `name(args): Type`.
public struct FieldDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .fieldDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Field name.
    public var name: Name
    /// Argument definitions.
    public var arguments: [InputValueDefinition]
    /// Field type.
    public var type: TypeReference
    /// Directives.
    public var directives: [Directive]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [], type: TypeReference, directives: [Directive] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.loc = loc
    }
}

/// An argument or input field definition `name: Type = default`.
public struct InputValueDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .inputValueDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Name.
    public var name: Name
    /// Type.
    public var type: TypeReference
    /// Default value (constant).
    public var defaultValue: Optional<Value>
    /// Directives.
    public var directives: [Directive]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, type: TypeReference, defaultValue: Value? = nil, directives: [Directive] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// `interface Name implements I { fields }`.
public struct InterfaceTypeDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .interfaceTypeDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Type name.
    public var name: Name
    /// Implemented interfaces.
    public var interfaces: [NamedType]
    /// Directives.
    public var directives: [Directive]
    /// Fields.
    public var fields: [FieldDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `union Name = A | B`.
public struct UnionTypeDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .unionTypeDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Member types.
    public var types: [NamedType]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], types: [NamedType] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// `enum Name { VALUES }`.
public struct EnumTypeDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .enumTypeDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Values.
    public var values: [EnumValueDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], values: [EnumValueDefinition] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// One value of an enum definition.
public struct EnumValueDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .enumValueDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Value name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `input Name { fields }`.
public struct InputObjectTypeDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .inputObjectTypeDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Input fields.
    public var fields: [InputValueDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], fields: [InputValueDefinition] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `directive @name(args) repeatable on LOCATIONS`.
public struct DirectiveDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .directiveDefinition }
    /// The description, if any.
    public var description: Optional<StringValue>
    /// Directive name (without `@`).
    public var name: Name
    /// Argument definitions.
    public var arguments: [InputValueDefinition]
    /// Whether `repeatable` was given.
    public var repeatable: Bool
    /// Directive locations.
    public var locations: [Name]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [], repeatable: Bool = false, locations: [Name] = [], loc: Location = Location()) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.repeatable = repeatable
        self.locations = locations
        self.loc = loc
    }
}

/// `extend schema @dirs { query: Q }`.
public struct SchemaExtension: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .schemaExtension }
    /// Directives.
    public var directives: [Directive]
    /// Root operation types.
    public var operationTypes: [OperationTypeDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(directives: [Directive] = [], operationTypes: [OperationTypeDefinition] = [], loc: Location = Location()) {
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// `extend scalar Name @dirs`.
public struct ScalarTypeExtension: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .scalarTypeExtension }
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, directives: [Directive] = [], loc: Location = Location()) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `extend type Name ...`.
public struct ObjectTypeExtension: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .objectTypeExtension }
    /// Type name.
    public var name: Name
    /// Added interfaces.
    public var interfaces: [NamedType]
    /// Directives.
    public var directives: [Directive]
    /// Added fields.
    public var fields: [FieldDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], loc: Location = Location()) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `extend interface Name ...`.
public struct InterfaceTypeExtension: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .interfaceTypeExtension }
    /// Type name.
    public var name: Name
    /// Added interfaces.
    public var interfaces: [NamedType]
    /// Directives.
    public var directives: [Directive]
    /// Added fields.
    public var fields: [FieldDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, interfaces: [NamedType] = [], directives: [Directive] = [], fields: [FieldDefinition] = [], loc: Location = Location()) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `extend union Name ...`.
public struct UnionTypeExtension: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .unionTypeExtension }
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Added member types.
    public var types: [NamedType]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, directives: [Directive] = [], types: [NamedType] = [], loc: Location = Location()) {
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// `extend enum Name ...`.
public struct EnumTypeExtension: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .enumTypeExtension }
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Added values.
    public var values: [EnumValueDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, directives: [Directive] = [], values: [EnumValueDefinition] = [], loc: Location = Location()) {
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// `extend input Name ...`.
public struct InputObjectTypeExtension: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .inputObjectTypeExtension }
    /// Type name.
    public var name: Name
    /// Directives.
    public var directives: [Directive]
    /// Added fields.
    public var fields: [InputValueDefinition]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, directives: [Directive] = [], fields: [InputValueDefinition] = [], loc: Location = Location()) {
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

