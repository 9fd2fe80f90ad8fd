// graphql-js `validation/validate` (`validateSDL`, `assertValidSDL`), `SDLValidationContext`
// and `specifiedSDLRules`. The rules live one per file next to this one; those that
// executable validation shares are generic over `ASTValidationContext`.

/// What the rules shared by SDL and executable validation need from their context
/// (graphql-js `ASTValidationContext`).
public protocol ASTValidationContext: AnyObject {
    /// The document being validated.
    var document: Document { get }
    /// The schema it is checked against (graphql-js `getSchema()`): for SDL the schema
    /// being extended, if any; for executable documents always present.
    var optionalSchema: GraphQLSchema? { get }
    /// Records an error.
    func reportError(_ error: GraphQLError)
}

extension ASTValidationContext {
    /// Reports `message` located at the starts of `nodes` in the document's source.
    public func report(_ message: String, _ nodes: [Location]) {
        reportError(GraphQLError(message: message, source: document.source, positions: nodes.map(\.start)))
    }
}

/// graphql-js `SDLValidationContext`: collects the errors of SDL rules.
public final class SDLValidationContext: ASTValidationContext {
    public let document: Document
    public let schema: GraphQLSchema?
    /// The errors reported so far, in order.
    public private(set) var errors: [GraphQLError] = []

    /// Creates a context for `document`, optionally extending `schema`.
    public init(document: Document, schema: GraphQLSchema?) {
        self.document = document
        self.schema = schema
    }

    public var optionalSchema: GraphQLSchema? { schema }

    public func reportError(_ error: GraphQLError) {
        errors.append(error)
    }
}

/// An SDL validation rule: makes the visitor that checks one document.
public typealias SDLValidationRule = @Sendable (SDLValidationContext) -> any ASTVisitor

/// graphql-js `specifiedSDLRules`, in its order.
public let specifiedSDLRules: [SDLValidationRule] = [
    { LoneSchemaDefinitionRule(context: $0) },
    { UniqueOperationTypesRule(context: $0) },
    { UniqueTypeNamesRule(context: $0) },
    { UniqueEnumValueNamesRule(context: $0) },
    { UniqueFieldDefinitionNamesRule(context: $0) },
    { UniqueArgumentDefinitionNamesRule(context: $0) },
    { UniqueDirectiveNamesRule(context: $0) },
    { KnownTypeNamesRule(context: $0) },
    { KnownDirectivesRule(context: $0) },
    { UniqueDirectivesPerLocationRule(context: $0) },
    { PossibleTypeExtensionsRule(context: $0) },
    { KnownArgumentNamesOnDirectivesRule(context: $0) },
    { UniqueArgumentNamesRule(context: $0) },
    { UniqueInputFieldNamesRule(context: $0) },
    { ProvidedRequiredArgumentsOnDirectivesRule(context: $0) },
]

/// graphql-js `validateSDL`: every error of the SDL rules for `document` (an extension of
/// `schema` when given), in graphql-js's order.
public func validateSDL(
    _ document: Document, schema: GraphQLSchema? = nil, rules: [SDLValidationRule] = specifiedSDLRules
) -> [GraphQLError] {
    let context = SDLValidationContext(document: document, schema: schema)
    var visitor = ParallelVisitor(rules.map { $0(context) })
    visit(document, visitor: &visitor)
    return context.errors
}

/// graphql-js `assertValidSDL` / `assertValidSDLExtension`: throws every SDL error.
public func assertValidSDL(_ document: Document, schema: GraphQLSchema? = nil) throws(SchemaError) {
    let errors = validateSDL(document, schema: schema)
    if !errors.isEmpty { throw SchemaError(errors) }
}

/// graphql-js `groupBy` over names, in order of first appearance.
func groupByName<T>(_ items: [T], _ name: (T) -> String) -> [(String, [T])] {
    var order: [String] = []
    var groups: [String: [T]] = [:]
    for item in items {
        let key = name(item)
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(item)
    }
    return order.map { ($0, groups[$0] ?? []) }
}

extension GraphQLNamedType {
    /// The SDL extension kind matching this type's kind.
    var extensionKind: Kind {
        switch self {
        case .scalar: .scalarTypeExtension
        case .object: .objectTypeExtension
        case .interface: .interfaceTypeExtension
        case .union: .unionTypeExtension
        case .enum: .enumTypeExtension
        case .inputObject: .inputObjectTypeExtension
        }
    }
}

extension TypeReference {
    /// True for a `T!` type reference.
    var isNonNullTypeNode: Bool {
        if case .nonNull = self { return true }
        return false
    }
}
