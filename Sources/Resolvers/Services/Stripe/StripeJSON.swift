import Foundation

/// The id of a related Stripe object. Stripe sends an expandable field as the id
/// (`"payment_intent": "pi_…"`) or, when expanded, as the object (`{"id": "pi_…", …}`);
/// both decode to the id.
public struct StripeRef: Sendable, Hashable, Decodable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var id: String

    public init(_ id: String) { self.id = id }
    public init(stringLiteral value: String) { self.id = value }

    public init(from decoder: any Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(String.self) {
            self.id = id
            return
        }
        struct Expanded: Decodable { var id: String }
        self.id = try Expanded(from: decoder).id
    }

    public var description: String { id }
}

/// Any JSON value, kept as it came: an event's `data.object` is one of many object types,
/// decoded later into the model its `object` field names.
public enum StripeJSON: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([StripeJSON])
    case object([String: StripeJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([StripeJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: StripeJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> StripeJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The text of a string value.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The value as JSON bytes (keys sorted, so equal values give equal bytes).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The value decoded as `type` (a Stripe model).
    public func decode<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: jsonData())
    }
}
