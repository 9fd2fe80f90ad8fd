// graphql-js `lexer.ts`, over UTF-8 bytes. Positions are byte offsets; where graphql-js
// slices the body by UTF-16 units for a message, the equivalent text is sliced here.

/// An error found while lexing or parsing, before it is tied to a `Source`.
struct SyntaxErrorInfo: Error {
    /// UTF-8 byte offset.
    var position: Int
    /// The text after `Syntax Error: `.
    var description: String
}

/// A lexical token: kind and byte range only (trivially copyable, no reference counting).
/// Names and numbers are sliced from the source when needed; the decoded value of a
/// string token is kept beside it in the lexer (`tokenValue`, `peekedValue`).
struct Token {
    var kind: TokenKind
    var start: Int
    var end: Int
}

/// A lazy, one-token-lookahead lexer over a borrowed UTF-8 buffer (graphql-js `Lexer`).
/// The buffer must outlive the lexer; `Parser` guarantees it by scoping both to one call.
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    /// The current token.
    var token: Token
    /// End offset of the previously consumed token (graphql-js `lastToken.end`).
    var lastTokenEnd: Int = 0
    /// Decoded value of `token` when it is a string or block string (meaningless otherwise).
    var tokenValue: String?
    /// The token after `token`, once `lookahead()` has read it.
    var peeked: Token?
    /// `smallStringLayoutVerified`, read once per parse (declared here, it fills
    /// `peeked`'s padding: the lexer's size matters for debug-build stack frames).
    let smallStringsVerified: Bool
    var peekedValue: String?
    /// Decoded value of the string token the last `readNextToken` returned.
    var lastStringValue: String?

    /// `nameContinueTable`'s bytes.
    @inline(__always) var nameTable: UnsafePointer<UInt8> { nameContinueTable.utf8Start }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.count = bytes.count
        self.smallStringsVerified = smallStringLayoutVerified
        // The table is indexed by any byte value.
        precondition(nameContinueTable.utf8CodeUnitCount == 256)
        assert(nameContinueTableMatches)
        self.token = Token(kind: .sof, start: 0, end: 0)
    }

    /// Byte at `i` as an Int, or -1 past the end (JavaScript's `charCodeAt` gives NaN there).
    @inline(__always) func code(_ i: Int) -> Int {
        i < count ? Int(bytes[i]) : -1
    }

    /// Advances to the next non-comment token.
    @inline(__always) mutating func advance() throws(SyntaxErrorInfo) {
        lastTokenEnd = token.end
        if let next = peeked {
            peeked = nil
            token = next
            tokenValue = peekedValue
            peekedValue = nil
        } else if token.kind != .eof {
            token = try readNextToken(from: token.end)
            if token.kind == .string || token.kind == .blockString {
                tokenValue = lastStringValue
                lastStringValue = nil
            }
            // Otherwise `tokenValue` is left stale: it is only read for string tokens.
        }
    }

    /// The token after the current one, without consuming it.
    mutating func lookahead() throws(SyntaxErrorInfo) -> Token {
        if token.kind == .eof { return token }
        if let next = peeked { return next }
        let next = try readNextToken(from: token.end)
        peeked = next
        peekedValue = lastStringValue
        lastStringValue = nil
        return next
    }

    /// Source text of `start..<end` as a String.
    @inline(__always) func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Source text of a name or number token (ASCII only, as the lexer guarantees).
    /// Names are the most frequent strings in a document, so up to 15 bytes they are built
    /// directly as small strings (see `smallASCIIStringBits`): no allocation, no UTF-8
    /// validation, no call into the runtime.
    @inline(__always) func asciiText(_ start: Int, _ end: Int) -> String {
        let n = end - start
        if n <= 15 && start + 16 <= count && smallStringsVerified {
            // Safe: `smallStringLayoutVerified` checked at start-up that these bits are
            // exactly this runtime's small string for the same ASCII bytes.
            var bits = smallASCIIStringBits(bytes, start, n)
            // Moved out rather than bit-cast: a cast value is copied, which costs a
            // (no-op) retain call per name.
            return withUnsafeMutableBytes(of: &bits) { raw in
                raw.baseAddress.map { $0.bindMemory(to: String.self, capacity: 1).move() } ?? ""
            }
        }
        // The closure captures only the pointer: capturing `self` made every caller copy
        // the whole lexer.
        let from = bytes.baseAddress
        return String(unsafeUninitializedCapacity: n) { out in
            // `out` has room for `n` bytes; `start..<end` lies inside `bytes`.
            guard let to = out.baseAddress, let from else { return 0 }
            to.update(from: from + start, count: n)
            return n
        }
    }

    /// graphql-js's `token.value`: the text of names and numbers, the value of strings.
    /// `token` must be the current or the peeked token.
    func value(of token: Token) -> String? {
        switch token.kind {
        case .name, .int, .float: text(token.start, token.end)
        case .string, .blockString:
            token.start == self.token.start ? tokenValue : peekedValue
        default: nil
        }
    }

    /// Whether `token` is a Name spelled `keyword`, compared bytewise (no allocation).
    @inline(__always) func isName(_ token: Token, _ keyword: StaticString) -> Bool {
        guard token.kind == .name, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        let k = keyword.utf8Start
        var i = 0
        while i < keyword.utf8CodeUnitCount {
            if bytes[token.start + i] != k[i] { return false }
            i += 1
        }
        return true
    }

    // MARK: - Token readers

    mutating func readNextToken(from start: Int) throws(SyntaxErrorInfo) -> Token {
        var position = start
        while true {
            position = skipSpaces(from: position)
            guard position < count else { break }
            let b = bytes[position]
            // Names are the most frequent tokens.
            if isNameStart(Int(b)) { return readName(start: position) }
            switch b {
            case 0x09, 0x20, 0x2C, 0x0A, 0x0D:  // tab, space, comma, LF, CR (line tracking is not needed)
                position += 1
                continue
            case 0x23:  // '#': comment up to the line end
                position += 1
                while position < count {
                    let c = bytes[position]
                    if c == 0x0A || c == 0x0D { break }
                    position += 1
                }
                continue
            case 0x21: return Token(kind: .bang, start: position, end: position + 1)
            case 0x24: return Token(kind: .dollar, start: position, end: position + 1)
            case 0x26: return Token(kind: .amp, start: position, end: position + 1)
            case 0x28: return Token(kind: .parenL, start: position, end: position + 1)
            case 0x29: return Token(kind: .parenR, start: position, end: position + 1)
            case 0x2E:
                if code(position + 1) == 0x2E && code(position + 2) == 0x2E {
                    return Token(kind: .spread, start: position, end: position + 3)
                }
            case 0x3A: return Token(kind: .colon, start: position, end: position + 1)
            case 0x3D: return Token(kind: .equals, start: position, end: position + 1)
            case 0x40: return Token(kind: .at, start: position, end: position + 1)
            case 0x5B: return Token(kind: .bracketL, start: position, end: position + 1)
            case 0x5D: return Token(kind: .bracketR, start: position, end: position + 1)
            case 0x7B: return Token(kind: .braceL, start: position, end: position + 1)
            case 0x7C: return Token(kind: .pipe, start: position, end: position + 1)
            case 0x7D: return Token(kind: .braceR, start: position, end: position + 1)
            case 0x22:
                if code(position + 1) == 0x22 && code(position + 2) == 0x22 {
                    return try readBlockString(start: position)
                }
                return try readString(start: position)
            case 0xEF:
                // U+FEFF (BOM) is ignored anywhere, like white space.
                if code(position + 1) == 0xBB && code(position + 2) == 0xBF {
                    position += 3
                    continue
                }
            default:
                break
            }
            let c = Int(b)
            if isDigit(c) || c == 0x2D { return try readNumber(start: position, firstCode: c) }
            throw unexpectedCharacter(at: position)
        }
        return Token(kind: .eof, start: count, end: count)
    }

    /// The error for a character that starts no token. Out of line, so that building the
    /// message does not give `readNextToken` a large frame on every call.
    @inline(never)
    func unexpectedCharacter(at position: Int) -> SyntaxErrorInfo {
        if code(position) == 0x27 {
            return SyntaxErrorInfo(position: position, description:
                "Unexpected single quote character ('), did you mean to use a double quote (\")?")
        }
        // Swift strings are valid Unicode, so graphql-js's "Invalid character" (lone
        // surrogates) cannot happen here.
        return SyntaxErrorInfo(position: position, description: "Unexpected character: \(printCodePoint(at: position)).")
    }

    /// The first position from `start` that is not a space. Indentation makes runs of
    /// spaces the most common bytes, so they are skipped 8 at a time.
    @inline(__always) func skipSpaces(from start: Int) -> Int {
        var position = start
        if let base = bytes.baseAddress {
            while position &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let nonSpace = word ^ 0x2020_2020_2020_2020  // zero bytes where there are spaces
                if nonSpace != 0 { return position &+ (nonSpace.trailingZeroBitCount &>> 3) }
                position &+= 8
            }
        }
        while position < count && bytes[position] == 0x20 { position += 1 }
        return position
    }

    /// graphql-js `printCodePointAt`.
    func printCodePoint(at position: Int) -> String {
        guard position < count else { return TokenKind.eof.rawValue }
        let (v, _) = decodeScalar(at: position)
        if v >= 0x20 && v <= 0x7E {
            return v == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(UInt8(v))))\""
        }
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Decodes the (well-formed) UTF-8 scalar at `i`: value and byte length.
    @inline(__always) func decodeScalar(at i: Int) -> (Int, Int) {
        let b0 = Int(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (code(i + 1) & 0x3F), 2) }
        if b0 < 0xF0 { return (((b0 & 0x0F) << 12) | ((code(i + 1) & 0x3F) << 6) | (code(i + 2) & 0x3F), 3) }
        return (((b0 & 0x07) << 18) | ((code(i + 1) & 0x3F) << 12) | ((code(i + 2) & 0x3F) << 6) | (code(i + 3) & 0x3F), 4)
    }

    /// Byte length of the scalar starting with byte `b`.
    @inline(__always) func scalarLength(_ b: UInt8) -> Int {
        b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
    }

    /// Text from `start` covering `units` UTF-16 code units (graphql-js `body.slice`),
    /// clamped to the body. An astral character cut in half (JavaScript would keep a lone
    /// surrogate, which a Swift String cannot hold) becomes U+FFFD.
    func sliceUTF16(from start: Int, units: Int) -> String {
        var i = start
        var n = 0
        while n < units && i < count {
            let b = bytes[i]
            if b >= 0xF0 && n + 2 > units { return text(start, i) + "\u{FFFD}" }
            n += b >= 0xF0 ? 2 : 1
            i += scalarLength(b)
        }
        return text(start, min(i, count))
    }

    @inline(__always) mutating func readName(start: Int) -> Token {
        var position = start + 1
        let table = nameTable
        while position < count && table[Int(bytes[position])] == 0x31 { position += 1 }
        return Token(kind: .name, start: start, end: position)
    }

    @inline(never)  // keeps `readNextToken`'s frame small
    func readNumber(start: Int, firstCode: Int) throws(SyntaxErrorInfo) -> Token {
        var position = start
        var c = firstCode
        var isFloat = false
        if c == 0x2D {  // '-'
            position += 1
            c = code(position)
        }
        if c == 0x30 {  // '0'
            position += 1
            c = code(position)
            if isDigit(c) {
                throw SyntaxErrorInfo(position: position, description:
                    "Invalid number, unexpected digit after 0: \(printCodePoint(at: position)).")
            }
        } else {
            position = try readDigits(start: position, firstCode: c)
            c = code(position)
        }
        if c == 0x2E {  // '.'
            isFloat = true
            position += 1
            c = code(position)
            position = try readDigits(start: position, firstCode: c)
            c = code(position)
        }
        if c == 0x45 || c == 0x65 {  // 'E' 'e'
            isFloat = true
            position += 1
            c = code(position)
            if c == 0x2B || c == 0x2D {  // '+' '-'
                position += 1
                c = code(position)
            }
            position = try readDigits(start: position, firstCode: c)
            c = code(position)
        }
        // Numbers cannot be followed by `.` or a name start.
        if c == 0x2E || isNameStart(c) {
            throw SyntaxErrorInfo(position: position, description:
                "Invalid number, expected digit but got: \(printCodePoint(at: position)).")
        }
        return Token(kind: isFloat ? .float : .int, start: start, end: position)
    }

    func readDigits(start: Int, firstCode: Int) throws(SyntaxErrorInfo) -> Int {
        guard isDigit(firstCode) else {
            throw SyntaxErrorInfo(position: start, description:
                "Invalid number, expected digit but got: \(printCodePoint(at: start)).")
        }
        var position = start + 1
        while position < count && isDigit(Int(bytes[position])) { position += 1 }
        return position
    }

}

/// `readName`'s lookup table: entry `b` is "1" when byte `b` can continue a name
/// (`[_0-9A-Za-z]`, as `isNameContinue`), "0" otherwise; one row per 16 byte values.
/// A static string so it is constant data, with no lazy initialization to check.
let nameContinueTable: StaticString = """
    0000000000000000\
    0000000000000000\
    0000000000000000\
    1111111111000000\
    0111111111111111\
    1111111111100001\
    0111111111111111\
    1111111111100000\
    0000000000000000\
    0000000000000000\
    0000000000000000\
    0000000000000000\
    0000000000000000\
    0000000000000000\
    0000000000000000\
    0000000000000000
    """

/// Whether `nameContinueTable` agrees with `isNameContinue` (checked in debug builds).
let nameContinueTableMatches: Bool = (0..<256).allSatisfy { b in
    (nameContinueTable.utf8Start[b] == 0x31) == isNameContinue(b)
}

/// Value of a hex digit code, or -1.
@inline(__always) func readHexDigit(_ c: Int) -> Int {
    if c >= 0x30 && c <= 0x39 { return c - 0x30 }
    if c >= 0x41 && c <= 0x46 { return c - 0x37 }
    if c >= 0x61 && c <= 0x66 { return c - 0x57 }
    return -1
}
