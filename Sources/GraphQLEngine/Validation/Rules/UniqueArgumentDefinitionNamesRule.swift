// graphql-js `UniqueArgumentDefinitionNamesRule`.

/// Each argument of a field or directive definition is defined once.
public struct UniqueArgumentDefinitionNamesRule: ASTVisitor {
    let context: SDLValidationContext

    public init(context: SDLValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction {
        check("@\(node.name.value)", node.arguments)
        return .skipChildren
    }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction { checkPerField(node.name, node.fields) }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction { checkPerField(node.name, node.fields) }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction { checkPerField(node.name, node.fields) }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction { checkPerField(node.name, node.fields) }

    private func checkPerField(_ typeName: Name, _ fields: [FieldDefinition]) -> VisitAction {
        for field in fields { check("\(typeName.value).\(field.name.value)", field.arguments) }
        return .skipChildren
    }

    private func check(_ parentName: String, _ arguments: [InputValueDefinition]) {
        for (argName, nodes) in groupByName(arguments, { $0.name.value }) where nodes.count > 1 {
            context.report(
                "Argument \"\(parentName)(\(argName):)\" can only be defined once.", nodes.map(\.name.loc))
        }
    }
}
