// graphql-js `ExecutableDefinitionsRule`.

/// A document to execute holds only operations and fragments.
public struct ExecutableDefinitionsRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.document] }
    let context: ValidationContext

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: Document) -> VisitAction {
        for definition in node.definitions where !definition.isExecutable {
            let defName: String
            switch definition {
            case .schema, .schemaExtension: defName = "schema"
            default: defName = "\"" + (definitionName(definition) ?? "") + "\""
            }
            context.report("The \(defName) definition is not executable.", [definition.loc])
        }
        return .skipChildren
    }
}

/// The name of a named top-level definition (nil for operations' absent names and schemas).
func definitionName(_ definition: Definition) -> String? {
    switch definition {
    case .operation(let n): n.name?.value
    case .fragment(let n): n.name.value
    case .schema, .schemaExtension: nil
    case .scalarType(let n): n.name.value
    case .objectType(let n): n.name.value
    case .interfaceType(let n): n.name.value
    case .unionType(let n): n.name.value
    case .enumType(let n): n.name.value
    case .inputObjectType(let n): n.name.value
    case .directive(let n): n.name.value
    case .scalarTypeExtension(let n): n.name.value
    case .objectTypeExtension(let n): n.name.value
    case .interfaceTypeExtension(let n): n.name.value
    case .unionTypeExtension(let n): n.name.value
    case .enumTypeExtension(let n): n.name.value
    case .inputObjectTypeExtension(let n): n.name.value
    }
}
