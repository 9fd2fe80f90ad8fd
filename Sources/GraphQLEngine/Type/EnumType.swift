// graphql-js `GraphQLEnumType`, with its serialize / parseValue / parseLiteral.

/// An enum type. Immutable once created.
public final class GraphQLEnumType: Sendable {
    /// The type name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The values, in definition order, with lookup by name.
    public let valueMap: FieldMap<GraphQLEnumValue>
    private let valueLookup: [InputValue: Int]
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<EnumTypeDefinition>?
    /// The SDL extensions applied to it.
    public let extensionASTNodes: [SourcedNode<EnumTypeExtension>]

    /// Creates an enum type.
    public init(
        name: String, description: String? = nil, values: [GraphQLEnumValue],
        astNode: SourcedNode<EnumTypeDefinition>? = nil,
        extensionASTNodes: [SourcedNode<EnumTypeExtension>] = []
    ) {
        self.name = name
        self.description = description
        self.valueMap = FieldMap(values)
        var lookup: [InputValue: Int] = [:]
        for (i, v) in valueMap.enumerated() where lookup[v.value] == nil { lookup[v.value] = i }
        self.valueLookup = lookup
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// The values in order.
    @inlinable public var values: [GraphQLEnumValue] { valueMap.elements }
    /// The value named `name`, if any.
    @inlinable public func value(named name: String) -> GraphQLEnumValue? { valueMap[name] }

    /// Result coercion: the name of the value whose internal value is `outputValue`
    /// (a string is taken as the internal value of the same name, as buildSchema's values are).
    public func serialize(_ outputValue: Any) throws(GraphQLError) -> InputValue {
        let v = outputAsInputValue(outputValue)
        var index: Int? = nil
        if let v {
            index = valueLookup[v]
            if index == nil, case .string(let s) = v { index = valueLookup[.enumValue(s)] }
        }
        guard let index else {
            throw GraphQLError(message: "Enum \"\(name)\" cannot represent value: \(inspect(any: outputValue))")
        }
        return .enumValue(valueMap[index].name)
    }

    /// Input coercion of a variable value (a string naming a value).
    public func parseValue(_ inputValue: InputValue) throws(GraphQLError) -> InputValue {
        guard let name = inputValue.stringValue else {
            let valueStr = inspect(inputValue)
            throw GraphQLError(
                message: "Enum \"\(self.name)\" cannot represent non-string value: \(valueStr)."
                    + didYouMeanEnumValue(valueStr))
        }
        guard let enumValue = value(named: name) else {
            throw GraphQLError(
                message: "Value \"\(name)\" does not exist in \"\(self.name)\" enum." + didYouMeanEnumValue(name))
        }
        return enumValue.value
    }

    /// Input coercion of a literal (an enum literal naming a value).
    public func parseLiteral(_ valueNode: Value, source: Source? = nil) throws(GraphQLError) -> InputValue {
        guard case .enumValue(let node) = valueNode else {
            let valueStr = printAST(valueNode)
            throw GraphQLError(
                message: "Enum \"\(name)\" cannot represent non-enum value: \(valueStr)." + didYouMeanEnumValue(valueStr),
                at: [NodePosition(offset: valueNode.loc.start, source: source)])
        }
        guard let enumValue = value(named: node.value) else {
            let valueStr = printAST(valueNode)
            throw GraphQLError(
                message: "Value \"\(valueStr)\" does not exist in \"\(name)\" enum." + didYouMeanEnumValue(valueStr),
                at: [NodePosition(offset: valueNode.loc.start, source: source)])
        }
        return enumValue.value
    }

    private func didYouMeanEnumValue(_ unknownValueStr: String) -> String {
        didYouMean("the enum value", suggestionList(unknownValueStr, valueMap.names))
    }
}

extension GraphQLEnumType: Hashable {
    public static func == (a: GraphQLEnumType, b: GraphQLEnumType) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}
