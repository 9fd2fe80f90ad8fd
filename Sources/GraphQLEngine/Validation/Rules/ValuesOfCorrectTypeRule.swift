// graphql-js `ValuesOfCorrectTypeRule` (16.11, with the OneOf checks).

/// Every literal value is valid for the input type expected where it appears: leaf
/// values parse, lists and input objects have the right shape, required input fields
/// are given, unknown ones are not, and a OneOf input object gets exactly one non-null field.
public struct ValuesOfCorrectTypeRule: ValidationRuleVisitor {
    public static var enteredKinds: KindSet {
        [
            .operationDefinition, .variableDefinition, .listValue, .objectValue, .objectField, .nullValue,
            .enumValue, .intValue, .floatValue, .stringValue, .booleanValue,
        ]
    }
    let context: ValidationContext
    /// The current operation's variable definitions (the last of a repeated name wins).
    var variableDefinitions: [String: VariableDefinition] = [:]

    public init(context: ValidationContext) {
        self.context = context
    }

    public mutating func enter(_ node: OperationDefinition) -> VisitAction {
        variableDefinitions.removeAll(keepingCapacity: true)
        return .continue
    }

    public mutating func enter(_ node: VariableDefinition) -> VisitAction {
        variableDefinitions[node.variable.name.value] = node
        return .continue
    }

    public mutating func enter(_ node: ListValue) -> VisitAction {
        // TypeInfo has already moved to the item type: the list type is the parent's.
        guard context.parentInputType?.nullableType.isList == true else {
            checkValidValue(.list(node))
            return .skipChildren
        }
        return .continue
    }

    public mutating func enter(_ node: ObjectValue) -> VisitAction {
        guard case .inputObject(let type)? = context.inputType?.namedType else {
            checkValidValue(.object(node))
            return .skipChildren
        }
        for fieldDef in type.fields where fieldDef.isRequired {
            if !node.fields.contains(where: { $0.name.value == fieldDef.name }) {
                context.report(
                    "Field \"\(type.name).\(fieldDef.name)\" of required type \"\(fieldDef.type)\" was not provided.",
                    [node.loc])
            }
        }
        if type.isOneOf { validateOneOfInputObject(node, type) }
        return .continue
    }

    public mutating func enter(_ node: ObjectField) -> VisitAction {
        if context.inputType == nil, case .inputObject(let parentType)? = context.parentInputType?.namedType {
            context.report(
                "Field \"\(node.name.value)\" is not defined by type \"\(parentType.name)\"."
                    + didYouMean(suggestionList(node.name.value, parentType.fieldMap.names)),
                [node.loc])
        }
        return .continue
    }

    public mutating func enter(_ node: NullValue) -> VisitAction {
        if let type = context.inputType, type.isNonNull {
            context.report("Expected value of type \"\(type)\", found null.", [node.loc])
        }
        return .continue
    }

    public mutating func enter(_ node: EnumValue) -> VisitAction { checkValidValue(.enumValue(node)) }
    public mutating func enter(_ node: IntValue) -> VisitAction { checkValidValue(.int(node)) }
    public mutating func enter(_ node: FloatValue) -> VisitAction { checkValidValue(.float(node)) }
    public mutating func enter(_ node: StringValue) -> VisitAction { checkValidValue(.string(node)) }
    public mutating func enter(_ node: BooleanValue) -> VisitAction { checkValidValue(.boolean(node)) }

    /// graphql-js `isValidValueNode`: a leaf literal must parse for the leaf type expected.
    @discardableResult
    private func checkValidValue(_ node: Value) -> VisitAction {
        guard let locationType = context.inputType else { return .continue }
        let type = locationType.namedType
        let parsed: InputValue?
        do {
            switch type {
            case .scalar(let scalar): parsed = try scalar.parseLiteral(node, nil)
            case .enum(let enumType): parsed = try enumType.parseLiteral(node, source: context.document.source)
            default:
                context.report("Expected value of type \"\(locationType)\", found \(printAST(node)).", [node.loc])
                return .continue
            }
        } catch {
            // graphql-js's scalars locate their errors at the literal; ours leave that to the caller.
            if error.positions.isEmpty && error.locations.isEmpty {
                context.report(error.message, [node.loc])
            } else {
                context.reportError(error)
            }
            return .continue
        }
        if parsed == nil {
            context.report("Expected value of type \"\(locationType)\", found \(printAST(node)).", [node.loc])
        }
        return .continue
    }

    /// graphql-js `validateOneOfInputObject` (16.9+).
    private func validateOneOfInputObject(_ node: ObjectValue, _ type: GraphQLInputObjectType) {
        // graphql-js keys the fields by name (the last of a repeated name wins).
        var keys: [String] = []
        var lastValue: [String: Value] = [:]
        for field in node.fields {
            if lastValue.updateValue(field.value, forKey: field.name.value) == nil { keys.append(field.name.value) }
        }
        guard keys.count == 1 else {
            context.report("OneOf Input Object \"\(type.name)\" must specify exactly one key.", [node.loc])
            return
        }
        switch lastValue[keys[0]] {
        case .null?, nil:
            context.report("Field \"\(type.name).\(keys[0])\" must be non-null.", [node.loc])
        case .variable(let variable)?:
            let variableName = variable.name.value
            // graphql-js reads the definition's type unguarded and throws a TypeError for
            // an undefined variable; NoUndefinedVariablesRule reports that case, so skip it.
            if let definition = variableDefinitions[variableName], !definition.type.isNonNullTypeNode {
                context.report(
                    "Variable \"\(variableName)\" must be non-nullable to be used for OneOf Input Object \"\(type.name)\".",
                    [node.loc])
            }
        default:
            break
        }
    }
}
