// A set of AST node kinds: which nodes a validation rule's visitor wants to be called on.
// The executable validator dispatches each node only to the rules whose set holds its
// kind, so a rule costs nothing on the nodes it ignores.

/// A set of `Kind`s, stored as a bit set (`Kind` has 43 cases).
public struct KindSet: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// One bit per kind, at `Kind.bitIndex`.
    public var rawValue: UInt64

    /// Creates a set from its bits.
    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Creates a set holding `kinds`.
    @inlinable public init(_ kinds: [Kind]) {
        rawValue = 0
        for kind in kinds { rawValue |= 1 << UInt64(kind.bitIndex) }
    }

    @inlinable public init(arrayLiteral kinds: Kind...) { self.init(kinds) }

    /// Whether the set holds `kind`.
    @inlinable public func contains(_ kind: Kind) -> Bool { rawValue & (1 << UInt64(kind.bitIndex)) != 0 }

    /// Both sets' kinds.
    @inlinable public func union(_ other: KindSet) -> KindSet { KindSet(rawValue: rawValue | other.rawValue) }

    /// Every kind.
    public static let all = KindSet(Kind.allCases)

    /// The kinds of the nodes that carry directives (graphql-js: nodes with a `directives` key).
    public static let directiveHolders: KindSet = [
        .operationDefinition, .variableDefinition, .field, .fragmentSpread, .inlineFragment, .fragmentDefinition,
        .schemaDefinition, .scalarTypeDefinition, .objectTypeDefinition, .fieldDefinition, .inputValueDefinition,
        .interfaceTypeDefinition, .unionTypeDefinition, .enumTypeDefinition, .enumValueDefinition,
        .inputObjectTypeDefinition, .schemaExtension, .scalarTypeExtension, .objectTypeExtension,
        .interfaceTypeExtension, .unionTypeExtension, .enumTypeExtension, .inputObjectTypeExtension,
    ]

    /// The kinds of the top-level type system definitions and extensions.
    public static let typeSystemDefinitions: KindSet = [
        .schemaDefinition, .scalarTypeDefinition, .objectTypeDefinition, .interfaceTypeDefinition,
        .unionTypeDefinition, .enumTypeDefinition, .inputObjectTypeDefinition, .directiveDefinition,
        .schemaExtension, .scalarTypeExtension, .objectTypeExtension, .interfaceTypeExtension,
        .unionTypeExtension, .enumTypeExtension, .inputObjectTypeExtension,
    ]
}

extension Kind {
    /// The kind's position in `Kind.allCases` (its bit in a `KindSet`). A switch rather
    /// than a lookup so that a constant kind folds to a constant index.
    @inlinable public var bitIndex: Int {
        switch self {
        case .name: 0
        case .document: 1
        case .operationDefinition: 2
        case .variableDefinition: 3
        case .variable: 4
        case .selectionSet: 5
        case .field: 6
        case .argument: 7
        case .fragmentSpread: 8
        case .inlineFragment: 9
        case .fragmentDefinition: 10
        case .intValue: 11
        case .floatValue: 12
        case .stringValue: 13
        case .booleanValue: 14
        case .nullValue: 15
        case .enumValue: 16
        case .listValue: 17
        case .objectValue: 18
        case .objectField: 19
        case .directive: 20
        case .namedType: 21
        case .listType: 22
        case .nonNullType: 23
        case .schemaDefinition: 24
        case .operationTypeDefinition: 25
        case .scalarTypeDefinition: 26
        case .objectTypeDefinition: 27
        case .fieldDefinition: 28
        case .inputValueDefinition: 29
        case .interfaceTypeDefinition: 30
        case .unionTypeDefinition: 31
        case .enumTypeDefinition: 32
        case .enumValueDefinition: 33
        case .inputObjectTypeDefinition: 34
        case .directiveDefinition: 35
        case .schemaExtension: 36
        case .scalarTypeExtension: 37
        case .objectTypeExtension: 38
        case .interfaceTypeExtension: 39
        case .unionTypeExtension: 40
        case .enumTypeExtension: 41
        case .inputObjectTypeExtension: 42
        }
    }

    /// The number of kinds.
    static let count = 43
}
