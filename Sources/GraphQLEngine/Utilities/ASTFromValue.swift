// graphql-js `utilities/astFromValue`.

/// graphql-js `astFromValue`: a literal for an internal input value of `type` (used to
/// print default values). Nil when there is no value, or when the value cannot be a
/// literal of that type.
public func astFromValue(_ value: InputValue?, _ type: GraphQLType) -> Value? {
    switch type {
    case .nonNull(let inner):
        let ast = astFromValue(value, inner)
        if case .null? = ast { return nil }
        return ast
    case .list(let itemType):
        guard let value else { return nil }
        if case .null = value { return .null(NullValue()) }
        guard case .list(let items) = value else { return astFromValue(value, itemType) }
        return .list(ListValue(values: items.compactMap { astFromValue($0, itemType) }))
    case .named(let named):
        guard let value else { return nil }
        if case .null = value { return .null(NullValue()) }
        switch named {
        case .inputObject(let inputType):
            guard case .object(let object) = value else { return nil }
            var fields: [ObjectField] = []
            for field in inputType.fields {
                if let fieldValue = astFromValue(object[field.name], field.type) {
                    fields.append(ObjectField(name: Name(value: field.name), value: fieldValue))
                }
            }
            return .object(ObjectValue(fields: fields))
        case .scalar(let scalar):
            guard let serialized = try? scalar.serialize(value) else { return nil }
            return literal(serialized, isEnum: false, isID: scalar === GraphQLID)
        case .enum(let enumType):
            guard let serialized = try? enumType.serialize(value) else { return nil }
            return literal(serialized, isEnum: true, isID: false)
        case .object, .interface, .union:
            return nil
        }
    }
}

/// The literal for a serialized leaf value.
private func literal(_ serialized: InputValue, isEnum: Bool, isID: Bool) -> Value? {
    switch serialized {
    case .null: return nil
    case .boolean(let b): return .boolean(BooleanValue(value: b))
    case .int(let i): return .int(IntValue(value: String(i)))
    case .float(let d):
        guard d.isFinite else { return nil }
        let text = jsNumberString(d)
        return isIntegerString(text) ? .int(IntValue(value: text)) : .float(FloatValue(value: text))
    case .string(let s), .enumValue(let s):
        if isEnum { return .enumValue(EnumValue(value: s)) }
        if isID && isIntegerString(s) { return .int(IntValue(value: s)) }
        return .string(StringValue(value: s))
    case .list, .object:
        // graphql-js throws "Cannot convert value to AST" for a custom scalar whose
        // serialized value is structured; printing it untyped is the useful reading.
        return untypedLiteral(serialized)
    }
}

private func untypedLiteral(_ value: InputValue) -> Value {
    switch value {
    case .null: .null(NullValue())
    case .boolean(let b): .boolean(BooleanValue(value: b))
    case .int(let i): .int(IntValue(value: String(i)))
    case .float(let d):
        isIntegerString(jsNumberString(d))
            ? .int(IntValue(value: jsNumberString(d))) : .float(FloatValue(value: jsNumberString(d)))
    case .string(let s): .string(StringValue(value: s))
    case .enumValue(let s): .enumValue(EnumValue(value: s))
    case .list(let items): .list(ListValue(values: items.map(untypedLiteral)))
    case .object(let o):
        .object(ObjectValue(fields: o.map { ObjectField(name: Name(value: $0.key), value: untypedLiteral($0.value)) }))
    }
}

/// `/^-?(?:0|[1-9][0-9]*)$/`
private func isIntegerString(_ s: String) -> Bool {
    var bytes = Substring(s).utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    guard let first = bytes.first else { return false }
    if first == UInt8(ascii: "0") { return bytes.count == 1 }
    return bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
}
