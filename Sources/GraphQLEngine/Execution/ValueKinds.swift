// What completion needs to know about a resolved value's dynamic type (is it an
// Optional, a JSON-shaped value, a sequence?), worked out once per type and request.
// Asking each value with `as?` casts cost more than the rest of its completion: a failing
// cast of a class instance to a struct type walks the runtime's bridging and conformance
// lookups every time.

/// The dynamic type's role for completion.
enum ValueKind {
    /// Anything else: an object's value, never null.
    case plain
    /// An `Optional` (an `Any` holding `T?.none` is not `nil`).
    case optional
    case inputValue
    case jsonValue
    /// `String` or `Substring`: a sequence, but not a list.
    case string
    /// A `Sequence`: a list.
    case sequence
}

/// Kinds by dynamic type, for one execution (not shared: no locking).
final class ValueKindCache {
    @exclusivity(unchecked) private var kinds: [ObjectIdentifier: ValueKind] = [:]
    @exclusivity(unchecked) private var lastType: ObjectIdentifier? = nil
    @exclusivity(unchecked) private var lastKind: ValueKind = .plain

    @inline(__always)
    func kind(of value: Any) -> ValueKind {
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == lastType { return lastKind }
        let kind = kinds[type] ?? classify(value, type)
        lastType = type
        lastKind = kind
        return kind
    }

    private func classify(_ value: Any, _ type: ObjectIdentifier) -> ValueKind {
        let kind: ValueKind
        switch value {
        case is any OptionalValue: kind = .optional
        case is InputValue: kind = .inputValue
        case is JSONValue: kind = .jsonValue
        case is String, is Substring: kind = .string
        case is any Sequence: kind = .sequence
        default: kind = .plain
        }
        kinds[type] = kind
        return kind
    }

    /// Whether `value` is null (see `isNullValue`).
    @inline(__always)
    func isNull(_ value: Any) -> Bool {
        switch kind(of: value) {
        case .plain, .string, .sequence: return false
        default: return isNullValue(value)
        }
    }

    /// The items of a list value, or nil when it is not a list (see `listItems`).
    func items(_ value: Any) -> [Any]? {
        switch kind(of: value) {
        case .plain, .string: return nil
        case .sequence:
            let sequence = value as! any Sequence
            return openItems(sequence)
        default: return listItems(value)
        }
    }
}
