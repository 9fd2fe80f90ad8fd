// graphql-js `GraphQLResolveInfo`, built lazily: the executor hands resolvers a few
// references and numbers; names, types and the path are computed only when read.

/// What a resolver may want to know about the field it resolves.
///
/// Valid for the duration of the resolver call that received it: it refers to the
/// request's execution state without retaining it, which keeps resolver calls free of
/// allocations and reference counting.
public struct ResolveInfo: @unchecked Sendable {
    // @unchecked: the unmanaged references are kept alive by the executor for the whole
    // request (resolvers run within it). `.live` paths read the result tree, which only the
    // executor's task mutates, and only sync resolvers (running on that task, while it
    // waits for them) get `.live` paths; async resolvers get a path materialized before
    // their task starts.
    let request: Unmanaged<RequestShared>
    let field: Unmanaged<PlannedField>
    let location: PathLocation

    enum PathLocation {
        case live(Unmanaged<ResultTree>, node: Int32, offset: Int32)
        case materialized([PathComponent])
    }

    private var shared: RequestShared { request.takeUnretainedValue() }
    private var planned: PlannedField { field.takeUnretainedValue() }

    /// The field's name (not its alias).
    public var fieldName: String { planned.definition.name }
    /// The response key (the alias, or the name).
    public var responseKey: String { planned.responseKey }
    /// The field nodes merged under this response key.
    public var fieldNodes: [Field] { planned.fieldNodes }
    /// The field's definition.
    public var fieldDefinition: GraphQLField { planned.definition }
    /// The field's type.
    public var returnType: GraphQLType { planned.definition.type }
    /// The object type the field belongs to.
    public var parentType: GraphQLObjectType { planned.parentType }
    /// The schema.
    public var schema: GraphQLSchema { shared.prepared.executable.schema }
    /// The fragments of the document, by name.
    public var fragments: [String: FragmentDefinition] { shared.prepared.fragments }
    /// The root value given to `execute`.
    public var rootValue: (any Sendable)? { shared.rootValue }
    /// The operation being executed.
    public var operation: OperationDefinition { shared.operation }
    /// The coerced variable values.
    public var variableValues: [String: InputValue] { shared.variables }
    /// The request's batching scope (for DataLoaders).
    public var batchScope: BatchScope { shared.scope }

    /// The response path of the field (keys and list indices).
    public var path: [PathComponent] {
        switch location {
        case .live(let tree, let node, let offset): tree.takeUnretainedValue().path(node: node, offset: offset)
        case .materialized(let path): path
        }
    }
}
