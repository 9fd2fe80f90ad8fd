// graphql-js `utilities/valueFromAST` (16.11, with the OneOf check).

/// graphql-js `valueFromAST`: the value of a literal for an expected input type, or nil
/// (graphql-js `undefined`) when the literal is invalid for it. Variables take their
/// values from `variables`; a missing one counts as "no value".
public func valueFromAST(
    _ valueNode: Value?, _ type: GraphQLType, variables: [String: InputValue]? = nil
) -> InputValue? {
    guard let valueNode else { return nil }
    if case .variable(let v) = valueNode {
        guard let variableValue = variables?[v.name.value] else { return nil }
        if variableValue.isNull && type.isNonNull { return nil }
        return variableValue
    }
    switch type {
    case .nonNull(let inner):
        if case .null = valueNode { return nil }
        return valueFromAST(valueNode, inner, variables: variables)
    case .list(let itemType):
        if case .null = valueNode { return .null }
        guard case .list(let list) = valueNode else {
            return valueFromAST(valueNode, itemType, variables: variables).map { .list([$0]) }
        }
        var coerced: [InputValue] = []
        coerced.reserveCapacity(list.values.count)
        for itemNode in list.values {
            if isMissingVariable(itemNode, variables) {
                if itemType.isNonNull { return nil }
                coerced.append(.null)
            } else {
                guard let item = valueFromAST(itemNode, itemType, variables: variables) else { return nil }
                coerced.append(item)
            }
        }
        return .list(coerced)
    case .named(let named):
        if case .null = valueNode { return .null }
        switch named {
        case .inputObject(let inputType):
            guard case .object(let object) = valueNode else { return nil }
            var fieldNodes: [String: ObjectField] = [:]
            for f in object.fields where fieldNodes[f.name.value] == nil { fieldNodes[f.name.value] = f }
            var coerced = InputFields()
            for field in inputType.fields {
                guard let fieldNode = fieldNodes[field.name], !isMissingVariable(fieldNode.value, variables) else {
                    if let defaultValue = field.defaultValue {
                        coerced[field.name] = defaultValue
                    } else if field.type.isNonNull {
                        return nil
                    }
                    continue
                }
                guard let value = valueFromAST(fieldNode.value, field.type, variables: variables) else { return nil }
                coerced[field.name] = value
            }
            if inputType.isOneOf {
                if coerced.count != 1 { return nil }
                if coerced.values[0].isNull { return nil }
            }
            return .object(coerced)
        case .scalar(let scalar):
            do {
                return try scalar.parseLiteral(valueNode, variables)
            } catch {
                return nil
            }
        case .enum(let enumType):
            return try? enumType.parseLiteral(valueNode)
        case .object, .interface, .union:
            return nil  // not an input type
        }
    }
}

private func isMissingVariable(_ valueNode: Value, _ variables: [String: InputValue]?) -> Bool {
    guard case .variable(let v) = valueNode else { return false }
    return variables?[v.name.value] == nil
}
