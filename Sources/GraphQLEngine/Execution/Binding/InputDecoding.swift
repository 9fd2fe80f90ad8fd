// Decoding `Decodable` Swift values (argument structs, input objects, enums, lists) from
// coerced GraphQL input values. The values are already checked against the schema, with
// defaults applied, so the decoder only maps shapes: no JSON detour, no key conversion.
// Custom scalars arrive in their input form and are parsed by the bound scalar's parser,
// found by the Swift type being decoded.

/// How input values become Swift values; fixed at bind time.
struct InputDecoding: Sendable {
    /// Parses a custom scalar's input value into its Swift value.
    typealias ScalarParser = @Sendable (InputValue) throws -> Any

    /// Custom scalar parsers by the Swift type they produce.
    let scalars: [ObjectIdentifier: ScalarParser]

    init(scalars: [ObjectIdentifier: ScalarParser] = [:]) {
        self.scalars = scalars
    }

    /// Decodes a field's arguments; a failure becomes a `GraphQLError` naming the field, the
    /// Swift type and where in the arguments it failed.
    func decode<T: Decodable>(
        _ type: T.Type, fromArgumentsOf coordinate: String, _ arguments: InputFields
    ) throws(GraphQLError) -> T {
        do {
            return try InputValueDecoder(.object(arguments), decoding: self).decodeValue(
                .object(arguments), T.self, nil)
        } catch {
            throw GraphQLError(
                message: "Cannot decode the arguments of \(coordinate) as \(T.self): \(Self.describe(error))")
        }
    }

    /// Decodes one input value.
    func decode<T: Decodable>(_ type: T.Type, from value: InputValue) throws -> T {
        try InputValueDecoder(value, decoding: self).decodeValue(value, T.self, nil)
    }

    /// `"filter.tags[1]": <reason>` for decoding errors; the error's description otherwise.
    static func describe(_ error: any Error) -> String {
        func located(_ path: [any CodingKey], _ reason: String) -> String {
            path.isEmpty ? reason : "\"\(codingPathString(path))\": \(reason)"
        }
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return located(context.codingPath, context.debugDescription)
        case DecodingError.keyNotFound(let key, let context):
            return located(context.codingPath + [key], "no value (a non-optional Swift property needs one)")
        case let error as GraphQLError:
            return error.message
        default:
            return String(describing: error)
        }
    }

    static func codingPathString(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if key is IndexKey, let index = key.intValue {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }
}

/// The position of an element in a list, as a coding key.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// The decoder of one input value. A class: `Decodable` initializers take it as an
/// existential, and a reference is the cheapest one to pass; the coding path is kept as a
/// parent chain and only built when asked for (errors, mostly).
final class InputValueDecoder: Decoder {
    let value: InputValue
    let decoding: InputDecoding
    private let parent: InputValueDecoder?
    private let key: (any CodingKey)?

    init(_ value: InputValue, decoding: InputDecoding, parent: InputValueDecoder? = nil, key: (any CodingKey)? = nil) {
        self.value = value
        self.decoding = decoding
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var decoder: InputValueDecoder? = self
        while let current = decoder {
            if let key = current.key { path.append(key) }
            decoder = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw mismatch([String: Any].self, value, nil) }
        return KeyedDecodingContainer(InputObjectContainer<Key>(decoder: self, fields: fields))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .list(let items) = value else { throw mismatch([Any].self, value, nil) }
        return InputListContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Values

    /// Decodes `value` (found under `key` of this decoder's value, or this decoder's value
    /// itself when `key` is nil). The leaves of typical argument structs take fast paths;
    /// the casts below cannot fail, as the type was just compared.
    func decodeValue<T: Decodable>(_ value: InputValue, _ type: T.Type, _ key: (any CodingKey)?) throws -> T {
        if T.self == String.self { return try string(value, key) as! T }
        if T.self == Int.self { return try integer(value, Int.self, key) as! T }
        if T.self == Bool.self { return try bool(value, key) as! T }
        if T.self == Double.self { return try double(value, key) as! T }
        if T.self == InputValue.self { return value as! T }
        if !decoding.scalars.isEmpty, let parse = decoding.scalars[ObjectIdentifier(T.self)] {
            let parsed: Any
            do {
                parsed = try parse(value)
            } catch {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: path(key), debugDescription: InputDecoding.describe(error), underlyingError: error))
            }
            guard let typed = parsed as? T else { throw mismatch(T.self, value, key) }
            return typed
        }
        let child = key.map { InputValueDecoder(value, decoding: decoding, parent: self, key: $0) } ?? self
        return try T(from: child)
    }

    func string(_ value: InputValue, _ key: (any CodingKey)?) throws -> String {
        switch value {
        case .string(let s), .enumValue(let s): return s
        default: throw mismatch(String.self, value, key)
        }
    }

    func bool(_ value: InputValue, _ key: (any CodingKey)?) throws -> Bool {
        guard case .boolean(let b) = value else { throw mismatch(Bool.self, value, key) }
        return b
    }

    func double(_ value: InputValue, _ key: (any CodingKey)?) throws -> Double {
        switch value {
        case .float(let d): return d
        case .int(let i): return Double(i)
        default: throw mismatch(Double.self, value, key)
        }
    }

    func float(_ value: InputValue, _ key: (any CodingKey)?) throws -> Float {
        Float(try double(value, key))
    }

    func integer<I: FixedWidthInteger>(_ value: InputValue, _ type: I.Type, _ key: (any CodingKey)?) throws -> I {
        switch value {
        case .int(let i):
            if let exact = I(exactly: i) { return exact }
        case .float(let d):
            if let exact = I(exactly: d) { return exact }
        default: break
        }
        throw mismatch(I.self, value, key)
    }

    func isNull(_ value: InputValue) -> Bool {
        if case .null = value { return true }
        return false
    }

    // MARK: Errors

    func path(_ key: (any CodingKey)?) -> [any CodingKey] {
        key.map { codingPath + [$0] } ?? codingPath
    }

    func mismatch(_ type: Any.Type, _ value: InputValue, _ key: (any CodingKey)?) -> DecodingError {
        DecodingError.typeMismatch(
            type,
            .init(codingPath: path(key), debugDescription: "expected \(Self.describe(type)), found \(inspect(value))"))
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is [String: Any].Type: "an input object"
        case is [Any].Type: "a list"
        default: "a value of type \(type)"
        }
    }
}

extension InputValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { isNull(value) }
    func decode(_ type: Bool.Type) throws -> Bool { try bool(value, nil) }
    func decode(_ type: String.Type) throws -> String { try string(value, nil) }
    func decode(_ type: Double.Type) throws -> Double { try double(value, nil) }
    func decode(_ type: Float.Type) throws -> Float { try float(value, nil) }
    func decode(_ type: Int.Type) throws -> Int { try integer(value, Int.self, nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(value, Int8.self, nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(value, Int16.self, nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(value, Int32.self, nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(value, Int64.self, nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(value, UInt.self, nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(value, UInt8.self, nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(value, UInt16.self, nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(value, UInt32.self, nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(value, UInt64.self, nil) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(value, T.self, nil) }
}
