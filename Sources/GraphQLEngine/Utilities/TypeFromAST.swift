// graphql-js `utilities/typeFromAST`.

/// The schema type a type reference names (graphql-js `typeFromAST`); nil when the named
/// type is not in the schema.
public func typeFromAST(_ schema: GraphQLSchema, _ typeNode: TypeReference) -> GraphQLType? {
    switch typeNode {
    case .named(let n): schema.type(named: n.name.value).map { .named($0) }
    case .list(let l): typeFromAST(schema, l.type).map { .list($0) }
    case .nonNull(let n): typeFromAST(schema, n.type).map { .nonNull($0) }
    }
}
