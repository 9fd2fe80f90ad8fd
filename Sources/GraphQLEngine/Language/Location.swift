/// A 1-based line and column, as graphql-js reports them.
///
/// Lines end at `\r\n`, `\n` or `\r`. The column counts UTF-16 code units (as
/// JavaScript strings do), so an astral-plane character before it counts 2.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column in UTF-16 code units.
    public var column: Int
    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// graphql-js `getLocation` over UTF-8 bytes: `offset` is a byte offset (clamped to the body).
func sourceLocation(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> SourceLocation {
    let position = max(0, min(offset, bytes.count))
    var line = 1
    var lineStart = 0
    var i = 0
    // Like graphql-js, a terminator counts when it *starts* before `position`.
    while i < position {
        let b = bytes[i]
        if b == 0x0A {
            i += 1
            line += 1
            lineStart = i
        } else if b == 0x0D {
            i += (i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
            line += 1
            lineStart = i
        } else {
            i += 1
        }
    }
    let column: Int
    if lineStart <= position {
        column = utf16Length(bytes, from: lineStart, to: position) + 1
    } else {
        // `position` points at the `\n` of a `\r\n` (graphql-js yields column 0 there).
        column = 1 - utf16Length(bytes, from: position, to: lineStart)
    }
    return SourceLocation(line: line, column: column)
}

/// Number of UTF-16 code units encoded by the (well-formed) UTF-8 bytes `from..<to`.
@inline(__always)
func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
    var n = 0
    var i = from
    while i < to {
        let b = bytes[i]
        if b & 0xC0 != 0x80 { n += 1 }       // one unit per scalar start...
        if b >= 0xF0 { n += 1 }              // ...and a second for astral scalars
        i += 1
    }
    return n
}
