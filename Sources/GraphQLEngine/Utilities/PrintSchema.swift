// graphql-js `utilities/printSchema`: `printSchema`, `printIntrospectionSchema` and
// `printType`, text for text.

/// graphql-js `printSchema`: the SDL of the schema without the specified directives,
/// the built-in scalars and the introspection types.
public func printSchema(_ schema: GraphQLSchema) -> String {
    printFilteredSchema(
        schema, directiveFilter: { !isSpecifiedDirective($0) },
        typeFilter: { !$0.isSpecifiedScalarType && !$0.isIntrospectionType })
}

/// graphql-js `printIntrospectionSchema`: the specified directives and introspection types.
public func printIntrospectionSchema(_ schema: GraphQLSchema) -> String {
    printFilteredSchema(schema, directiveFilter: isSpecifiedDirective, typeFilter: \.isIntrospectionType)
}

private func printFilteredSchema(
    _ schema: GraphQLSchema, directiveFilter: (GraphQLDirective) -> Bool, typeFilter: (GraphQLNamedType) -> Bool
) -> String {
    var parts: [String] = []
    if let definition = printSchemaDefinition(schema) { parts.append(definition) }
    parts += schema.directives.filter(directiveFilter).map(printDirective)
    parts += schema.types.filter(typeFilter).map(printType)
    return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
}

private func printSchemaDefinition(_ schema: GraphQLSchema) -> String? {
    if schema.description == nil && isSchemaOfCommonNames(schema) { return nil }
    var operationTypes: [String] = []
    if let t = schema.queryRoot { operationTypes.append("  query: \(t.name)") }
    if let t = schema.mutationRoot { operationTypes.append("  mutation: \(t.name)") }
    if let t = schema.subscriptionRoot { operationTypes.append("  subscription: \(t.name)") }
    return printDescription(schema.description) + "schema {\n" + operationTypes.joined(separator: "\n") + "\n}"
}

private func isSchemaOfCommonNames(_ schema: GraphQLSchema) -> Bool {
    if let t = schema.queryRoot, t.name != "Query" { return false }
    if let t = schema.mutationRoot, t.name != "Mutation" { return false }
    if let t = schema.subscriptionRoot, t.name != "Subscription" { return false }
    return true
}

/// graphql-js `printType`: one type's SDL.
public func printType(_ type: GraphQLNamedType) -> String {
    switch type {
    case .scalar(let t):
        return printDescription(t.description) + "scalar \(t.name)" + printSpecifiedByURL(t)
    case .object(let t):
        return printDescription(t.description) + "type \(t.name)" + printImplementedInterfaces(t.declaredInterfaces)
            + printFields(t.fields)
    case .interface(let t):
        return printDescription(t.description) + "interface \(t.name)"
            + printImplementedInterfaces(t.declaredInterfaces) + printFields(t.fields)
    case .union(let t):
        let possibleTypes = t.types.isEmpty ? "" : " = " + t.types.map(\.name).joined(separator: " | ")
        return printDescription(t.description) + "union " + t.name + possibleTypes
    case .enum(let t):
        let values = t.values.enumerated().map { i, value in
            printDescription(value.description, indentation: "  ", firstInBlock: i == 0) + "  " + value.name
                + printDeprecated(value.deprecationReason)
        }
        return printDescription(t.description) + "enum \(t.name)" + printBlock(values)
    case .inputObject(let t):
        let fields = t.fields.enumerated().map { i, f in
            printDescription(f.description, indentation: "  ", firstInBlock: i == 0) + "  " + printInputValue(f)
        }
        // graphql-js 16.11 prints `@oneOf` after the name.
        return printDescription(t.description) + "input \(t.name)" + (t.isOneOf ? " @oneOf" : "")
            + printBlock(fields)
    }
}

private func printImplementedInterfaces(_ interfaces: [GraphQLNamedType]) -> String {
    interfaces.isEmpty ? "" : " implements " + interfaces.map(\.name).joined(separator: " & ")
}

private func printFields(_ fields: [GraphQLField]) -> String {
    printBlock(
        fields.enumerated().map { i, f in
            printDescription(f.description, indentation: "  ", firstInBlock: i == 0) + "  " + f.name
                + printArgs(f.args, indentation: "  ") + ": " + f.type.description
                + printDeprecated(f.deprecationReason)
        })
}

private func printBlock(_ items: [String]) -> String {
    items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
}

private func printArgs(_ args: [GraphQLArgument], indentation: String = "") -> String {
    if args.isEmpty { return "" }
    if args.allSatisfy({ ($0.description ?? "").isEmpty }) {
        return "(" + args.map(printInputValue).joined(separator: ", ") + ")"
    }
    return "(\n"
        + args.enumerated().map { i, arg in
            printDescription(arg.description, indentation: "  " + indentation, firstInBlock: i == 0) + "  "
                + indentation + printInputValue(arg)
        }.joined(separator: "\n") + "\n" + indentation + ")"
}

private func printInputValue(_ arg: GraphQLInputValue) -> String {
    var decl = arg.name + ": " + arg.type.description
    if let defaultAST = astFromValue(arg.defaultValue, arg.type) {
        decl += " = " + printAST(defaultAST)
    }
    return decl + printDeprecated(arg.deprecationReason)
}

private func printDirective(_ directive: GraphQLDirective) -> String {
    printDescription(directive.description) + "directive @" + directive.name + printArgs(directive.args)
        + (directive.isRepeatable ? " repeatable" : "") + " on "
        + directive.locations.map(\.rawValue).joined(separator: " | ")
}

private func printDeprecated(_ reason: String?) -> String {
    guard let reason else { return "" }
    if reason != DEFAULT_DEPRECATION_REASON {
        return " @deprecated(reason: \(printString(reason)))"
    }
    return " @deprecated"
}

private func printSpecifiedByURL(_ scalar: GraphQLScalarType) -> String {
    guard let url = scalar.specifiedByURL else { return "" }
    return " @specifiedBy(url: \(printString(url)))"
}

private func printDescription(_ description: String?, indentation: String = "", firstInBlock: Bool = true) -> String {
    guard let description else { return "" }
    let blockString =
        isPrintableAsBlockString(description) ? printBlockString(description) : printString(description)
    let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
    return prefix + blockString.replacing("\n", with: "\n" + indentation) + "\n"
}

/// graphql-js `isPrintableAsBlockString`: whether the text survives a round trip as a
/// block string (no control characters, no `\r`, no leading blank line, no trailing
/// blank line, no common indentation).
func isPrintableAsBlockString(_ value: String) -> Bool {
    if value.isEmpty { return true }
    var isEmptyLine = true
    var hasIndent = false
    var hasCommonIndent = true
    var seenNonEmptyLine = false
    for unit in value.utf16 {
        switch unit {
        case 0x0000...0x0008, 0x000B, 0x000C, 0x000E, 0x000F:
            return false
        case 0x000D:
            return false
        case 0x000A:
            if isEmptyLine && !seenNonEmptyLine { return false }
            seenNonEmptyLine = true
            isEmptyLine = true
            hasIndent = false
        case 0x0009, 0x0020:
            hasIndent = hasIndent || isEmptyLine
        default:
            hasCommonIndent = hasCommonIndent && hasIndent
            isEmptyLine = false
        }
    }
    if isEmptyLine { return false }
    if hasCommonIndent && seenNonEmptyLine { return false }
    return true
}
