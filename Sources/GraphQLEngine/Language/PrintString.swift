// graphql-js `printString.ts`.

/// graphql-js `printString`: a double-quoted GraphQL string literal, escaping `"`, `\`,
/// C0 controls, DEL and C1 controls.
public func printString(_ str: String) -> String {
    var out = [UInt8]()
    out.reserveCapacity(str.utf8.count + 2)
    out.append(0x22)
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    var iterator = str.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
        let v = scalar.value
        switch v {
        case 0x08: out.append(0x5C); out.append(0x62)  // \b
        case 0x09: out.append(0x5C); out.append(0x74)  // \t
        case 0x0A: out.append(0x5C); out.append(0x6E)  // \n
        case 0x0C: out.append(0x5C); out.append(0x66)  // \f
        case 0x0D: out.append(0x5C); out.append(0x72)  // \r
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x00...0x1F, 0x7F...0x9F:
            out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(v >> 4)], hex[Int(v & 0xF)]])
        default:
            appendUTF8(Int(v), to: &out)
        }
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
}
