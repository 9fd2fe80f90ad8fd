// graphql-js `PossibleTypeExtensionsRule`.

/// A type extension extends a type that exists (in the document or the schema being
/// extended) and is of the same kind.
public struct PossibleTypeExtensionsRule: ASTVisitor {
    let context: SDLValidationContext
    var definedTypes: [String: Definition] = [:]
    var definedTypeNames: [String] = []

    public init(context: SDLValidationContext) {
        self.context = context
        for def in context.document.definitions {
            guard let name = typeDefinitionName(def) else { continue }
            if definedTypes[name] == nil { definedTypeNames.append(name) }
            definedTypes[name] = def
        }
    }

    public mutating func enter(_ node: ScalarTypeExtension) -> VisitAction { check(node.kind, node.name, node.loc) }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction { check(node.kind, node.name, node.loc) }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction { check(node.kind, node.name, node.loc) }
    public mutating func enter(_ node: UnionTypeExtension) -> VisitAction { check(node.kind, node.name, node.loc) }
    public mutating func enter(_ node: EnumTypeExtension) -> VisitAction { check(node.kind, node.name, node.loc) }
    public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction {
        check(node.kind, node.name, node.loc)
    }

    private func check(_ kind: Kind, _ name: Name, _ loc: Location) -> VisitAction {
        let typeName = name.value
        let defNode = definedTypes[typeName]
        let expectedKind: Kind?
        if let defNode {
            expectedKind = Self.extensionKind(ofDefinition: defNode)
        } else if let existing = context.schema?.type(named: typeName) {
            expectedKind = existing.extensionKind
        } else {
            expectedKind = nil
        }
        if let expectedKind {
            if expectedKind != kind {
                context.report(
                    "Cannot extend non-\(Self.typeName(ofExtension: kind)) type \"\(typeName)\".",
                    defNode.map { [$0.loc, loc] } ?? [loc])
            }
        } else {
            var allTypeNames = definedTypeNames
            for t in context.schema?.types ?? [] where definedTypes[t.name] == nil { allTypeNames.append(t.name) }
            context.report(
                "Cannot extend type \"\(typeName)\" because it is not defined."
                    + didYouMean(suggestionList(typeName, allTypeNames)),
                [name.loc])
        }
        return .continue
    }

    private static func extensionKind(ofDefinition def: Definition) -> Kind? {
        switch def {
        case .scalarType: .scalarTypeExtension
        case .objectType: .objectTypeExtension
        case .interfaceType: .interfaceTypeExtension
        case .unionType: .unionTypeExtension
        case .enumType: .enumTypeExtension
        case .inputObjectType: .inputObjectTypeExtension
        default: nil
        }
    }

    private static func typeName(ofExtension kind: Kind) -> String {
        switch kind {
        case .scalarTypeExtension: "scalar"
        case .objectTypeExtension: "object"
        case .interfaceTypeExtension: "interface"
        case .unionTypeExtension: "union"
        case .enumTypeExtension: "enum"
        default: "input object"
        }
    }
}
