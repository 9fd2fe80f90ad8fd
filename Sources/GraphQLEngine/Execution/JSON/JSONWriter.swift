// Writes JSON text straight into UTF-8 bytes, exactly as JavaScript's `JSON.stringify`
// writes the same values (graphql-js responses are `JSON.stringify(result)`).

/// An append-only UTF-8 JSON byte buffer.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Creates an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends raw bytes (already valid JSON text).
    @inlinable public mutating func writeRaw(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    /// Appends one ASCII byte.
    @inlinable public mutating func writeByte(_ b: UInt8) { bytes.append(b) }

    /// Appends an ASCII string literal (punctuation, `null`, `true`, ...).
    @inlinable public mutating func writeASCII(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `null`.
    @inlinable public mutating func writeNull() { writeASCII("null") }

    /// `true` / `false`.
    @inlinable public mutating func writeBool(_ b: Bool) { b ? writeASCII("true") : writeASCII("false") }

    /// A decimal integer.
    public mutating func writeInt(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 &+ value))
            return
        }
        // Digits into a small stack buffer, back to front.
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
            var i = 21
            repeat {
                i -= 1
                buffer[i] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i..<21]))
        }
    }

    /// A number as JavaScript writes it (`String(x)`): `3` for 3.0, `1e+21`, `0.1`.
    /// Non-finite values are `null`, as `JSON.stringify` writes them.
    public mutating func writeDouble(_ value: Double) {
        guard value.isFinite else { return writeNull() }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            return writeInt(Int(value))
        }
        if writeShortDecimal(value) { return }
        // Swift's description has the same shortest round-trip digits; without an exponent
        // (|x| in [1e-4, 1e16)) it is also laid out as JavaScript lays it out.
        let text = value.description
        var plain = true
        for b in text.utf8 where b == UInt8(ascii: "e") {
            plain = false
            break
        }
        if plain {
            // Integers from 1e15 to 2^53 print as "9007199254740992.0"; JavaScript drops ".0".
            bytes.append(contentsOf: text.utf8)
            let n = bytes.count
            if bytes[n - 2] == UInt8(ascii: "."), bytes[n - 1] == UInt8(ascii: "0") { bytes.removeLast(2) }
        } else {
            bytes.append(contentsOf: jsNumberString(value).utf8)
        }
    }

    /// Values with one to four decimals (prices, ratings), written without formatting
    /// the double in full: if the double is the nearest one to n / 10^k, then n / 10^k with
    /// the fewest such k is its shortest round-trip form (what JavaScript writes), as
    /// long as n has fewer than 15 digits.
    private mutating func writeShortDecimal(_ value: Double) -> Bool {
        let magnitude = abs(value)
        guard magnitude >= 1e-4, magnitude < 1e10 else { return false }
        var scale = 10.0
        for decimals in 1...4 {
            let scaled = (magnitude * scale).rounded()
            if scaled / scale == magnitude {
                var n = Int(scaled)
                if value < 0 { bytes.append(UInt8(ascii: "-")) }
                var divisor = 1
                for _ in 0..<decimals { divisor *= 10 }
                writeInt(n / divisor)
                bytes.append(UInt8(ascii: "."))
                n %= divisor
                // The fraction's digits, leading zeros kept, the last one non-zero
                // (smaller `decimals` would have matched otherwise).
                var digits = decimals
                while digits > 0 {
                    divisor /= 10
                    bytes.append(UInt8(truncatingIfNeeded: 0x30 &+ n / divisor))
                    n %= divisor
                    digits -= 1
                }
                return true
            }
            scale *= 10
        }
        return false
    }

    /// A JSON string with `JSON.stringify`'s escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
    /// `\t`, other control characters as `\u00xx`; everything else verbatim.
    public mutating func writeString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C {
                    i += 1
                    continue
                }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                writeEscape(b)
                i += 1
                runStart = i
            }
            if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n])) }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private mutating func writeEscape(_ b: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case 0x22: bytes.append(UInt8(ascii: "\""))
        case 0x5C: bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(hex[Int(b >> 4)])
            bytes.append(hex[Int(b & 0xF)])
        }
    }

    /// An input value (custom scalar results, variables): objects keep their key order.
    public mutating func writeInputValue(_ value: InputValue) {
        switch value {
        case .null: writeNull()
        case .boolean(let b): writeBool(b)
        case .int(let i): writeInt(i)
        case .float(let d): writeDouble(d)
        case .string(let s), .enumValue(let s): writeString(s)
        case .list(let items):
            writeByte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { writeByte(UInt8(ascii: ",")) }
                writeInputValue(item)
            }
            writeByte(UInt8(ascii: "]"))
        case .object(let fields):
            writeByte(UInt8(ascii: "{"))
            for i in 0..<fields.count {
                if i > 0 { writeByte(UInt8(ascii: ",")) }
                writeString(fields.keys[i])
                writeByte(UInt8(ascii: ":"))
                writeInputValue(fields.values[i])
            }
            writeByte(UInt8(ascii: "}"))
        }
    }

    /// A `JSONValue` (error extensions): object keys sorted, as `JSONValue.serialized` does.
    public mutating func writeJSONValue(_ value: JSONValue) {
        switch value {
        case .null: writeNull()
        case .bool(let b): writeBool(b)
        case .int(let i): writeInt(i)
        case .double(let d): writeDouble(d)
        case .string(let s): writeString(s)
        case .array(let items):
            writeByte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { writeByte(UInt8(ascii: ",")) }
                writeJSONValue(item)
            }
            writeByte(UInt8(ascii: "]"))
        case .object(let object):
            writeByte(UInt8(ascii: "{"))
            for (i, key) in object.keys.sorted().enumerated() {
                if i > 0 { writeByte(UInt8(ascii: ",")) }
                writeString(key)
                writeByte(UInt8(ascii: ":"))
                writeJSONValue(object[key] ?? .null)
            }
            writeByte(UInt8(ascii: "}"))
        }
    }

    /// An error as graphql-js's `toJSON` shapes it: message, locations, path, extensions.
    public mutating func writeError(_ error: GraphQLError) {
        writeASCII("{\"message\":")
        writeString(error.message)
        if !error.locations.isEmpty {
            writeASCII(",\"locations\":[")
            for (i, l) in error.locations.enumerated() {
                if i > 0 { writeByte(UInt8(ascii: ",")) }
                writeASCII("{\"line\":")
                writeInt(l.line)
                writeASCII(",\"column\":")
                writeInt(l.column)
                writeByte(UInt8(ascii: "}"))
            }
            writeByte(UInt8(ascii: "]"))
        }
        if let path = error.path {
            writeASCII(",\"path\":[")
            for (i, p) in path.enumerated() {
                if i > 0 { writeByte(UInt8(ascii: ",")) }
                switch p {
                case .key(let k): writeString(k)
                case .index(let n): writeInt(n)
                }
            }
            writeByte(UInt8(ascii: "]"))
        }
        if let extensions = error.extensions {
            writeASCII(",\"extensions\":")
            writeJSONValue(.object(extensions))
        }
        writeByte(UInt8(ascii: "}"))
    }
}

/// The bytes of `"key":` for a response key, precomputed once per planned field.
func jsonKeyBytes(_ key: String) -> [UInt8] {
    var w = JSONWriter(capacity: key.utf8.count + 3)
    w.writeString(key)
    w.writeByte(UInt8(ascii: ":"))
    return w.bytes
}
