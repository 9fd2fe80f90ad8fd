// graphql-js `KnownTypeNamesRule` (shared by SDL and executable validation).

/// graphql-js's standard type names: the specified scalars, then the introspection types.
let standardTypeNames: [String] =
    specifiedScalarTypes.map(\.name) + [
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue",
        "__TypeKind",
    ]

/// Every named type reference names a type of the schema or of the document. In SDL the
/// standard scalars and introspection types are always known.
public struct KnownTypeNamesRule<Context: ASTValidationContext>: ASTVisitor {
    let context: Context
    /// The type names the document defines, in order, each once.
    let definedTypeNames: [String]
    let definedTypes: Set<String>
    /// Whether the current top-level definition is a type system definition or extension.
    var inSDL = false

    public init(context: Context) {
        self.context = context
        var defined: [String] = []
        var definedSet: Set<String> = []
        for def in context.document.definitions {
            if let name = typeDefinitionName(def), definedSet.insert(name).inserted { defined.append(name) }
        }
        definedTypeNames = defined
        definedTypes = definedSet
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction { inSDL = false; return .continue }
    public mutating func enter(_ node: FragmentDefinition) -> VisitAction { inSDL = false; return .continue }
    public mutating func enter(_ node: SchemaDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: SchemaExtension) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: UnionTypeDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: ScalarTypeExtension) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: UnionTypeExtension) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: EnumTypeExtension) -> VisitAction { inSDL = true; return .continue }
    public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction { inSDL = true; return .continue }

    public mutating func enter(_ node: NamedType) -> VisitAction {
        let typeName = node.name.value
        if context.optionalSchema?.type(named: typeName) != nil { return .continue }
        if !definedTypes.isEmpty && definedTypes.contains(typeName) { return .continue }
        if inSDL && standardTypeNames.contains(typeName) { return .continue }
        // The schema's type names, then the document's (graphql-js `typeNames`).
        let typeNames = (context.optionalSchema?.types.map(\.name) ?? []) + definedTypeNames
        let suggestedTypes = suggestionList(typeName, inSDL ? standardTypeNames + typeNames : typeNames)
        context.report("Unknown type \"\(typeName)\"." + didYouMean(suggestedTypes), [node.loc])
        return .continue
    }
}

extension KnownTypeNamesRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet {
        KindSet.typeSystemDefinitions.union([.namedType, .operationDefinition, .fragmentDefinition])
    }
}
