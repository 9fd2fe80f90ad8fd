// graphql-js `validation/validate` (`validate`) for executable documents. SDL documents
// are checked by `validateSDL` (ValidateSDL.swift).

/// graphql-js `validate`: every error the `rules` find in `document` against `schema`,
/// in graphql-js's order; empty when the document is valid.
///
/// All rules run in one walk over the document (graphql-js `visitInParallel` with
/// `visitWithTypeInfo`). After `maxErrors` errors the validation stops, and the list
/// ends with graphql-js's "Too many validation errors, error limit reached. Validation
/// aborted." (which has no location).
///
/// The schema must be valid: graphql-js's `validate` throws when it is not
/// (`assertValidSchema`). Here the schema's errors (`validateSchema`) are returned
/// instead, so that a caller that stops on validation errors stops on these too.
public func validate(
    schema: GraphQLSchema, document: Document, rules: [ValidationRule] = specifiedRules, maxErrors: Int = 100
) -> [GraphQLError] {
    let schemaErrors = validateSchema(schema)
    if !schemaErrors.isEmpty { return schemaErrors }
    let context = ValidationContext(
        schema: schema, document: document, typeInfo: TypeInfo(schema: schema), maxErrors: maxErrors)
    var walker = ValidationWalker(context: context, visitors: rules.map { $0.makeVisitor(context) })
    _ = document.walk(&walker)
    return context.errors
}
