// graphql-js `UniqueOperationTypesRule`.

/// Each operation type is defined once across schema definitions and extensions, and
/// not redefined for a schema that has it.
public struct UniqueOperationTypesRule: ASTVisitor {
    let context: SDLValidationContext
    var definedOperationTypes: [OperationType: OperationTypeDefinition] = [:]
    let existingOperationTypes: Set<OperationType>

    public init(context: SDLValidationContext) {
        self.context = context
        var existing: Set<OperationType> = []
        if let schema = context.schema {
            if schema.queryRoot != nil { existing.insert(.query) }
            if schema.mutationRoot != nil { existing.insert(.mutation) }
            if schema.subscriptionRoot != nil { existing.insert(.subscription) }
        }
        existingOperationTypes = existing
    }

    public mutating func enter(_ node: SchemaDefinition) -> VisitAction { check(node.operationTypes) }
    public mutating func enter(_ node: SchemaExtension) -> VisitAction { check(node.operationTypes) }

    private mutating func check(_ operationTypes: [OperationTypeDefinition]) -> VisitAction {
        for operationType in operationTypes {
            let operation = operationType.operation
            if existingOperationTypes.contains(operation) {
                context.report(
                    "Type for \(operation.rawValue) already defined in the schema. It cannot be redefined.",
                    [operationType.loc])
            } else if let already = definedOperationTypes[operation] {
                context.report(
                    "There can be only one \(operation.rawValue) type in schema.", [already.loc, operationType.loc])
            } else {
                definedOperationTypes[operation] = operationType
            }
        }
        return .skipChildren
    }
}
