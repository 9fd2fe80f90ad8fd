// graphql-js `UniqueFieldDefinitionNamesRule`.

/// Each field of an object, interface or input object type is defined once, across its
/// definition and extensions and the schema being extended.
public struct UniqueFieldDefinitionNamesRule: ASTVisitor {
    let context: SDLValidationContext
    var knownFieldNames: [String: [String: Name]] = [:]

    public init(context: SDLValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: InputObjectTypeDefinition) -> VisitAction {
        check(node.name.value, node.fields.map(\.name))
    }
    public mutating func enter(_ node: InputObjectTypeExtension) -> VisitAction {
        check(node.name.value, node.fields.map(\.name))
    }
    public mutating func enter(_ node: InterfaceTypeDefinition) -> VisitAction {
        check(node.name.value, node.fields.map(\.name))
    }
    public mutating func enter(_ node: InterfaceTypeExtension) -> VisitAction {
        check(node.name.value, node.fields.map(\.name))
    }
    public mutating func enter(_ node: ObjectTypeDefinition) -> VisitAction {
        check(node.name.value, node.fields.map(\.name))
    }
    public mutating func enter(_ node: ObjectTypeExtension) -> VisitAction {
        check(node.name.value, node.fields.map(\.name))
    }

    private mutating func check(_ typeName: String, _ fieldNames: [Name]) -> VisitAction {
        var names = knownFieldNames[typeName] ?? [:]
        let existing = context.schema?.type(named: typeName)
        for name in fieldNames {
            let fieldName = name.value
            if Self.hasField(existing, fieldName) {
                context.report(
                    "Field \"\(typeName).\(fieldName)\" already exists in the schema. It cannot also be defined in this type extension.",
                    [name.loc])
            } else if let known = names[fieldName] {
                context.report("Field \"\(typeName).\(fieldName)\" can only be defined once.", [known.loc, name.loc])
            } else {
                names[fieldName] = name
            }
        }
        knownFieldNames[typeName] = names
        return .skipChildren
    }

    private static func hasField(_ type: GraphQLNamedType?, _ fieldName: String) -> Bool {
        switch type {
        case .object(let t)?: t.field(named: fieldName) != nil
        case .interface(let t)?: t.field(named: fieldName) != nil
        case .inputObject(let t)?: t.field(named: fieldName) != nil
        default: false
        }
    }
}
