// A coerced input value: what variables, argument literals and default values become
// once checked against their input type (graphql-js keeps these as plain JS values).

/// A runtime input value, as produced by `coerceInputValue`, `valueFromAST` and scalar
/// `parseValue`/`parseLiteral`. `nil` (`InputValue?`) plays the part of JavaScript's
/// `undefined` ("no value"); `.null` is an explicit null.
public enum InputValue: Sendable, Hashable {
    case null
    case int(Int)
    case float(Double)
    case string(String)
    case boolean(Bool)
    /// An enum value, by name (buildSchema's enum values are their names).
    case enumValue(String)
    case list([InputValue])
    case object(InputFields)

    /// The string payload of `.string` and `.enumValue` (JavaScript sees both as strings).
    @inlinable public var stringValue: String? {
        switch self {
        case .string(let s), .enumValue(let s): s
        default: nil
        }
    }

    /// The numeric payload of `.int` and `.float` (JavaScript has one number type).
    @inlinable public var numberValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .float(let d): d
        default: nil
        }
    }

    /// True for `.null`.
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

/// The fields of an input object value, in insertion order, with lookup by name.
public struct InputFields: Sendable, Hashable, RandomAccessCollection {
    /// Field names in order.
    public private(set) var keys: [String]
    /// Field values, parallel to `keys`.
    public private(set) var values: [InputValue]

    /// An empty object.
    public init() {
        keys = []
        values = []
    }

    /// An object with the given fields; a repeated key keeps its first position and last value.
    public init(_ pairs: [(String, InputValue)]) {
        self.init()
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        // A position index keeps building linear: a request may carry objects with many
        // keys, and a search per insertion would make them quadratic.
        var positions: [String: Int] = [:]
        for (k, v) in pairs {
            if let i = positions[k] {
                values[i] = v
            } else {
                positions[k] = keys.count
                keys.append(k)
                values.append(v)
            }
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> (key: String, value: InputValue) {
        (keys[position], values[position])
    }

    /// The value of field `key`, if present. Setting a present key keeps its position
    /// (as JavaScript objects do); setting `nil` removes it.
    public subscript(key: String) -> InputValue? {
        get {
            guard let i = keys.firstIndex(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = keys.firstIndex(of: key) {
                if let newValue { values[i] = newValue } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}

extension InputValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(arrayLiteral elements: InputValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, InputValue)...) { self = .object(InputFields(elements)) }
}

extension InputValue {
    /// Converts JSON (e.g. request variables) into an input value. JSON strings become
    /// `.string`; enum types accept them in `parseValue`.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .boolean(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .float(d)
        case .string(let s): self = .string(s)
        case .array(let a): self = .list(a.map(InputValue.init(json:)))
        case .object(let o):
            self = .object(InputFields(o.keys.sorted().map { ($0, InputValue(json: o[$0] ?? .null)) }))
        }
    }

    /// The value as JSON (objects lose their key order; enum values become strings).
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .int(let i): .int(i)
        case .float(let d): .double(d)
        case .string(let s), .enumValue(let s): .string(s)
        case .boolean(let b): .bool(b)
        case .list(let l): .array(l.map(\.json))
        case .object(let o):
            .object(Dictionary(zip(o.keys, o.values.map(\.json)), uniquingKeysWith: { _, last in last }))
        }
    }
}
