// Custom scalars bound to Swift types. Input coercion (validation and execution alike) calls
// the scalar type in the schema, so the binding's implementation is installed there when the
// schema is built from SDL (`BuildSchemaOptions.scalarImplementations`). A scalar's internal
// value is an `InputValue`, which cannot hold a `Date`: coercion keeps the input value (after
// checking that it parses) and argument decoding parses it into the Swift type.

/// A custom scalar bound to a Swift type.
struct ScalarRegistration: Sendable {
    let name: String
    let swiftType: ObjectIdentifier
    let swiftTypeName: String
    /// serialize / parseValue / parseLiteral for the schema's scalar of this name.
    let implementation: GraphQLScalarType
    /// Parses a coerced input value into the Swift value, for argument decoding.
    let parse: InputDecoding.ScalarParser

    static func make<T>(
        _ name: String, _ type: T.Type,
        serialize: @escaping @Sendable (T) throws -> InputValue,
        parseValue: @escaping @Sendable (InputValue) throws -> T,
        parseLiteral: (@Sendable (Value, [String: InputValue]?) throws -> T)?
    ) -> ScalarRegistration {
        let schemaSerialize: ScalarSerializer = { (value: Any) throws(GraphQLError) -> InputValue in
            guard let typed = value as? T else {
                throw GraphQLError(
                    message: "\(name) cannot represent value: \(inspect(any: value)) (expected a \(T.self)).")
            }
            do {
                return try serialize(typed)
            } catch {
                throw scalarError(error, name, "cannot represent value: \(inspect(any: value))")
            }
        }
        let schemaParseValue: ScalarValueParser = { (value: InputValue) throws(GraphQLError) -> InputValue in
            do {
                _ = try parseValue(value)
            } catch {
                throw scalarError(error, name, "cannot represent value: \(inspect(value))")
            }
            return value
        }
        var schemaParseLiteral: ScalarLiteralParser? = nil
        if let parseLiteral {
            // A literal's internal value is its Swift value serialized, which argument
            // decoding then reads with `parseValue`: serialize's output must parse.
            schemaParseLiteral = {
                (node: Value, variables: [String: InputValue]?) throws(GraphQLError) -> InputValue? in
                do {
                    return try serialize(try parseLiteral(node, variables))
                } catch {
                    throw scalarError(error, name, "cannot represent literal: \(printAST(node))")
                }
            }
        }
        return ScalarRegistration(
            name: name, swiftType: ObjectIdentifier(T.self), swiftTypeName: String(describing: T.self),
            implementation: GraphQLScalarType(
                name: name, serialize: schemaSerialize, parseValue: schemaParseValue, parseLiteral: schemaParseLiteral),
            parse: { value in try parseValue(value) })
    }

    /// A thrown `GraphQLError` is kept (its message is the user's); anything else is
    /// described after graphql-js's "<Scalar> cannot represent value" phrasing.
    private static func scalarError(_ error: any Error, _ name: String, _ what: String) -> GraphQLError {
        if let error = error as? GraphQLError { return error }
        return GraphQLError(message: "\(name) \(what): \(error)")
    }
}

/// A Swift type bound to a custom scalar (`SchemaResolvers.scalar`) that is not `Decodable`
/// itself: conforming makes the argument structs that hold it `Decodable`. The binding's
/// decoder never calls this initializer (it parses with the bound scalar); other decoders get
/// an error.
public protocol CustomScalarValue: Decodable {}

extension CustomScalarValue {
    public init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(
            .init(
                codingPath: decoder.codingPath,
                debugDescription: "\(Self.self) is decoded by the parser of the scalar it is bound to"))
    }
}
