// graphql-js `LoneSchemaDefinitionRule`: one schema definition, and none when extending
// a schema that has one.

/// A document defines at most one schema, and none when extending a schema that already
/// has one (or has root types).
public struct LoneSchemaDefinitionRule: ASTVisitor {
    let context: SDLValidationContext
    let alreadyDefined: Bool
    var schemaDefinitionsCount = 0

    public init(context: SDLValidationContext) {
        self.context = context
        let old = context.schema
        alreadyDefined =
            old?.astNode != nil || old?.queryRoot != nil || old?.mutationRoot != nil || old?.subscriptionRoot != nil
    }

    public mutating func enter(_ node: SchemaDefinition) -> VisitAction {
        if alreadyDefined {
            context.report("Cannot define a new schema within a schema extension.", [node.loc])
            return .continue
        }
        if schemaDefinitionsCount > 0 {
            context.report("Must provide only one schema definition.", [node.loc])
        }
        schemaDefinitionsCount += 1
        return .continue
    }
}
