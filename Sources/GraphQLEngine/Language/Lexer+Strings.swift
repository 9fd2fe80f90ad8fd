// graphql-js `lexer.ts`: reading string and block string tokens (`readString`,
// `readEscapedUnicode...`, `readBlockString`).

extension Lexer {
    /// A string without escapes is sliced from the source (a short ASCII one with
    /// `asciiText`); one with escapes is decoded by `readEscapedString`.
    @inline(never)  // keeps `readNextToken`'s frame small
    mutating func readString(start: Int) throws(SyntaxErrorInfo) -> Token {
        var position = start + 1
        var bits: UInt8 = 0  // OR of the bytes: below 0x80 when all are ASCII
        while position < count {
            let b = bytes[position]
            if b == 0x22 {
                lastStringValue = bits < 0x80 ? asciiText(start + 1, position) : text(start + 1, position)
                return Token(kind: .string, start: start, end: position + 1)
            }
            if b == 0x5C { return try readEscapedString(start: start) }
            if b == 0x0A || b == 0x0D { break }
            bits |= b
            position += 1
        }
        throw SyntaxErrorInfo(position: position, description: "Unterminated string.")
    }

    @inline(never)  // keeps `readNextToken`'s frame small
    mutating func readEscapedString(start: Int) throws(SyntaxErrorInfo) -> Token {
        var position = start + 1
        var chunkStart = position
        var decoded: [UInt8] = []  // the value so far, up to `chunkStart`
        while position < count {
            let b = bytes[position]
            if b == 0x22 {
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                lastStringValue = String(decoding: decoded, as: UTF8.self)
                return Token(kind: .string, start: start, end: position + 1)
            }
            if b == 0x5C {  // backslash
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                let (scalar, size): (Int, Int)
                if code(position + 1) == 0x75 {  // 'u'
                    (scalar, size) = code(position + 2) == 0x7B
                        ? try readEscapedUnicodeVariableWidth(position)
                        : try readEscapedUnicodeFixedWidth(position)
                } else {
                    (scalar, size) = try readEscapedCharacter(position)
                }
                appendUTF8(scalar, to: &decoded)
                position += size
                chunkStart = position
                continue
            }
            if b == 0x0A || b == 0x0D { break }
            position += 1
        }
        throw SyntaxErrorInfo(position: position, description: "Unterminated string.")
    }

    func readEscapedUnicodeVariableWidth(_ position: Int) throws(SyntaxErrorInfo) -> (Int, Int) {
        var point: Int32 = 0  // 32-bit arithmetic, as in JavaScript
        var size = 3
        // At most 12 characters (\u{00000000}).
        while size < 12 {
            let c = code(position + size)
            size += 1
            if c == 0x7D {  // '}'
                // At least 5 characters (\u{0}) and a Unicode scalar value.
                if size < 5 || !isUnicodeScalarValue(Int(point)) { break }
                return (Int(point), size)
            }
            point = (point << 4) | Int32(readHexDigit(c))
            if point < 0 { break }
        }
        throw SyntaxErrorInfo(position: position, description:
            "Invalid Unicode escape sequence: \"\(sliceUTF16(from: position, units: size))\".")
    }

    func readEscapedUnicodeFixedWidth(_ position: Int) throws(SyntaxErrorInfo) -> (Int, Int) {
        let c = read16BitHexCode(position + 2)
        if isUnicodeScalarValue(c) { return (c, 6) }
        // JSON-style surrogate pair escapes are allowed, only when they form a valid pair.
        if isLeadingSurrogate(c) && code(position + 6) == 0x5C && code(position + 7) == 0x75 {
            let trailing = read16BitHexCode(position + 8)
            if isTrailingSurrogate(trailing) {
                return (0x10000 + ((c - 0xD800) << 10) + (trailing - 0xDC00), 12)
            }
        }
        throw SyntaxErrorInfo(position: position, description:
            "Invalid Unicode escape sequence: \"\(sliceUTF16(from: position, units: 6))\".")
    }

    @inline(__always) func read16BitHexCode(_ p: Int) -> Int {
        let v = (readHexDigit(code(p)) << 12) | (readHexDigit(code(p + 1)) << 8)
            | (readHexDigit(code(p + 2)) << 4) | readHexDigit(code(p + 3))
        return Int(Int32(truncatingIfNeeded: v))
    }

    func readEscapedCharacter(_ position: Int) throws(SyntaxErrorInfo) -> (Int, Int) {
        switch code(position + 1) {
        case 0x22: return (0x22, 2)  // "
        case 0x5C: return (0x5C, 2)  // \
        case 0x2F: return (0x2F, 2)  // /
        case 0x62: return (0x08, 2)  // b
        case 0x66: return (0x0C, 2)  // f
        case 0x6E: return (0x0A, 2)  // n
        case 0x72: return (0x0D, 2)  // r
        case 0x74: return (0x09, 2)  // t
        default:
            throw SyntaxErrorInfo(position: position, description:
                "Invalid character escape sequence: \"\(sliceUTF16(from: position, units: 2))\".")
        }
    }

    /// graphql-js `readBlockString` with `dedentBlockStringLines`, in two passes over the
    /// source: the first finds the end and measures the lines (common indentation, first
    /// and last non-blank line), the second copies the kept parts of the lines straight
    /// into the value (an escaped `\"""` loses its backslash there).
    @inline(never)  // keeps `readNextToken`'s frame small
    mutating func readBlockString(start: Int) throws(SyntaxErrorInfo) -> Token {
        var position = start + 3
        var lineIndex = 0
        var commonIndent = Int.max
        var firstLine = -1, firstLineStart = 0  // first non-blank line
        var lastLine = -1, lastLineEnd = 0      // last non-blank line
        while true {
            // At the start of a line: its indentation.
            let lineStart = position
            while position < count && (bytes[position] == 0x20 || bytes[position] == 0x09) { position += 1 }
            let indent = position - lineStart
            // The rest of the line.
            var isLast = false
            while true {
                guard position < count else {
                    throw SyntaxErrorInfo(position: position, description: "Unterminated string.")
                }
                let b = bytes[position]
                if b == 0x0A || b == 0x0D { break }
                if b == 0x22 && code(position + 1) == 0x22 && code(position + 2) == 0x22 {
                    isLast = true
                    break
                }
                // `\"""` is part of the line, not its end.
                position += isEscapedTripleQuote(at: position) ? 4 : 1
            }
            if position - lineStart > indent {  // not blank
                if firstLine < 0 { (firstLine, firstLineStart) = (lineIndex, lineStart) }
                (lastLine, lastLineEnd) = (lineIndex, position)
                if lineIndex != 0 && indent < commonIndent { commonIndent = indent }
            }
            if isLast { break }
            position += (bytes[position] == 0x0D && code(position + 1) == 0x0A) ? 2 : 1
            lineIndex += 1
        }
        let end = position + 3
        guard firstLine >= 0 else {
            lastStringValue = ""
            return Token(kind: .blockString, start: start, end: end)
        }
        // Lines firstLine...lastLine, each but line 0 without `commonIndent` leading bytes
        // (fewer if it is shorter: then it is blank), joined by "\n".
        let capacity = lastLineEnd - firstLineStart
        let src = bytes
        lastStringValue = String(unsafeUninitializedCapacity: capacity) { out in
            var written = 0
            var p = firstLineStart
            var line = firstLine
            while true {
                let lineStart = p
                while p < lastLineEnd && src[p] != 0x0A && src[p] != 0x0D { p += 1 }
                let from = line == 0 ? lineStart : lineStart + min(commonIndent, p - lineStart)
                // Never more than `capacity` in total: the kept bytes and one "\n" per
                // terminator (one or two bytes) all come from `firstLineStart..<lastLineEnd`.
                var i = from
                while i < p {
                    let c = src[i]
                    // `\"""` (all on this line): drop the backslash, keep the quotes.
                    if c == 0x5C && i + 3 < p && src[i + 1] == 0x22 && src[i + 2] == 0x22 && src[i + 3] == 0x22 {
                        i += 1
                        continue
                    }
                    out[written] = c
                    written += 1
                    i += 1
                }
                if line == lastLine { break }
                out[written] = 0x0A
                written += 1
                p += (src[p] == 0x0D && p + 1 < src.count && src[p + 1] == 0x0A) ? 2 : 1
                line += 1
            }
            return written
        }
        return Token(kind: .blockString, start: start, end: end)
    }

    /// `\"""` at `i`.
    @inline(__always) func isEscapedTripleQuote(at i: Int) -> Bool {
        bytes[i] == 0x5C && code(i + 1) == 0x22 && code(i + 2) == 0x22 && code(i + 3) == 0x22
    }
}
