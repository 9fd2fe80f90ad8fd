// graphql-js `UniqueTypeNamesRule`.

/// Each type is defined once, and not again when the schema being extended has it.
public struct UniqueTypeNamesRule: ASTVisitor {
    let context: SDLValidationContext
    var knownTypeNames: [String: Name] = [:]

    public init(context: SDLValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: ScalarTypeDefinition) -> VisitAction { check(node.name) }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction { check(node.name) }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction { check(node.name) }
    public mutating func enter(_ node: UnionTypeDefinition) -> VisitAction { check(node.name) }
    public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction { check(node.name) }
    public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction { check(node.name) }

    private mutating func check(_ name: Name) -> VisitAction {
        let typeName = name.value
        if context.schema?.type(named: typeName) != nil {
            context.report(
                "Type \"\(typeName)\" already exists in the schema. It cannot also be defined in this type definition.",
                [name.loc])
            return .continue
        }
        if let known = knownTypeNames[typeName] {
            context.report("There can be only one type named \"\(typeName)\".", [known.loc, name.loc])
        } else {
            knownTypeNames[typeName] = name
        }
        return .skipChildren
    }
}
