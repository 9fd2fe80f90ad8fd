// graphql-js `type/scalars`: Int, Float, String, Boolean and ID, with graphql-js's exact
// coercion rules and messages. Result values are seen as JavaScript would see them:
// numbers (`.int` and `.float` alike), strings (`.string` and `.enumValue`), booleans.

/// Largest value of the GraphQL `Int` (32-bit signed).
public let GRAPHQL_MAX_INT = 2_147_483_647
/// Smallest value of the GraphQL `Int` (32-bit signed).
public let GRAPHQL_MIN_INT = -2_147_483_648

/// The built-in `Int`.
public let GraphQLInt = GraphQLScalarType(
    name: "Int",
    description: "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
    serialize: { (outputValue: Any) throws(GraphQLError) -> InputValue in
        let coerced = outputAsInputValue(outputValue)
        var num: Double? = nil
        switch coerced {
        case .boolean(let b)?: return .int(b ? 1 : 0)
        case .int(let i)?: num = Double(i)
        case .float(let d)?: num = d
        case .string(let s)?, .enumValue(let s)?: num = s.isEmpty ? nil : jsNumber(fromString: s)
        default: break
        }
        let shown = coerced.map(inspect) ?? inspect(any: outputValue)
        guard let num, jsIsInteger(num) else {
            throw GraphQLError(message: "Int cannot represent non-integer value: \(shown)")
        }
        guard num <= Double(GRAPHQL_MAX_INT), num >= Double(GRAPHQL_MIN_INT) else {
            throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(shown)")
        }
        return .int(Int(num))
    },
    parseValue: { (inputValue: InputValue) throws(GraphQLError) -> InputValue in
        guard case let num? = inputValue.numberValue, jsIsInteger(num) else {
            throw GraphQLError(message: "Int cannot represent non-integer value: \(inspect(inputValue))")
        }
        guard num <= Double(GRAPHQL_MAX_INT), num >= Double(GRAPHQL_MIN_INT) else {
            throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(jsNumberString(num))")
        }
        return .int(Int(num))
    },
    parseLiteral: { (node: Value, _: [String: InputValue]?) throws(GraphQLError) -> InputValue? in
        guard case .int(let intNode) = node else {
            throw GraphQLError(message: "Int cannot represent non-integer value: \(printAST(node))")
        }
        // parseInt of a valid literal; too many digits for Int means out of range anyway.
        guard let num = Int(intNode.value), num <= GRAPHQL_MAX_INT, num >= GRAPHQL_MIN_INT else {
            throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(intNode.value)")
        }
        return .int(num)
    })

/// The built-in `Float`.
public let GraphQLFloat = GraphQLScalarType(
    name: "Float",
    description: "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
    serialize: { (outputValue: Any) throws(GraphQLError) -> InputValue in
        let coerced = outputAsInputValue(outputValue)
        var num: Double? = nil
        switch coerced {
        case .boolean(let b)?: return .float(b ? 1 : 0)
        case .int(let i)?: num = Double(i)
        case .float(let d)?: num = d
        case .string(let s)?, .enumValue(let s)?: num = s.isEmpty ? nil : jsNumber(fromString: s)
        default: break
        }
        guard let num, num.isFinite else {
            let shown = coerced.map(inspect) ?? inspect(any: outputValue)
            throw GraphQLError(message: "Float cannot represent non numeric value: \(shown)")
        }
        return .float(num)
    },
    parseValue: { (inputValue: InputValue) throws(GraphQLError) -> InputValue in
        guard case let num? = inputValue.numberValue, num.isFinite else {
            throw GraphQLError(message: "Float cannot represent non numeric value: \(inspect(inputValue))")
        }
        return .float(num)
    },
    parseLiteral: { (node: Value, _: [String: InputValue]?) throws(GraphQLError) -> InputValue? in
        switch node {
        case .int(let n): return .float(Double(n.value) ?? 0)
        case .float(let n): return .float(Double(n.value) ?? 0)
        default: throw GraphQLError(message: "Float cannot represent non numeric value: \(printAST(node))")
        }
    })

/// The built-in `String`.
public let GraphQLString = GraphQLScalarType(
    name: "String",
    description: "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
    serialize: { (outputValue: Any) throws(GraphQLError) -> InputValue in
        switch outputAsInputValue(outputValue) {
        case .string(let s)?, .enumValue(let s)?: return .string(s)
        case .boolean(let b)?: return .string(b ? "true" : "false")
        case .int(let i)?: return .string(String(i))
        case .float(let d)? where d.isFinite: return .string(jsNumberString(d))
        default: throw GraphQLError(message: "String cannot represent value: \(inspect(any: outputValue))")
        }
    },
    parseValue: { (inputValue: InputValue) throws(GraphQLError) -> InputValue in
        guard let s = inputValue.stringValue else {
            throw GraphQLError(message: "String cannot represent a non string value: \(inspect(inputValue))")
        }
        return .string(s)
    },
    parseLiteral: { (node: Value, _: [String: InputValue]?) throws(GraphQLError) -> InputValue? in
        guard case .string(let s) = node else {
            throw GraphQLError(message: "String cannot represent a non string value: \(printAST(node))")
        }
        return .string(s.value)
    })

/// The built-in `Boolean`.
public let GraphQLBoolean = GraphQLScalarType(
    name: "Boolean",
    description: "The `Boolean` scalar type represents `true` or `false`.",
    serialize: { (outputValue: Any) throws(GraphQLError) -> InputValue in
        let coerced = outputAsInputValue(outputValue)
        switch coerced {
        case .boolean(let b)?: return .boolean(b)
        case .int(let i)?: return .boolean(i != 0)
        case .float(let d)? where d.isFinite: return .boolean(d != 0)
        default:
            let shown = coerced.map(inspect) ?? inspect(any: outputValue)
            throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(shown)")
        }
    },
    parseValue: { (inputValue: InputValue) throws(GraphQLError) -> InputValue in
        guard case .boolean = inputValue else {
            throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(inspect(inputValue))")
        }
        return inputValue
    },
    parseLiteral: { (node: Value, _: [String: InputValue]?) throws(GraphQLError) -> InputValue? in
        guard case .boolean(let b) = node else {
            throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(printAST(node))")
        }
        return .boolean(b.value)
    })

/// The built-in `ID`.
public let GraphQLID = GraphQLScalarType(
    name: "ID",
    description: "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
    serialize: { (outputValue: Any) throws(GraphQLError) -> InputValue in
        switch outputAsInputValue(outputValue) {
        case .string(let s)?, .enumValue(let s)?: return .string(s)
        case .int(let i)?: return .string(String(i))
        case .float(let d)? where jsIsInteger(d): return .string(jsNumberString(d))
        default: throw GraphQLError(message: "ID cannot represent value: \(inspect(any: outputValue))")
        }
    },
    parseValue: { (inputValue: InputValue) throws(GraphQLError) -> InputValue in
        switch inputValue {
        case .string(let s), .enumValue(let s): return .string(s)
        case .int(let i): return .string(String(i))
        case .float(let d) where jsIsInteger(d): return .string(jsNumberString(d))
        default: throw GraphQLError(message: "ID cannot represent value: \(inspect(inputValue))")
        }
    },
    parseLiteral: { (node: Value, _: [String: InputValue]?) throws(GraphQLError) -> InputValue? in
        switch node {
        case .string(let s): return .string(s.value)
        case .int(let i): return .string(i.value)
        default:
            throw GraphQLError(message: "ID cannot represent a non-string and non-integer value: \(printAST(node))")
        }
    })

/// graphql-js `specifiedScalarTypes`, in its order.
public let specifiedScalarTypes: [GraphQLScalarType] = [GraphQLString, GraphQLInt, GraphQLFloat, GraphQLBoolean, GraphQLID]

/// graphql-js `isSpecifiedScalarType` (by name).
@inlinable public func isSpecifiedScalarName(_ name: String) -> Bool {
    switch name {
    case "String", "Int", "Float", "Boolean", "ID": true
    default: false
    }
}
