// Runs `OverlappingFieldsChecker` over a whole document on its own, computing each
// selection set's parent type as graphql-js's `TypeInfo` does. The validator proper
// drives the checker from its own walk and `TypeInfo`; this walk serves callers that
// only want this rule (and the tests, which compare it with graphql-js).

extension OverlappingFieldsChecker {
    /// The errors of graphql-js's `OverlappingFieldsCanBeMergedRule` for `document`, in
    /// graphql-js's order (`validate(schema, document, [OverlappingFieldsCanBeMergedRule])`).
    public static func validate(schema: GraphQLSchema, document: Document) -> [GraphQLError] {
        var checker = OverlappingFieldsChecker(schema: schema, document: document)
        return checker.validate(document: document)
    }

    /// Visits every selection set of `document` in graphql-js's order (definitions in
    /// order, each selection set before the ones inside it) and collects the conflicts.
    mutating func validate(document: Document) -> [GraphQLError] {
        var walk = ParentTypeWalk(schema: schema, checker: self)
        for definition in document.definitions {
            switch definition {
            case .operation(let operation):
                // TypeInfo: the root type, when it is an object type.
                let root = schema.rootType(for: operation.operation).map { GraphQLNamedType.object($0) }
                walk.visit(operation.selectionSet, parentType: root)
            case .fragment(let fragment):
                let type = schema.type(named: fragment.typeCondition.name.value)
                walk.visit(fragment.selectionSet, parentType: compositeOrNil(type))
            default:
                break  // type-system definitions have no selection sets
            }
        }
        self = walk.checker
        return walk.errors
    }
}

/// `type` when it is an object, interface or union (TypeInfo's parent type), else nil.
private func compositeOrNil(_ type: GraphQLNamedType?) -> GraphQLNamedType? {
    guard let type, type.isCompositeType else { return nil }
    return type
}

/// A pre-order walk of selection sets carrying the parent type TypeInfo would report.
private struct ParentTypeWalk {
    let schema: GraphQLSchema
    var checker: OverlappingFieldsChecker
    var errors: [GraphQLError] = []

    mutating func visit(_ selectionSet: SelectionSet, parentType: GraphQLNamedType?) {
        errors += checker.conflicts(in: selectionSet, parentType: parentType)
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard let sub = field.selectionSet else { continue }
                let def = fieldDefinition(parentType, field.name.value)
                visit(sub, parentType: compositeOrNil(def?.type.namedType))
            case .inlineFragment(let inline):
                if let condition = inline.typeCondition {
                    visit(inline.selectionSet, parentType: compositeOrNil(schema.type(named: condition.name.value)))
                } else {
                    visit(inline.selectionSet, parentType: parentType)
                }
            case .fragmentSpread:
                break  // fragment definitions are visited where they are defined
            }
        }
    }

    /// graphql-js `getFieldDef` as TypeInfo uses it: meta fields included.
    func fieldDefinition(_ parentType: GraphQLNamedType?, _ name: String) -> GraphQLField? {
        guard let parentType else { return nil }
        if let query = schema.queryType, case .object(let parent) = parentType, query === parent {
            if name == "__schema" { return Introspection.schemaMetaField }
            if name == "__type" { return Introspection.typeMetaField }
        }
        if name == "__typename", parentType.isCompositeType { return Introspection.typeNameMetaField }
        return parentType.fieldMap?[name]
    }
}
