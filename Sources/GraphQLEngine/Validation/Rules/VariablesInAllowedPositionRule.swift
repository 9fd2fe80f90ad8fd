// graphql-js `VariablesInAllowedPositionRule` (16.11, with the OneOf check).

/// Each variable is used where its type is allowed: its type is a subtype of the
/// position's (a nullable variable may fill a non-null position that has a default, or
/// when the variable has a non-null default), and a OneOf field gets a non-null variable.
public struct VariablesInAllowedPositionRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet { [.operationDefinition, .variableDefinition] }
    public static var leftKinds: KindSet { [.operationDefinition] }
    let context: ValidationContext
    var varDefMap: [String: VariableDefinition] = [:]

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        varDefMap.removeAll(keepingCapacity: true)
        return .continue
    }

    public mutating func enter(_ node: VariableDefinition) -> VisitAction {
        varDefMap[node.variable.name.value] = node
        return .continue
    }

    public mutating func leave(_ operation: OperationDefinition) -> VisitAction {
        guard !varDefMap.isEmpty else { return .continue }
        let schema = context.schema
        for usage in context.recursiveVariableUsages(of: operation) {
            let varName = usage.node.name.value
            guard let varDef = varDefMap[varName], let type = usage.type else { continue }
            // graphql-js reads `varType` in the OneOf check even when it is undefined
            // (an unknown type), where `isNullableType(undefined)` is false.
            let varType = typeFromAST(schema, varDef.type)
            if let varType,
                !allowedVariableUsage(
                    schema, varType, varDef.defaultValue, type, locationHasDefault: usage.defaultValue != nil)
            {
                context.report(
                    "Variable \"$\(varName)\" of type \"\(varType)\" used in position expecting type \"\(type)\".",
                    [varDef.loc, usage.node.loc])
            }
            if case .named(.inputObject(let parentType))? = usage.parentType, parentType.isOneOf,
                let varType, !varType.isNonNull
            {
                context.report(
                    "Variable \"$\(varName)\" is of type \"\(varType)\" but must be non-nullable to be used for OneOf Input Object \"\(parentType.name)\".",
                    [varDef.loc, usage.node.loc])
            }
        }
        return .continue
    }
}

/// graphql-js `allowedVariableUsage`: a nullable variable fits a non-null position only
/// with a non-null default value of its own or a default value at the position.
private func allowedVariableUsage(
    _ schema: GraphQLSchema, _ varType: GraphQLType, _ varDefaultValue: Value?, _ locationType: GraphQLType,
    locationHasDefault: Bool
) -> Bool {
    if case .nonNull(let nullableLocationType) = locationType, !varType.isNonNull {
        var hasNonNullVariableDefaultValue = false
        if let varDefaultValue, varDefaultValue.kind != .nullValue { hasNonNullVariableDefaultValue = true }
        if !hasNonNullVariableDefaultValue && !locationHasDefault { return false }
        return isTypeSubTypeOf(schema, varType, nullableLocationType)
    }
    return isTypeSubTypeOf(schema, varType, locationType)
}
