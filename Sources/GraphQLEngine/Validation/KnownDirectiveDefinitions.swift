// The directive definitions the shared directive rules consult: graphql-js builds a map
// per rule from the schema's directives (or `specifiedDirectives` without a schema),
// then the document's directive definitions. Looking names up on demand gives the same
// answers without building maps for every validated document.

/// A directive as a rule sees it: defined in the document or by the schema.
enum KnownDirective {
    case document(DirectiveDefinition)
    case schema(GraphQLDirective)
}

/// Looks up directives by name: the document's definitions (the last of a name) first,
/// then the schema's, then (without a schema) the specified directives.
struct KnownDirectiveDefinitions {
    let schema: GraphQLSchema?
    let documentDefinitions: [String: DirectiveDefinition]

    init(_ context: some ASTValidationContext) {
        schema = context.optionalSchema
        var definitions: [String: DirectiveDefinition] = [:]
        for case .directive(let def) in context.document.definitions { definitions[def.name.value] = def }
        documentDefinitions = definitions
    }

    func lookup(_ name: String) -> KnownDirective? {
        if !documentDefinitions.isEmpty, let def = documentDefinitions[name] { return .document(def) }
        if let schema {
            return schema.directive(named: name).map { .schema($0) }
        }
        return specifiedDirectives.first { $0.name == name }.map { .schema($0) }
    }
}
