// graphql-js `characterClasses.ts`, over bytes / code points. `Int` code units with -1
// meaning "past the end" mirror JavaScript's `charCodeAt` returning NaN.

/// Space or horizontal tab.
@inline(__always) func isWhiteSpace(_ c: Int) -> Bool { c == 0x20 || c == 0x09 }

/// `0`...`9`.
@inline(__always) func isDigit(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }

/// ASCII letter.
@inline(__always) func isLetter(_ c: Int) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) }

/// Letter or `_`.
@inline(__always) func isNameStart(_ c: Int) -> Bool { isLetter(c) || c == 0x5F }

/// Letter, digit or `_`.
@inline(__always) func isNameContinue(_ c: Int) -> Bool { isLetter(c) || isDigit(c) || c == 0x5F }

/// A code point that is a Unicode scalar value (not a surrogate, in range).
@inline(__always) func isUnicodeScalarValue(_ c: Int) -> Bool {
    (c >= 0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0x10FFFF)
}

@inline(__always) func isLeadingSurrogate(_ c: Int) -> Bool { c >= 0xD800 && c <= 0xDBFF }
@inline(__always) func isTrailingSurrogate(_ c: Int) -> Bool { c >= 0xDC00 && c <= 0xDFFF }

/// Whether `name` is a valid GraphQL name (`/^[_A-Za-z][_0-9A-Za-z]*$/`).
public func isValidGraphQLName(_ name: String) -> Bool {
    var first = true
    for b in name.utf8 {
        let c = Int(b)
        if first ? !isNameStart(c) : !isNameContinue(c) { return false }
        first = false
    }
    return !first
}

/// Appends the UTF-8 encoding of the scalar value `v` (callers guarantee a scalar value).
@inline(__always) func appendUTF8(_ v: Int, to out: inout [UInt8]) {
    if v < 0x80 {
        out.append(UInt8(truncatingIfNeeded: v))
    } else if v < 0x800 {
        out.append(UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
        out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        out.append(UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
        out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
    } else {
        out.append(UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
        out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
    }
}
