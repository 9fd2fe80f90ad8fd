// graphql-js `execution/values`: `getArgumentValues` and `getDirectiveValues`. The schema
// builder needs them for `@deprecated` and `@specifiedBy`; the executor can use them too.

/// graphql-js `getArgumentValues`: the coerced arguments given at a field or directive
/// (`argumentNodes`) for the definitions `argumentDefinitions`, with defaults applied.
/// Throws graphql-js's errors for missing, null or invalid required arguments.
/// `nodePosition` locates the field or directive; `source` the literals.
public func getArgumentValues(
    _ argumentDefinitions: [GraphQLArgument], _ argumentNodes: [Argument], nodePosition: NodePosition,
    variableValues: [String: InputValue]? = nil
) throws(GraphQLError) -> InputFields {
    var coerced = InputFields()
    let source = nodePosition.source
    for argDef in argumentDefinitions {
        let name = argDef.name
        let argType = argDef.type
        // graphql-js keys the nodes by name (`keyMap`), so of a repeated name the last wins.
        guard let argumentNode = argumentNodes.last(where: { $0.name.value == name }) else {
            if let defaultValue = argDef.defaultValue {
                coerced[name] = defaultValue
            } else if argType.isNonNull {
                throw GraphQLError(
                    message: "Argument \"\(name)\" of required type \"\(argType)\" was not provided.",
                    at: [nodePosition])
            }
            continue
        }
        let valueNode = argumentNode.value
        let valuePosition = NodePosition(offset: valueNode.loc.start, source: source)
        var isNull: Bool
        if case .null = valueNode { isNull = true } else { isNull = false }
        if case .variable(let variable) = valueNode {
            let variableName = variable.name.value
            guard let variableValue = variableValues?[variableName] else {
                if let defaultValue = argDef.defaultValue {
                    coerced[name] = defaultValue
                } else if argType.isNonNull {
                    throw GraphQLError(
                        message: "Argument \"\(name)\" of required type \"\(argType)\" was provided the variable \"$\(variableName)\" which was not provided a runtime value.",
                        at: [valuePosition])
                }
                continue
            }
            isNull = variableValue.isNull
        }
        if isNull && argType.isNonNull {
            throw GraphQLError(
                message: "Argument \"\(name)\" of non-null type \"\(argType)\" must not be null.", at: [valuePosition])
        }
        guard let value = valueFromAST(valueNode, argType, variables: variableValues) else {
            throw GraphQLError(
                message: "Argument \"\(name)\" has invalid value \(printAST(valueNode)).", at: [valuePosition])
        }
        coerced[name] = value
    }
    return coerced
}

/// graphql-js `getDirectiveValues`: the arguments of the first application of `directive`
/// among `directiveNodes`, or nil when it is not applied.
public func getDirectiveValues(
    _ directive: GraphQLDirective, _ directiveNodes: [Directive], source: Source?,
    variableValues: [String: InputValue]? = nil
) throws(GraphQLError) -> InputFields? {
    guard let node = directiveNodes.first(where: { $0.name.value == directive.name }) else { return nil }
    return try getArgumentValues(
        directive.args, node.arguments, nodePosition: NodePosition(offset: node.loc.start, source: source),
        variableValues: variableValues)
}
