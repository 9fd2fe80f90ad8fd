// graphql-js `jsutils/inspect`: how values appear inside error messages.

private let maxArrayLength = 10
private let maxRecursiveDepth = 2

/// graphql-js `inspect` of an input value; `nil` prints as `undefined`.
public func inspect(_ value: InputValue?) -> String {
    guard let value else { return "undefined" }
    return formatValue(value, seen: 0)
}

private func formatValue(_ value: InputValue, seen: Int) -> String {
    switch value {
    case .null: return "null"
    case .int(let i): return String(i)
    case .float(let d): return jsNumberString(d)
    case .boolean(let b): return b ? "true" : "false"
    case .string(let s), .enumValue(let s):
        var out = ""
        writeJSONString(s, to: &out)
        return out
    case .list(let items):
        if items.isEmpty { return "[]" }
        let depth = seen + 1
        if depth > maxRecursiveDepth { return "[Array]" }
        var parts = items.prefix(maxArrayLength).map { formatValue($0, seen: depth) }
        let remaining = items.count - parts.count
        if remaining == 1 {
            parts.append("... 1 more item")
        } else if remaining > 1 {
            parts.append("... \(remaining) more items")
        }
        return "[" + parts.joined(separator: ", ") + "]"
    case .object(let fields):
        if fields.isEmpty { return "{}" }
        let depth = seen + 1
        if depth > maxRecursiveDepth { return "[Object]" }
        let parts = fields.map { $0.key + ": " + formatValue($0.value, seen: depth) }
        return "{ " + parts.joined(separator: ", ") + " }"
    }
}

/// graphql-js `inspect` of an arbitrary (resolver-produced) value. Values that have an
/// `InputValue` equivalent print as graphql-js prints that value.
public func inspect(any value: Any) -> String {
    if let v = outputAsInputValue(value) { return inspect(v) }
    return String(describing: value)
}

/// Maps Swift values to the input value graphql-js would see; nil when there is none.
func outputAsInputValue(_ value: Any) -> InputValue? {
    switch value {
    case let v as InputValue: return v
    case let v as JSONValue: return InputValue(json: v)
    case let v as String: return .string(v)
    case let v as Substring: return .string(String(v))
    case let v as Bool: return .boolean(v)
    case let v as Int: return .int(v)
    case let v as Int32: return .int(Int(v))
    case let v as Int64: return .int(Int(v))
    case let v as Double: return .float(v)
    case let v as Float: return .float(Double(v))
    case let v as [Any]:
        var items: [InputValue] = []
        for item in v {
            guard let i = outputAsInputValue(item) else { return nil }
            items.append(i)
        }
        return .list(items)
    default:
        // An Optional holding nil prints as null.
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let child = mirror.children.first else { return .null }
            return outputAsInputValue(child.value)
        }
        return nil
    }
}
