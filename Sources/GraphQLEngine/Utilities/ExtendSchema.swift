// graphql-js `utilities/extendSchema`: `extendSchema`, and `extendSchemaImpl`, which
// also builds schemas from SDL (`buildASTSchema` extends an empty schema).

/// Options of `buildASTSchema`, `buildSchema` and `extendSchema`.
public struct BuildSchemaOptions: Sendable {
    /// Skip SDL validation and mark the schema valid without `validateSchema`.
    public var assumeValid: Bool
    /// Skip SDL validation only.
    public var assumeValidSDL: Bool
    /// Implementations of the custom scalars the document defines, by name: a scalar named
    /// here gets their `serialize`, `parseValue` and `parseLiteral` (its description,
    /// `@specifiedBy` URL and AST nodes still come from the SDL). Schema-first servers
    /// define scalars in SDL and implement them in code; input coercion (validation and
    /// execution) reads them from the schema, so they must be there when it is built.
    public var scalarImplementations: [String: GraphQLScalarType]
    /// Creates options (both checks on by default).
    public init(
        assumeValid: Bool = false, assumeValidSDL: Bool = false,
        scalarImplementations: [String: GraphQLScalarType] = [:]
    ) {
        self.assumeValid = assumeValid
        self.assumeValidSDL = assumeValidSDL
        self.scalarImplementations = scalarImplementations
    }
}

/// graphql-js `extendSchema`: a new schema with the definitions and extensions of
/// `document` applied to `schema` (which is returned unchanged when `document` adds
/// nothing). Throws every SDL validation error, or an error from building.
public func extendSchema(
    _ schema: GraphQLSchema, _ document: Document, options: BuildSchemaOptions = BuildSchemaOptions()
) throws(SchemaError) -> GraphQLSchema {
    if !options.assumeValid && !options.assumeValidSDL {
        let errors = validateSDL(document, schema: schema)
        if !errors.isEmpty { throw SchemaError(errors) }
    }
    let config = SchemaConfig(schema)
    guard let extended = try extendSchemaImpl(config, document, options: options) else { return schema }
    return try extended.makeSchema(assumeValid: options.assumeValid)
}

/// The parts of a schema (graphql-js `GraphQLSchemaConfig`).
struct SchemaConfig {
    var description: String?
    var query: GraphQLNamedType?
    var mutation: GraphQLNamedType?
    var subscription: GraphQLNamedType?
    var types: [GraphQLNamedType]
    var directives: [GraphQLDirective]
    var astNode: SourcedNode<SchemaDefinition>?
    var extensionASTNodes: [SourcedNode<SchemaExtension>]

    init(
        description: String? = nil, query: GraphQLNamedType? = nil, mutation: GraphQLNamedType? = nil,
        subscription: GraphQLNamedType? = nil, types: [GraphQLNamedType] = [], directives: [GraphQLDirective] = [],
        astNode: SourcedNode<SchemaDefinition>? = nil, extensionASTNodes: [SourcedNode<SchemaExtension>] = []
    ) {
        self.description = description
        self.query = query
        self.mutation = mutation
        self.subscription = subscription
        self.types = types
        self.directives = directives
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// graphql-js `schema.toConfig()`.
    init(_ schema: GraphQLSchema) {
        self.init(
            description: schema.description, query: schema.queryRoot, mutation: schema.mutationRoot,
            subscription: schema.subscriptionRoot, types: schema.types, directives: schema.directives,
            astNode: schema.astNode, extensionASTNodes: schema.extensionASTNodes)
    }

    func makeSchema(assumeValid: Bool) throws(SchemaError) -> GraphQLSchema {
        try GraphQLSchema(
            query: query, mutation: mutation, subscription: subscription, types: types, directives: directives,
            description: description, astNode: astNode, extensionASTNodes: extensionASTNodes,
            assumeValid: assumeValid)
    }
}

/// graphql-js `extendSchemaImpl`: the config extended by `document`, or nil when the
/// document defines and extends nothing.
func extendSchemaImpl(
    _ config: SchemaConfig, _ document: Document, options: BuildSchemaOptions
) throws(SchemaError) -> SchemaConfig? {
    let extender = SchemaExtender(source: document.source, scalarImplementations: options.scalarImplementations)
    for definition in document.definitions { extender.collect(definition) }
    guard extender.hasWork else { return nil }
    do {
        return try extender.extend(config)
    } catch let error as SchemaError {
        throw error
    } catch let error as GraphQLError {
        throw SchemaError([error])
    } catch {
        throw SchemaError(message: String(describing: error))
    }
}

/// The specified scalars and introspection types, which SDL never redefines.
let standardTypeMap: [String: GraphQLNamedType] = {
    var map: [String: GraphQLNamedType] = [:]
    for s in specifiedScalarTypes { map[s.name] = .scalar(s) }
    for t in Introspection.types { map[t.name] = t }
    return map
}()

/// An insertion-ordered name → type map (JavaScript object semantics: reassigning a
/// name keeps its position).
struct OrderedTypeMap {
    private(set) var names: [String] = []
    private(set) var types: [String: GraphQLNamedType] = [:]

    subscript(name: String) -> GraphQLNamedType? {
        get { types[name] }
        set {
            if types[name] == nil { names.append(name) }
            types[name] = newValue
        }
    }

    var values: [GraphQLNamedType] { names.compactMap { types[$0] } }
}

/// The state of one `extendSchemaImpl` run (a class: the second-phase closures refer to it).
final class SchemaExtender {
    let source: Source?
    let scalarImplementations: [String: GraphQLScalarType]
    var typeDefs: [Definition] = []
    var typeExtensions: [String: [Definition]] = [:]
    var directiveDefs: [DirectiveDefinition] = []
    var schemaDef: SchemaDefinition?
    var schemaExtensions: [SchemaExtension] = []
    var typeMap = OrderedTypeMap()
    /// Second-phase work: filling fields, interfaces and members once every type exists.
    var pending: [() throws -> Void] = []

    init(source: Source?, scalarImplementations: [String: GraphQLScalarType] = [:]) {
        self.source = source
        self.scalarImplementations = scalarImplementations
    }

    var hasWork: Bool {
        !typeExtensions.isEmpty || !typeDefs.isEmpty || !directiveDefs.isEmpty || !schemaExtensions.isEmpty
            || schemaDef != nil
    }

    func collect(_ definition: Definition) {
        switch definition {
        case .schema(let d): schemaDef = d
        case .schemaExtension(let d): schemaExtensions.append(d)
        case .scalarType, .objectType, .interfaceType, .unionType, .enumType, .inputObjectType:
            typeDefs.append(definition)
        case .scalarTypeExtension(let d): typeExtensions[d.name.value, default: []].append(definition)
        case .objectTypeExtension(let d): typeExtensions[d.name.value, default: []].append(definition)
        case .interfaceTypeExtension(let d): typeExtensions[d.name.value, default: []].append(definition)
        case .unionTypeExtension(let d): typeExtensions[d.name.value, default: []].append(definition)
        case .enumTypeExtension(let d): typeExtensions[d.name.value, default: []].append(definition)
        case .inputObjectTypeExtension(let d): typeExtensions[d.name.value, default: []].append(definition)
        case .directive(let d): directiveDefs.append(d)
        case .operation, .fragment: break
        }
    }

    func sourced<N: ASTNode>(_ node: N) -> SourcedNode<N> { SourcedNode(node, source: source) }

    func extend(_ config: SchemaConfig) throws -> SchemaConfig {
        for existing in config.types {
            typeMap[existing.name] = try extendNamedType(existing)
        }
        for def in typeDefs {
            guard let name = typeDefinitionName(def) else { continue }
            typeMap[name] = try standardTypeMap[name] ?? buildType(def)
        }
        // Every type now exists: fill in what refers to other types.
        for fill in pending { try fill() }
        pending = []

        var result = config
        result.query = config.query.map(replaceNamedType)
        result.mutation = config.mutation.map(replaceNamedType)
        result.subscription = config.subscription.map(replaceNamedType)
        var operationNodes: [OperationTypeDefinition] = schemaDef?.operationTypes ?? []
        operationNodes += schemaExtensions.flatMap(\.operationTypes)
        for op in operationNodes {
            let type = try namedType(op.type)
            switch op.operation {
            case .query: result.query = type
            case .mutation: result.mutation = type
            case .subscription: result.subscription = type
            }
        }
        result.description = schemaDef?.description?.value
        result.types = typeMap.values
        result.directives = try config.directives.map(replaceDirective) + directiveDefs.map(buildDirective)
        result.astNode = schemaDef.map(sourced) ?? config.astNode
        result.extensionASTNodes = config.extensionASTNodes + schemaExtensions.map(sourced)
        return result
    }

    // MARK: Replacing references to existing types

    func replaceNamedType(_ type: GraphQLNamedType) -> GraphQLNamedType {
        typeMap[type.name] ?? type
    }

    func replaceType(_ type: GraphQLType) -> GraphQLType {
        switch type {
        case .named(let n): .named(replaceNamedType(n))
        case .list(let t): .list(replaceType(t))
        case .nonNull(let t): .nonNull(replaceType(t))
        }
    }

    func replaceDirective(_ directive: GraphQLDirective) -> GraphQLDirective {
        if isSpecifiedDirective(directive) { return directive }  // only refers to built-in scalars
        return directive.with(args: directive.args.map { $0.with(type: replaceType($0.type)) })
    }

    func extendField(_ field: GraphQLField) -> GraphQLField {
        field.with(type: replaceType(field.type), args: field.args.map { $0.with(type: replaceType($0.type)) })
    }

    // MARK: Types from AST

    func namedType(_ node: NamedType) throws -> GraphQLNamedType {
        let name = node.name.value
        guard let type = standardTypeMap[name] ?? typeMap[name] else {
            throw SchemaError(message: "Unknown type: \"\(name)\".")
        }
        return type
    }

    func wrappedType(_ node: TypeReference) throws -> GraphQLType {
        switch node {
        case .named(let n): .named(try namedType(n))
        case .list(let l): .list(try wrappedType(l.type))
        case .nonNull(let n): .nonNull(try wrappedType(n.type))
        }
    }

    func buildDirective(_ node: DirectiveDefinition) throws -> GraphQLDirective {
        GraphQLDirective(
            name: node.name.value, description: node.description?.value,
            locations: node.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
            args: try buildArguments(node.arguments), isRepeatable: node.repeatable, astNode: sourced(node))
    }

    func buildFields(_ nodes: [FieldDefinition]) throws -> [GraphQLField] {
        try nodes.map { field in
            GraphQLField(
                name: field.name.value, type: try wrappedType(field.type), description: field.description?.value,
                args: try buildArguments(field.arguments), deprecationReason: try deprecationReason(field.directives),
                astNode: sourced(field))
        }
    }

    func buildArguments(_ nodes: [InputValueDefinition]) throws -> [GraphQLArgument] {
        // Through a FieldMap: a repeated name keeps its first position and last definition.
        FieldMap(try buildInputValues(nodes)).elements
    }

    func buildInputValues(_ nodes: [InputValueDefinition]) throws -> [GraphQLInputValue] {
        try nodes.map { node in
            let type = try wrappedType(node.type)
            return GraphQLInputValue(
                name: node.name.value, type: type, description: node.description?.value,
                defaultValue: valueFromAST(node.defaultValue, type),
                deprecationReason: try deprecationReason(node.directives), astNode: sourced(node))
        }
    }

    func buildEnumValues(_ nodes: [EnumValueDefinition]) throws -> [GraphQLEnumValue] {
        try nodes.map { node in
            GraphQLEnumValue(
                name: node.name.value, description: node.description?.value,
                deprecationReason: try deprecationReason(node.directives), astNode: sourced(node))
        }
    }

    func deprecationReason(_ directives: [Directive]) throws -> String? {
        let values = try getDirectiveValues(GraphQLDeprecatedDirective, directives, source: source)
        return values?["reason"]?.stringValue
    }

    func specifiedByURL(_ directives: [Directive]) throws -> String? {
        let values = try getDirectiveValues(GraphQLSpecifiedByDirective, directives, source: source)
        return values?["url"]?.stringValue
    }

    func isOneOf(_ directives: [Directive]) throws -> Bool {
        try getDirectiveValues(GraphQLOneOfDirective, directives, source: source) != nil
    }
}

func typeDefinitionName(_ def: Definition) -> String? {
    switch def {
    case .scalarType(let d): d.name.value
    case .objectType(let d): d.name.value
    case .interfaceType(let d): d.name.value
    case .unionType(let d): d.name.value
    case .enumType(let d): d.name.value
    case .inputObjectType(let d): d.name.value
    default: nil
    }
}
