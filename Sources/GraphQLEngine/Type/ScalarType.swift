// graphql-js `GraphQLScalarType`.

/// Turns a resolved value into its serialized (response) form; throws when it cannot.
public typealias ScalarSerializer = @Sendable (_ outputValue: Any) throws(GraphQLError) -> InputValue
/// Coerces a variable value (already JSON-shaped) into the scalar's internal value.
public typealias ScalarValueParser = @Sendable (_ inputValue: InputValue) throws(GraphQLError) -> InputValue
/// Coerces a literal into the scalar's internal value; nil means "invalid" (graphql-js `undefined`).
public typealias ScalarLiteralParser =
    @Sendable (_ valueNode: Value, _ variables: [String: InputValue]?) throws(GraphQLError) -> InputValue?

/// A scalar type: a leaf with its serialize / parseValue / parseLiteral hooks.
/// Immutable once created.
public final class GraphQLScalarType: Sendable {
    /// The type name.
    public let name: String
    /// The description, if any.
    public let description: String?
    /// The `@specifiedBy(url:)` URL, if any.
    public let specifiedByURL: String?
    /// Result coercion.
    public let serialize: ScalarSerializer
    /// Whether `serialize` is the default (identity on JSON-shaped values): the executor
    /// then writes strings, numbers and booleans without calling it.
    public let hasDefaultSerialize: Bool
    /// Input coercion of variable values.
    public let parseValue: ScalarValueParser
    /// Input coercion of literals.
    public let parseLiteral: ScalarLiteralParser
    /// The SDL definition, when built from SDL.
    public let astNode: SourcedNode<ScalarTypeDefinition>?
    /// The SDL extensions applied to it.
    public let extensionASTNodes: [SourcedNode<ScalarTypeExtension>]

    /// Creates a scalar. Omitted hooks behave as graphql-js's defaults (and so as the
    /// scalars `buildSchema` makes): identity `serialize` and `parseValue`, and
    /// `parseLiteral` = `parseValue(valueFromASTUntyped(node, variables))`.
    public init(
        name: String, description: String? = nil, specifiedByURL: String? = nil,
        serialize: ScalarSerializer? = nil, parseValue: ScalarValueParser? = nil,
        parseLiteral: ScalarLiteralParser? = nil,
        astNode: SourcedNode<ScalarTypeDefinition>? = nil,
        extensionASTNodes: [SourcedNode<ScalarTypeExtension>] = []
    ) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        // (Explicit `if let`s: `??` with typed-throws closures crashes the 6.3 compiler.)
        hasDefaultSerialize = serialize == nil
        if let serialize {
            self.serialize = serialize
        } else {
            self.serialize = { (value: Any) throws(GraphQLError) -> InputValue in
                guard let v = outputAsInputValue(value) else {
                    throw GraphQLError(message: "\(name) cannot represent value: \(inspect(any: value))")
                }
                return v
            }
        }
        let parse: ScalarValueParser
        if let parseValue {
            parse = parseValue
        } else {
            parse = { (value: InputValue) throws(GraphQLError) -> InputValue in value }
        }
        self.parseValue = parse
        if let parseLiteral {
            self.parseLiteral = parseLiteral
        } else {
            self.parseLiteral = { (node: Value, variables: [String: InputValue]?) throws(GraphQLError) -> InputValue? in
                guard let untyped = valueFromASTUntyped(node, variables: variables) else { return nil }
                return try parse(untyped)
            }
        }
        self.astNode = astNode
        self.extensionASTNodes = extensionASTNodes
    }

    /// A copy with more extension nodes and possibly a new `specifiedByURL` (for `extendSchema`).
    func extended(
        specifiedByURL: String?, extensionASTNodes more: [SourcedNode<ScalarTypeExtension>]
    ) -> GraphQLScalarType {
        GraphQLScalarType(
            name: name, description: description, specifiedByURL: specifiedByURL,
            serialize: hasDefaultSerialize ? nil : serialize, parseValue: parseValue, parseLiteral: parseLiteral,
            astNode: astNode, extensionASTNodes: extensionASTNodes + more)
    }
}
