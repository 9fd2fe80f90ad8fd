/// A small JSON value, for error extensions and other JSON-shaped data.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Compact JSON text. Object keys are written sorted (deterministic output), except
    /// that GraphQL error objects keep graphql-js's order (message, locations, path,
    /// extensions; line before column).
    public var serialized: String {
        var out = ""
        write(to: &out)
        return out
    }

    private static let errorKeyOrder = ["message", "locations", "path", "extensions"]

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded(), abs(d) < 1e15 { out += String(Int(d)) } else { out += String(d) }
            } else {
                out += "null"
            }
        case .string(let s): writeJSONString(s, to: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.write(to: &out)
            }
            out += "]"
        case .object(let o):
            let keys: [String]
            if o["message"] != nil, o.keys.allSatisfy({ Self.errorKeyOrder.contains($0) }) {
                keys = Self.errorKeyOrder.filter { o[$0] != nil }
            } else if o.count == 2, o["line"] != nil, o["column"] != nil {
                keys = ["line", "column"]  // graphql-js's location order
            } else {
                keys = o.keys.sorted()
            }
            out += "{"
            var first = true
            for k in keys {
                guard let v = o[k] else { continue }
                if !first { out += "," }
                first = false
                writeJSONString(k, to: &out)
                out += ":"
                v.write(to: &out)
            }
            out += "}"
        }
    }
}

func writeJSONString(_ s: String, to out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    out += "\""
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(nilLiteral: ()) { self = .null }
}
