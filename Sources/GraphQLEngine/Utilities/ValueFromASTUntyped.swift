// graphql-js `utilities/valueFromASTUntyped`.

/// The value of a literal without a type to guide it (graphql-js `valueFromASTUntyped`):
/// ints and floats become numbers, strings, enums and booleans their values, variables
/// their value in `variables`. Nil (graphql-js `undefined`) for a variable with no value.
public func valueFromASTUntyped(_ valueNode: Value, variables: [String: InputValue]? = nil) -> InputValue? {
    switch valueNode {
    case .null: return .null
    case .int(let n):
        // parseInt; literals past Int's range (rare) keep their magnitude as a float.
        if let i = Int(n.value) { return .int(i) }
        return .float(Double(n.value) ?? 0)
    case .float(let n): return .float(Double(n.value) ?? 0)
    case .string(let n): return .string(n.value)
    case .enumValue(let n): return .enumValue(n.value)
    case .boolean(let n): return .boolean(n.value)
    case .list(let n):
        // graphql-js keeps `undefined` items; JSON (and our values) can only say null.
        return .list(n.values.map { valueFromASTUntyped($0, variables: variables) ?? .null })
    case .object(let n):
        var fields = InputFields()
        for f in n.fields {
            // A key whose value is `undefined` disappears from JSON, so drop it.
            if let v = valueFromASTUntyped(f.value, variables: variables) { fields[f.name.value] = v }
        }
        return .object(fields)
    case .variable(let v):
        return variables?[v.name.value]
    }
}
