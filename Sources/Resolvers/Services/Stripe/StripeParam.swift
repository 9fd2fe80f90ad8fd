/// A request parameter for Stripe's API: an ordered tree that `StripeForm` flattens into
/// `metadata[order_id]=…`, `line_items[0][quantity]=…`. Dictionaries keep the order they were
/// written in, so the encoded body (and an idempotent retry of it) is always the same.
///
/// The literal conformances let call sites read like the request:
/// `["amount": 1100, "currency": "usd", "metadata": ["order_id": .string(id)]]`.
public enum StripeParam: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case dict([(String, StripeParam)])
    case array([StripeParam])

    public static func == (lhs: StripeParam, rhs: StripeParam) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.dict(let a), .dict(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// String pairs in key order: a Swift dictionary has no stable order, and the body must.
    public static func metadata(_ values: [String: String]) -> StripeParam {
        .dict(values.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    /// A dictionary built from pairs whose value may be absent; absent ones are left out
    /// (Stripe reads an empty value as "unset", which is not the same as not sending it).
    public static func fields(_ pairs: KeyValuePairs<String, StripeParam?>) -> StripeParam {
        .dict(pairs.compactMap { pair in pair.value.map { (pair.key, $0) } })
    }

    /// Adds or replaces `key` in a dictionary (no effect on other cases, or when `value` is nil).
    public mutating func set(_ key: String, _ value: StripeParam?) {
        guard case .dict(var pairs) = self, let value else { return }
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            pairs[index].1 = value
        } else {
            pairs.append((key, value))
        }
        self = .dict(pairs)
    }

    /// The value under `key` of a dictionary.
    public subscript(key: String) -> StripeParam? {
        guard case .dict(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }
}

extension StripeParam: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension StripeParam: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension StripeParam: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension StripeParam: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: StripeParam...) { self = .array(elements) }
}

extension StripeParam: ExpressibleByDictionaryLiteral {
    /// Literal order is kept (dictionary literals are ordered pairs until a Dictionary is made).
    public init(dictionaryLiteral elements: (String, StripeParam)...) { self = .dict(elements) }
}
