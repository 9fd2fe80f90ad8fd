// graphql-js `type/validate` (16.11): the rules a schema must follow beyond what its
// construction guarantees, with graphql-js's messages and locations.

/// graphql-js `validateSchema`: every problem of the schema, in graphql-js's order; empty
/// when the schema is valid. The result is computed once per schema and cached.
public func validateSchema(_ schema: GraphQLSchema) -> [GraphQLError] {
    schema.withValidationCache { schema in
        var context = SchemaValidationContext(schema: schema)
        context.validateRootTypes()
        context.validateDirectives()
        context.validateTypes()
        return context.errors
    }
}

/// graphql-js `assertValidSchema`: throws every error of `validateSchema` (the message
/// joins them with blank lines).
public func assertValidSchema(_ schema: GraphQLSchema) throws(SchemaError) {
    let errors = validateSchema(schema)
    if !errors.isEmpty { throw SchemaError(errors) }
}

struct SchemaValidationContext {
    let schema: GraphQLSchema
    var errors: [GraphQLError] = []

    mutating func report(_ message: String, _ nodes: [NodePosition?]) {
        errors.append(GraphQLError(message: message, at: nodes))
    }

    // MARK: Root types

    mutating func validateRootTypes() {
        if let query = schema.queryRoot {
            if case .object = query {} else {
                report(
                    "Query root type must be Object type, it cannot be \(query.name).",
                    [operationTypeNode(.query) ?? query.astPosition])
            }
        } else {
            report("Query root type must be provided.", [schema.astNode?.position])
        }
        for (operation, root, label) in [
            (OperationType.mutation, schema.mutationRoot, "Mutation"),
            (OperationType.subscription, schema.subscriptionRoot, "Subscription"),
        ] {
            guard let root else { continue }
            if case .object = root { continue }
            report(
                "\(label) root type must be Object type if provided, it cannot be \(root.name).",
                [operationTypeNode(operation) ?? root.astPosition])
        }
    }

    private func operationTypeNode(_ operation: OperationType) -> NodePosition? {
        if let def = schema.astNode, let op = def.node.operationTypes.first(where: { $0.operation == operation }) {
            return def.position(of: op.type)
        }
        for ext in schema.extensionASTNodes {
            if let op = ext.node.operationTypes.first(where: { $0.operation == operation }) {
                return ext.position(of: op.type)
            }
        }
        return nil
    }

    // MARK: Directives

    mutating func validateDirectives() {
        for directive in schema.directives {
            validateName(directive.name, directive.astNode?.position)
            for arg in directive.args {
                validateName(arg.name, arg.astNode?.position)
                if !arg.type.isInputType {
                    report(
                        "The type of @\(directive.name)(\(arg.name):) must be Input Type but got: \(arg.type).",
                        [arg.astNode?.position])
                }
                if arg.isRequired && arg.deprecationReason != nil {
                    report(
                        "Required argument @\(directive.name)(\(arg.name):) cannot be deprecated.",
                        [deprecatedDirectivePosition(arg.astNode), arg.astNode.map { $0.position(of: $0.node.type) }])
                }
            }
        }
    }

    private mutating func validateName(_ name: String, _ node: NodePosition?) {
        if name.hasPrefix("__") {
            report(
                "Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", [node])
        }
    }

    // MARK: Types

    mutating func validateTypes() {
        var cycles = InputObjectCycleDetector()
        for type in schema.types {
            if !type.isIntrospectionType { validateName(type.name, type.astPosition) }
            switch type {
            case .object(let t):
                validateFields(type, t.fields)
                validateInterfaces(type, t.declaredInterfaces)
            case .interface(let t):
                validateFields(type, t.fields)
                validateInterfaces(type, t.declaredInterfaces)
            case .union(let t):
                validateUnionMembers(t)
            case .enum(let t):
                validateEnumValues(t)
            case .inputObject(let t):
                validateInputFields(t)
                cycles.detect(t, &self)
            case .scalar:
                break
            }
        }
    }

    private mutating func validateFields(_ type: GraphQLNamedType, _ fields: [GraphQLField]) {
        if fields.isEmpty {
            report("Type \(type.name) must define one or more fields.", type.allASTPositions)
        }
        for field in fields {
            validateName(field.name, field.astNode?.position)
            if !field.type.isOutputType {
                report(
                    "The type of \(type.name).\(field.name) must be Output Type but got: \(field.type).",
                    [field.astNode.map { $0.position(of: $0.node.type) }])
            }
            for arg in field.args {
                validateName(arg.name, arg.astNode?.position)
                if !arg.type.isInputType {
                    report(
                        "The type of \(type.name).\(field.name)(\(arg.name):) must be Input Type but got: \(arg.type).",
                        [arg.astNode.map { $0.position(of: $0.node.type) }])
                }
                if arg.isRequired && arg.deprecationReason != nil {
                    report(
                        "Required argument \(type.name).\(field.name)(\(arg.name):) cannot be deprecated.",
                        [deprecatedDirectivePosition(arg.astNode), arg.astNode.map { $0.position(of: $0.node.type) }])
                }
            }
        }
    }

    private mutating func validateInterfaces(_ type: GraphQLNamedType, _ declared: [GraphQLNamedType]) {
        var seen: Set<String> = []
        for ifaceType in declared {
            guard case .interface(let iface) = ifaceType else {
                report(
                    "Type \(type.name) must only implement Interface types, it cannot implement \(ifaceType.name).",
                    type.implementsPositions(of: ifaceType.name))
                continue
            }
            if type == ifaceType {
                report(
                    "Type \(type.name) cannot implement itself because it would create a circular reference.",
                    type.implementsPositions(of: iface.name))
                continue
            }
            if seen.contains(iface.name) {
                report("Type \(type.name) can only implement \(iface.name) once.", type.implementsPositions(of: iface.name))
                continue
            }
            seen.insert(iface.name)
            validateTypeImplementsAncestors(type, declared, iface)
            validateTypeImplementsInterface(type, iface)
        }
    }

    private mutating func validateTypeImplementsInterface(_ type: GraphQLNamedType, _ iface: GraphQLInterfaceType) {
        guard let typeFields = type.fieldMap else { return }
        for ifaceField in iface.fields {
            let fieldName = ifaceField.name
            guard let typeField = typeFields[fieldName] else {
                report(
                    "Interface field \(iface.name).\(fieldName) expected but \(type.name) does not provide it.",
                    [ifaceField.astNode?.position] + type.allASTPositions)
                continue
            }
            if !isTypeSubTypeOf(schema, typeField.type, ifaceField.type) {
                report(
                    "Interface field \(iface.name).\(fieldName) expects type \(ifaceField.type) but \(type.name).\(fieldName) is type \(typeField.type).",
                    [ifaceField.astNode.map { $0.position(of: $0.node.type) },
                     typeField.astNode.map { $0.position(of: $0.node.type) }])
            }
            for ifaceArg in ifaceField.args {
                let argName = ifaceArg.name
                guard let typeArg = typeField.argument(named: argName) else {
                    report(
                        "Interface field argument \(iface.name).\(fieldName)(\(argName):) expected but \(type.name).\(fieldName) does not provide it.",
                        [ifaceArg.astNode?.position, typeField.astNode?.position])
                    continue
                }
                if !isEqualType(ifaceArg.type, typeArg.type) {
                    report(
                        "Interface field argument \(iface.name).\(fieldName)(\(argName):) expects type \(ifaceArg.type) but \(type.name).\(fieldName)(\(argName):) is type \(typeArg.type).",
                        [ifaceArg.astNode.map { $0.position(of: $0.node.type) },
                         typeArg.astNode.map { $0.position(of: $0.node.type) }])
                }
            }
            for typeArg in typeField.args where ifaceField.argument(named: typeArg.name) == nil && typeArg.isRequired {
                report(
                    "Object field \(type.name).\(fieldName) includes required argument \(typeArg.name) that is missing from the Interface field \(iface.name).\(fieldName).",
                    [typeArg.astNode?.position, ifaceField.astNode?.position])
            }
        }
    }

    private mutating func validateTypeImplementsAncestors(
        _ type: GraphQLNamedType, _ declared: [GraphQLNamedType], _ iface: GraphQLInterfaceType
    ) {
        let ifaceType = GraphQLNamedType.interface(iface)
        for transitive in iface.declaredInterfaces where !declared.contains(transitive) {
            let message =
                transitive == type
                ? "Type \(type.name) cannot implement \(iface.name) because it would create a circular reference."
                : "Type \(type.name) must implement \(transitive.name) because it is implemented by \(iface.name)."
            report(message, ifaceType.implementsPositions(of: transitive.name) + type.implementsPositions(of: iface.name))
        }
    }

    private mutating func validateUnionMembers(_ union: GraphQLUnionType) {
        let unionType = GraphQLNamedType.union(union)
        if union.types.isEmpty {
            report("Union type \(union.name) must define one or more member types.", unionType.allASTPositions)
        }
        var seen: Set<String> = []
        for member in union.types {
            if seen.contains(member.name) {
                report(
                    "Union type \(union.name) can only include type \(member.name) once.",
                    union.memberPositions(named: member.name))
                continue
            }
            seen.insert(member.name)
            if case .object = member { continue }
            report(
                "Union type \(union.name) can only include Object types, it cannot include \(member.name).",
                union.memberPositions(named: member.name))
        }
    }

    private mutating func validateEnumValues(_ enumType: GraphQLEnumType) {
        if enumType.values.isEmpty {
            report(
                "Enum type \(enumType.name) must define one or more values.",
                GraphQLNamedType.enum(enumType).allASTPositions)
        }
        for value in enumType.values { validateName(value.name, value.astNode?.position) }
    }

    private mutating func validateInputFields(_ inputObj: GraphQLInputObjectType) {
        if inputObj.fields.isEmpty {
            report(
                "Input Object type \(inputObj.name) must define one or more fields.",
                GraphQLNamedType.inputObject(inputObj).allASTPositions)
        }
        for field in inputObj.fields {
            validateName(field.name, field.astNode?.position)
            let typePosition = field.astNode.map { $0.position(of: $0.node.type) }
            if !field.type.isInputType {
                report(
                    "The type of \(inputObj.name).\(field.name) must be Input Type but got: \(field.type).",
                    [typePosition])
            }
            if field.isRequired && field.deprecationReason != nil {
                report(
                    "Required input field \(inputObj.name).\(field.name) cannot be deprecated.",
                    [deprecatedDirectivePosition(field.astNode), typePosition])
            }
            if inputObj.isOneOf {
                if field.type.isNonNull {
                    report("OneOf input field \(inputObj.name).\(field.name) must be nullable.", [typePosition])
                }
                if field.defaultValue != nil {
                    report(
                        "OneOf input field \(inputObj.name).\(field.name) cannot have a default value.",
                        [field.astNode?.position])
                }
            }
        }
    }

    private func deprecatedDirectivePosition(_ node: SourcedNode<InputValueDefinition>?) -> NodePosition? {
        guard let node, let d = node.node.directives.first(where: { $0.name.value == GraphQLDeprecatedDirective.name })
        else { return nil }
        return node.position(of: d)
    }
}

/// graphql-js `createInputObjectCircularRefsValidator`: finds cycles of non-null input
/// object fields (which no finite value could satisfy).
private struct InputObjectCycleDetector {
    var visited: Set<String> = []
    var fieldPath: [GraphQLInputField] = []
    var fieldPathIndexByTypeName: [String: Int] = [:]

    mutating func detect(_ inputObj: GraphQLInputObjectType, _ context: inout SchemaValidationContext) {
        if visited.contains(inputObj.name) { return }
        visited.insert(inputObj.name)
        fieldPathIndexByTypeName[inputObj.name] = fieldPath.count
        for field in inputObj.fields {
            guard case .nonNull(.named(.inputObject(let fieldType))) = field.type else { continue }
            let cycleIndex = fieldPathIndexByTypeName[fieldType.name]
            fieldPath.append(field)
            if let cycleIndex {
                let cyclePath = fieldPath[cycleIndex...]
                let pathStr = cyclePath.map(\.name).joined(separator: ".")
                context.report(
                    "Cannot reference Input Object \"\(fieldType.name)\" within itself through a series of non-null fields: \"\(pathStr)\".",
                    cyclePath.map { $0.astNode?.position })
            } else {
                detect(fieldType, &context)
            }
            fieldPath.removeLast()
        }
        fieldPathIndexByTypeName[inputObj.name] = nil
    }
}

extension GraphQLNamedType {
    /// The position of the type's definition node.
    var astPosition: NodePosition? {
        switch self {
        case .scalar(let t): t.astNode?.position
        case .object(let t): t.astNode?.position
        case .interface(let t): t.astNode?.position
        case .union(let t): t.astNode?.position
        case .enum(let t): t.astNode?.position
        case .inputObject(let t): t.astNode?.position
        }
    }

    /// The positions of the definition and every extension node (`[astNode, ...extensionASTNodes]`).
    var allASTPositions: [NodePosition?] {
        switch self {
        case .scalar(let t): [t.astNode?.position] + t.extensionASTNodes.map(\.position)
        case .object(let t): [t.astNode?.position] + t.extensionASTNodes.map(\.position)
        case .interface(let t): [t.astNode?.position] + t.extensionASTNodes.map(\.position)
        case .union(let t): [t.astNode?.position] + t.extensionASTNodes.map(\.position)
        case .enum(let t): [t.astNode?.position] + t.extensionASTNodes.map(\.position)
        case .inputObject(let t): [t.astNode?.position] + t.extensionASTNodes.map(\.position)
        }
    }

    /// graphql-js `getAllImplementsInterfaceNodes`: the `implements` entries naming `name`.
    func implementsPositions(of name: String) -> [NodePosition?] {
        func matching<N>(_ node: SourcedNode<N>, _ interfaces: [NamedType]) -> [NodePosition?] {
            interfaces.filter { $0.name.value == name }.map { node.position(of: $0) }
        }
        switch self {
        case .object(let t):
            return (t.astNode.map { matching($0, $0.node.interfaces) } ?? [])
                + t.extensionASTNodes.flatMap { matching($0, $0.node.interfaces) }
        case .interface(let t):
            return (t.astNode.map { matching($0, $0.node.interfaces) } ?? [])
                + t.extensionASTNodes.flatMap { matching($0, $0.node.interfaces) }
        default:
            return []
        }
    }
}

extension GraphQLUnionType {
    /// graphql-js `getUnionMemberTypeNodes`.
    func memberPositions(named name: String) -> [NodePosition?] {
        let fromDefinition = astNode.map { def in
            def.node.types.filter { $0.name.value == name }.map { def.position(of: $0) }
        } ?? []
        return fromDefinition
            + extensionASTNodes.flatMap { ext in
                ext.node.types.filter { $0.name.value == name }.map { ext.position(of: $0) }
            }
    }
}
