// graphql-js `utilities/buildASTSchema`: `buildASTSchema` and `buildSchema`.

/// graphql-js `buildASTSchema`: the schema an SDL document defines. Root types come from
/// the `schema` definition, or else are the types named `Query`, `Mutation` and
/// `Subscription`; the specified directives are added unless redefined. Throws every SDL
/// validation error (unless skipped by `options`). Does not run `validateSchema`.
public func buildASTSchema(
    _ document: Document, options: BuildSchemaOptions = BuildSchemaOptions()
) throws(SchemaError) -> GraphQLSchema {
    if !options.assumeValid && !options.assumeValidSDL {
        try assertValidSDL(document)
    }
    var config = try extendSchemaImpl(SchemaConfig(), document, options: options) ?? SchemaConfig()
    if config.astNode == nil {
        for type in config.types {
            switch type.name {
            case "Query": config.query = type
            case "Mutation": config.mutation = type
            case "Subscription": config.subscription = type
            default: break
            }
        }
    }
    let defined = Set(config.directives.map(\.name))
    config.directives += specifiedDirectives.filter { !defined.contains($0.name) }
    return try config.makeSchema(assumeValid: options.assumeValid)
}

/// graphql-js `buildSchema`: parses `source` and builds its schema. Throws a syntax
/// error or every SDL validation error.
public func buildSchema(_ source: String, options: BuildSchemaOptions = BuildSchemaOptions()) throws(SchemaError)
    -> GraphQLSchema
{
    try buildSchema(Source(body: source), options: options)
}

/// `buildSchema` over a named source (the name appears in nothing but helps callers).
public func buildSchema(_ source: Source, options: BuildSchemaOptions = BuildSchemaOptions()) throws(SchemaError)
    -> GraphQLSchema
{
    let document: Document
    do {
        document = try parse(source)
    } catch {
        throw SchemaError([error])
    }
    return try buildASTSchema(document, options: options)
}

/// Everything wrong with an SDL text, for reporting at start-up: the syntax error, or
/// every SDL validation error, or the build error, or every `validateSchema` error. The
/// schema is returned when it was built (it is valid when `errors` is empty).
public func buildSchemaReportingErrors(_ source: Source) -> (schema: GraphQLSchema?, errors: [GraphQLError]) {
    let document: Document
    do {
        document = try parse(source)
    } catch {
        return (nil, [error])
    }
    let sdlErrors = validateSDL(document)
    if !sdlErrors.isEmpty { return (nil, sdlErrors) }
    do {
        let schema = try buildASTSchema(document, options: BuildSchemaOptions(assumeValidSDL: true))
        return (schema, validateSchema(schema))
    } catch {
        return (nil, error.errors)
    }
}
