// graphql-js `UniqueEnumValueNamesRule`.

/// Each enum value is defined once per enum, across its definition and extensions and
/// the schema being extended.
public struct UniqueEnumValueNamesRule: ASTVisitor {
    let context: SDLValidationContext
    var knownValueNames: [String: [String: Name]] = [:]

    public init(context: SDLValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: EnumTypeDefinition) -> VisitAction { check(node.name.value, node.values) }
    public mutating func enter(_ node: EnumTypeExtension) -> VisitAction { check(node.name.value, node.values) }

    private mutating func check(_ typeName: String, _ values: [EnumValueDefinition]) -> VisitAction {
        var valueNames = knownValueNames[typeName] ?? [:]
        var existing: GraphQLEnumType? = nil
        if case .enum(let e)? = context.schema?.type(named: typeName) { existing = e }
        for valueDef in values {
            let valueName = valueDef.name.value
            if existing?.value(named: valueName) != nil {
                context.report(
                    "Enum value \"\(typeName).\(valueName)\" already exists in the schema. It cannot also be defined in this type extension.",
                    [valueDef.name.loc])
            } else if let known = valueNames[valueName] {
                context.report(
                    "Enum value \"\(typeName).\(valueName)\" can only be defined once.", [known.loc, valueDef.name.loc])
            } else {
                valueNames[valueName] = valueDef.name
            }
        }
        knownValueNames[typeName] = valueNames
        return .skipChildren
    }
}
