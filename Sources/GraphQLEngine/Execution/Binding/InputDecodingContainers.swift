// The keyed (input object) and unkeyed (list) containers of `InputValueDecoder`.

/// An input object's fields, read by coding key. A field that is absent or null decodes as
/// nil for optional properties; coercion already applied the schema's defaults.
struct InputObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: InputValueDecoder
    let fields: InputFields

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func value(_ key: Key) throws -> InputValue {
        guard let value = fields[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no value for \"\(key.stringValue)\""))
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = fields[key.stringValue] else { return true }
        return decoder.isNull(value)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(value(key), key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(value(key), key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double(value(key), key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.float(value(key), key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(value(key), Int.self, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(value(key), Int8.self, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try decoder.integer(value(key), Int16.self, key)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try decoder.integer(value(key), Int32.self, key)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try decoder.integer(value(key), Int64.self, key)
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(value(key), UInt.self, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try decoder.integer(value(key), UInt8.self, key)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try decoder.integer(value(key), UInt16.self, key)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try decoder.integer(value(key), UInt32.self, key)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try decoder.integer(value(key), UInt64.self, key)
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decodeValue(value(key), T.self, key)
    }

    // One lookup instead of the default's `contains` + `decodeNil` + `decode`: optional
    // properties are the common case of argument structs.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = fields[key.stringValue], !decoder.isNull(value) else { return nil }
        return try decoder.decodeValue(value, T.self, key)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try InputValueDecoder(value(key), decoding: decoder.decoding, parent: decoder, key: key)
            .container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try InputValueDecoder(value(key), decoding: decoder.decoding, parent: decoder, key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        InputValueDecoder(fields[key.stringValue] ?? .null, decoding: decoder.decoding, parent: decoder, key: key)
    }
}

/// A list's items, read in order.
struct InputListContainer: UnkeyedDecodingContainer {
    let decoder: InputValueDecoder
    let items: [InputValue]
    private(set) var currentIndex = 0

    init(decoder: InputValueDecoder, items: [InputValue]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The next item and its coding key, advancing past it.
    private mutating func next<T>(_ type: T.Type) throws -> (InputValue, IndexKey) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                T.self, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "the list has ended")
            )
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.isNull(items[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (v, k) = try next(type)
        return try decoder.bool(v, k)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let (v, k) = try next(type)
        return try decoder.string(v, k)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let (v, k) = try next(type)
        return try decoder.double(v, k)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let (v, k) = try next(type)
        return try decoder.float(v, k)
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (v, k) = try next(type)
        return try decoder.decodeValue(v, T.self, k)
    }

    private mutating func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let (v, k) = try next(type)
        return try decoder.integer(v, I.self, k)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let (v, k) = try next([String: Any].self)
        return try InputValueDecoder(v, decoding: decoder.decoding, parent: decoder, key: k).container(
            keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (v, k) = try next([Any].self)
        return try InputValueDecoder(v, decoding: decoder.decoding, parent: decoder, key: k).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (v, k) = try next(Any.self)
        return InputValueDecoder(v, decoding: decoder.decoding, parent: decoder, key: k)
    }
}
