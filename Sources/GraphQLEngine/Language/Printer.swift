// graphql-js `printer.ts` (`print`), reproduced string for string: each node prints
// from its children's printed text exactly as graphql-js's `printDocASTReducer` does,
// including its 80-column argument wrapping and indentation of nested block strings.

/// Prints any AST node as GraphQL text, exactly like graphql-js 16 `print`.
public func printAST<N: ASTNode>(_ node: N) -> String {
    guard let printable = node as? any PrintableNode else { return "" }
    return printable.printed()
}

/// `printAST` for a whole document (no dynamic cast).
public func printAST(_ document: Document) -> String {
    document.printed()
}

/// Internal printing hook implemented by every node type.
protocol PrintableNode {
    func printed() -> String
}

private let maxLineLength = 80

/// Joins the non-empty strings (graphql-js `join` drops falsy items).
@inline(__always) private func join(_ items: [String], _ separator: String = "") -> String {
    var out = ""
    var first = true
    for item in items where !item.isEmpty {
        if !first { out += separator }
        first = false
        out += item
    }
    return out
}

@inline(__always) private func join<T: PrintableNode>(_ nodes: [T], _ separator: String) -> String {
    join(nodes.map { $0.printed() }, separator)
}

@inline(__always) private func wrap(_ start: String, _ s: String, _ end: String = "") -> String {
    s.isEmpty ? "" : start + s + end
}

private func indent(_ s: String) -> String {
    wrap("  ", s.replacing("\n", with: "\n  "))
}

private func block(_ items: [String]) -> String {
    wrap("{\n", indent(join(items, "\n")), "\n}")
}

private func block<T: PrintableNode>(_ nodes: [T]) -> String {
    block(nodes.map { $0.printed() })
}

private func directivesText(_ directives: [Directive]) -> String { join(directives, " ") }

private func descriptionText(_ d: StringValue?) -> String {
    guard let d else { return "" }
    return d.printed() + "\n"
}

/// Argument definitions: one per line when any of them spans lines.
private func argumentDefsText(_ args: [InputValueDefinition]) -> String {
    let printed = args.map { $0.printed() }
    if printed.contains(where: { $0.contains("\n") }) {
        return wrap("(\n", indent(join(printed, "\n")), "\n)")
    }
    return wrap("(", join(printed, ", "), ")")
}

extension Name: PrintableNode { func printed() -> String { value } }
extension Variable: PrintableNode { func printed() -> String { "$" + name.value } }

extension Document: PrintableNode {
    func printed() -> String { join(definitions, "\n\n") }
}

extension Definition: PrintableNode {
    func printed() -> String {
        switch self {
        case .operation(let n): n.printed()
        case .fragment(let n): n.printed()
        case .schema(let n): n.printed()
        case .scalarType(let n): n.printed()
        case .objectType(let n): n.printed()
        case .interfaceType(let n): n.printed()
        case .unionType(let n): n.printed()
        case .enumType(let n): n.printed()
        case .inputObjectType(let n): n.printed()
        case .directive(let n): n.printed()
        case .schemaExtension(let n): n.printed()
        case .scalarTypeExtension(let n): n.printed()
        case .objectTypeExtension(let n): n.printed()
        case .interfaceTypeExtension(let n): n.printed()
        case .unionTypeExtension(let n): n.printed()
        case .enumTypeExtension(let n): n.printed()
        case .inputObjectTypeExtension(let n): n.printed()
        }
    }
}

extension OperationDefinition: PrintableNode {
    func printed() -> String {
        let varDefs = wrap("(", join(variableDefinitions, ", "), ")")
        let prefix = join([operation.rawValue, join([name?.value ?? "", varDefs]), directivesText(directives)], " ")
        // Anonymous queries without directives or variables use the short form.
        return (prefix == "query" ? "" : prefix + " ") + selectionSet.printed()
    }
}

extension VariableDefinition: PrintableNode {
    func printed() -> String {
        variable.printed() + ": " + type.printed() + wrap(" = ", defaultValue?.printed() ?? "")
            + wrap(" ", directivesText(directives))
    }
}

extension SelectionSet: PrintableNode {
    func printed() -> String { block(selections) }
}

extension Selection: PrintableNode {
    func printed() -> String {
        switch self {
        case .field(let n): n.printed()
        case .fragmentSpread(let n): n.printed()
        case .inlineFragment(let n): n.printed()
        }
    }
}

extension Field: PrintableNode {
    func printed() -> String {
        let prefix = wrap("", alias?.value ?? "", ": ") + name.value
        let args = arguments.map { $0.printed() }
        var argsLine = prefix + wrap("(", join(args, ", "), ")")
        // graphql-js measures the line in UTF-16 units; UTF-8 length is an upper bound.
        if argsLine.utf8.count > maxLineLength && argsLine.utf16.count > maxLineLength {
            argsLine = prefix + wrap("(\n", indent(join(args, "\n")), "\n)")
        }
        return join([argsLine, directivesText(directives), selectionSet?.printed() ?? ""], " ")
    }
}

extension Argument: PrintableNode {
    func printed() -> String { name.value + ": " + value.printed() }
}

extension FragmentSpread: PrintableNode {
    func printed() -> String { "..." + name.value + wrap(" ", directivesText(directives)) }
}

extension InlineFragment: PrintableNode {
    func printed() -> String {
        join(["...", wrap("on ", typeCondition?.printed() ?? ""), directivesText(directives), selectionSet.printed()], " ")
    }
}

extension FragmentDefinition: PrintableNode {
    func printed() -> String {
        "fragment \(name.value) on \(typeCondition.printed()) " + wrap("", directivesText(directives), " ")
            + selectionSet.printed()
    }
}

extension Value: PrintableNode {
    func printed() -> String {
        switch self {
        case .variable(let n): n.printed()
        case .int(let n): n.value
        case .float(let n): n.value
        case .string(let n): n.printed()
        case .boolean(let n): n.printed()
        case .null: "null"
        case .enumValue(let n): n.value
        case .list(let n): n.printed()
        case .object(let n): n.printed()
        }
    }
}

extension IntValue: PrintableNode { func printed() -> String { value } }
extension FloatValue: PrintableNode { func printed() -> String { value } }
extension EnumValue: PrintableNode { func printed() -> String { value } }
extension NullValue: PrintableNode { func printed() -> String { "null" } }
extension BooleanValue: PrintableNode { func printed() -> String { value ? "true" : "false" } }
extension StringValue: PrintableNode {
    func printed() -> String { block ? printBlockString(value) : printString(value) }
}
extension ListValue: PrintableNode {
    func printed() -> String { "[" + join(values, ", ") + "]" }
}
extension ObjectValue: PrintableNode {
    func printed() -> String { "{" + join(fields, ", ") + "}" }
}
extension ObjectField: PrintableNode {
    func printed() -> String { name.value + ": " + value.printed() }
}

extension Directive: PrintableNode {
    func printed() -> String { "@" + name.value + wrap("(", join(arguments, ", "), ")") }
}

extension TypeReference: PrintableNode {
    func printed() -> String {
        switch self {
        case .named(let n): n.name.value
        case .list(let n): n.printed()
        case .nonNull(let n): n.printed()
        }
    }
}
extension NamedType: PrintableNode { func printed() -> String { name.value } }
extension ListType: PrintableNode { func printed() -> String { "[" + type.printed() + "]" } }
extension NonNullType: PrintableNode { func printed() -> String { type.printed() + "!" } }

// MARK: - Type system

extension SchemaDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join(["schema", directivesText(directives), block(operationTypes)], " ")
    }
}

extension OperationTypeDefinition: PrintableNode {
    func printed() -> String { operation.rawValue + ": " + type.printed() }
}

extension ScalarTypeDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join(["scalar", name.value, directivesText(directives)], " ")
    }
}

extension ObjectTypeDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join([
            "type", name.value, wrap("implements ", join(interfaces, " & ")),
            directivesText(directives), block(fields),
        ], " ")
    }
}

extension FieldDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + name.value + argumentDefsText(arguments) + ": " + type.printed()
            + wrap(" ", directivesText(directives))
    }
}

extension InputValueDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join([
            name.value + ": " + type.printed(), wrap("= ", defaultValue?.printed() ?? ""),
            directivesText(directives),
        ], " ")
    }
}

extension InterfaceTypeDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join([
            "interface", name.value, wrap("implements ", join(interfaces, " & ")),
            directivesText(directives), block(fields),
        ], " ")
    }
}

extension UnionTypeDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join([
            "union", name.value, directivesText(directives), wrap("= ", join(types, " | ")),
        ], " ")
    }
}

extension EnumTypeDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join(["enum", name.value, directivesText(directives), block(values)], " ")
    }
}

extension EnumValueDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join([name.value, directivesText(directives)], " ")
    }
}

extension InputObjectTypeDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + join(["input", name.value, directivesText(directives), block(fields)], " ")
    }
}

extension DirectiveDefinition: PrintableNode {
    func printed() -> String {
        descriptionText(description) + "directive @" + name.value + argumentDefsText(arguments)
            + (repeatable ? " repeatable" : "") + " on " + join(locations, " | ")
    }
}

extension SchemaExtension: PrintableNode {
    func printed() -> String {
        join(["extend schema", directivesText(directives), block(operationTypes)], " ")
    }
}

extension ScalarTypeExtension: PrintableNode {
    func printed() -> String { join(["extend scalar", name.value, directivesText(directives)], " ") }
}

extension ObjectTypeExtension: PrintableNode {
    func printed() -> String {
        join([
            "extend type", name.value, wrap("implements ", join(interfaces, " & ")),
            directivesText(directives), block(fields),
        ], " ")
    }
}

extension InterfaceTypeExtension: PrintableNode {
    func printed() -> String {
        join([
            "extend interface", name.value, wrap("implements ", join(interfaces, " & ")),
            directivesText(directives), block(fields),
        ], " ")
    }
}

extension UnionTypeExtension: PrintableNode {
    func printed() -> String {
        join(["extend union", name.value, directivesText(directives), wrap("= ", join(types, " | "))], " ")
    }
}

extension EnumTypeExtension: PrintableNode {
    func printed() -> String { join(["extend enum", name.value, directivesText(directives), block(values)], " ") }
}

extension InputObjectTypeExtension: PrintableNode {
    func printed() -> String { join(["extend input", name.value, directivesText(directives), block(fields)], " ") }
}
