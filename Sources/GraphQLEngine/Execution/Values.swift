// graphql-js `execution/values`: CoerceVariableValues (`getVariableValues`). Argument
// coercion (`getArgumentValues`, `getDirectiveValues`) lives in Utilities.

/// graphql-js `getVariableValues` (with execute's `maxErrors: 50`): the coerced values of
/// the operation's variables, or every coercion error (request errors, located at the
/// variable definitions, without path); the values are complete only when `errors` is empty.
public func coerceVariableValues(
    schema: GraphQLSchema, definitions: [VariableDefinition], inputs: [String: InputValue], source: Source?,
    maxErrors: Int = 50
) -> (values: [String: InputValue], errors: [GraphQLError]) {
    var errors: [GraphQLError] = []
    var coerced: [String: InputValue] = [:]
    var aborted = false
    func report(_ error: GraphQLError) {
        guard !aborted else { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError(
                message: "Too many errors processing variables, error limit reached. Execution aborted."))
            aborted = true
            return
        }
        errors.append(error)
    }
    for definition in definitions {
        if aborted { break }
        let name = definition.variable.name.value
        let at = [NodePosition(offset: definition.loc.start, source: source)]
        guard let type = typeFromAST(schema, definition.type), type.isInputType else {
            report(GraphQLError(
                message: "Variable \"$\(name)\" expected value of type \"\(printAST(definition.type))\" which cannot be used as an input type.",
                at: [NodePosition(offset: definition.type.loc.start, source: source)]))
            continue
        }
        guard let value = inputs[name] else {
            if let defaultValue = definition.defaultValue {
                if let v = valueFromAST(defaultValue, type) { coerced[name] = v }
            } else if type.isNonNull {
                report(GraphQLError(
                    message: "Variable \"$\(name)\" of required type \"\(type)\" was not provided.", at: at))
            }
            continue
        }
        if value.isNull && type.isNonNull {
            report(GraphQLError(
                message: "Variable \"$\(name)\" of non-null type \"\(type)\" must not be null.", at: at))
            continue
        }
        let result = coerceInputValue(value, type) { path, invalidValue, error in
            var prefix = "Variable \"$\(name)\" got invalid value " + inspect(invalidValue)
            if !path.isEmpty { prefix += " at \"\(name)\(printPathArray(path))\"" }
            report(GraphQLError(message: prefix + "; " + error.message, at: at))
        }
        if let result { coerced[name] = result }
    }
    return (coerced, errors)
}
