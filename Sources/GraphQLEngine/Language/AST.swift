// AST node structs, mirroring graphql-js 16 `ast.ts` (field order = QueryDocumentKeys traversal order).
// Field order is traversal order; the walks in Visitor+Walk*.swift follow it.
// Optional fields are spelled `Optional<T>`, not `T?`: a `var x: T?` gets an implicit
// `= nil` initial value, which makes each init assign over it, and the optimizer then
// leaves a full copy + destroy of the node in every initializer call (measured on parse).

// Executable-document nodes. Type-system nodes are in ASTTypeSystem.swift.

/// A name (identifier) with its location.
public struct Name: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .name }
    /// The identifier text.
    public var value: String
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(value: String, loc: Location = Location()) {
        self.value = value
        self.loc = loc
    }
}

/// The root of a parsed GraphQL document.
public struct Document: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .document }
    /// Top-level definitions in source order.
    public var definitions: [Definition]
    /// The source it was parsed from (to turn `loc` into line/column); nil when synthesized.
    public var source: Optional<Source>
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(definitions: [Definition] = [], source: Source? = nil, loc: Location = Location()) {
        self.definitions = definitions
        self.source = source
        self.loc = loc
    }
}

/// A query, mutation or subscription.
public struct OperationDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .operationDefinition }
    /// The operation type.
    public var operation: OperationType
    /// The operation name, if any.
    public var name: Optional<Name>
    /// Declared variables.
    public var variableDefinitions: [VariableDefinition]
    /// Directives applied to the operation.
    public var directives: [Directive]
    /// The selections.
    public var selectionSet: SelectionSet
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(operation: OperationType, name: Name? = nil, variableDefinitions: [VariableDefinition] = [], directives: [Directive] = [], selectionSet: SelectionSet, loc: Location = Location()) {
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// A variable declaration `$name: Type = default @dir`.
public struct VariableDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .variableDefinition }
    /// The variable.
    public var variable: Variable
    /// Its declared type.
    public var type: TypeReference
    /// Its default value (constant).
    public var defaultValue: Optional<Value>
    /// Directives on the definition.
    public var directives: [Directive]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(variable: Variable, type: TypeReference, defaultValue: Value? = nil, directives: [Directive] = [], loc: Location = Location()) {
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// A variable reference `$name`.
public struct Variable: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .variable }
    /// The variable name (without `$`).
    public var name: Name
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, loc: Location = Location()) {
        self.name = name
        self.loc = loc
    }
}

/// A `{ ... }` selection set.
public struct SelectionSet: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .selectionSet }
    /// The selections, in order.
    public var selections: [Selection]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(selections: [Selection] = [], loc: Location = Location()) {
        self.selections = selections
        self.loc = loc
    }
}

/// A field selection `alias: name(args) @dirs { ... }`.
public struct Field: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .field }
    /// The alias, if any.
    public var alias: Optional<Name>
    /// The field name.
    public var name: Name
    /// Arguments.
    public var arguments: [Argument]
    /// Directives.
    public var directives: [Directive]
    /// Sub-selections, if any.
    public var selectionSet: Optional<SelectionSet>
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(alias: Name? = nil, name: Name, arguments: [Argument] = [], directives: [Directive] = [], selectionSet: SelectionSet? = nil, loc: Location = Location()) {
        self.alias = alias
        self.name = name
        self.arguments = arguments
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// An argument `name: value`.
public struct Argument: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .argument }
    /// Argument name.
    public var name: Name
    /// Argument value.
    public var value: Value
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, value: Value, loc: Location = Location()) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// A fragment spread `...Name @dirs`.
public struct FragmentSpread: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .fragmentSpread }
    /// The fragment name.
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

/// An inline fragment `... on Type @dirs { ... }`.
public struct InlineFragment: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .inlineFragment }
    /// The type condition, if any.
    public var typeCondition: Optional<NamedType>
    /// Directives.
    public var directives: [Directive]
    /// The selections.
    public var selectionSet: SelectionSet
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(typeCondition: NamedType? = nil, directives: [Directive] = [], selectionSet: SelectionSet, loc: Location = Location()) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// A fragment definition `fragment Name on Type { ... }`.
public struct FragmentDefinition: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .fragmentDefinition }
    /// The fragment name.
    public var name: Name
    /// The type condition.
    public var typeCondition: NamedType
    /// Directives.
    public var directives: [Directive]
    /// The selections.
    public var selectionSet: SelectionSet
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, typeCondition: NamedType, directives: [Directive] = [], selectionSet: SelectionSet, loc: Location = Location()) {
        self.name = name
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// An integer literal (kept as source text).
public struct IntValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .intValue }
    /// The literal text, e.g. `-12`.
    public var value: String
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(value: String, loc: Location = Location()) {
        self.value = value
        self.loc = loc
    }
}

/// A float literal (kept as source text).
public struct FloatValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .floatValue }
    /// The literal text, e.g. `1.5e3`.
    public var value: String
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(value: String, loc: Location = Location()) {
        self.value = value
        self.loc = loc
    }
}

/// A string or block string literal.
public struct StringValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .stringValue }
    /// The decoded value.
    public var value: String
    /// Whether it was written as a block string.
    public var block: Bool
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(value: String, block: Bool = false, loc: Location = Location()) {
        self.value = value
        self.block = block
        self.loc = loc
    }
}

/// A `true` / `false` literal.
public struct BooleanValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .booleanValue }
    /// The value.
    public var value: Bool
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(value: Bool, loc: Location = Location()) {
        self.value = value
        self.loc = loc
    }
}

/// The `null` literal.
public struct NullValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .nullValue }
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(loc: Location = Location()) {
        self.loc = loc
    }
}

/// An enum literal (a bare name).
public struct EnumValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .enumValue }
    /// The enum value name.
    public var value: String
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(value: String, loc: Location = Location()) {
        self.value = value
        self.loc = loc
    }
}

/// A list literal `[a, b]`.
public struct ListValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .listValue }
    /// The items.
    public var values: [Value]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(values: [Value] = [], loc: Location = Location()) {
        self.values = values
        self.loc = loc
    }
}

/// An input object literal `{a: 1}`.
public struct ObjectValue: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .objectValue }
    /// The fields.
    public var fields: [ObjectField]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(fields: [ObjectField] = [], loc: Location = Location()) {
        self.fields = fields
        self.loc = loc
    }
}

/// A field `name: value` of an object literal.
public struct ObjectField: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .objectField }
    /// Field name.
    public var name: Name
    /// Field value.
    public var value: Value
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, value: Value, loc: Location = Location()) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// An applied directive `@name(args)`.
public struct Directive: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .directive }
    /// Directive name (without `@`).
    public var name: Name
    /// Arguments.
    public var arguments: [Argument]
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, arguments: [Argument] = [], loc: Location = Location()) {
        self.name = name
        self.arguments = arguments
        self.loc = loc
    }
}

/// A named type reference.
public struct NamedType: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .namedType }
    /// The type name.
    public var name: Name
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(name: Name, loc: Location = Location()) {
        self.name = name
        self.loc = loc
    }
}

/// A list type reference `[T]`.
public struct ListType: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .listType }
    /// The item type.
    public var type: TypeReference
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(type: TypeReference, loc: Location = Location()) {
        self.type = type
        self.loc = loc
    }
}

/// A non-null type reference `T!` (the inner type is never non-null).
public struct NonNullType: ASTNode {
    /// The node kind (graphql-js `kind`).
    @inlinable public var kind: Kind { .nonNullType }
    /// The nullable inner type.
    public var type: TypeReference
    /// Byte range in the source (`Location()` for synthesized nodes).
    public var loc: Location
    /// Creates the node.
    @inlinable public init(type: TypeReference, loc: Location = Location()) {
        self.type = type
        self.loc = loc
    }
}

