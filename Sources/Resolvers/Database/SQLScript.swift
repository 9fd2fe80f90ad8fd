/// Splits a SQL script into statements at top-level semicolons.
///
/// PostgresNIO speaks only the extended query protocol, which runs one statement per
/// query, so a migration file is split here. Quotes (`'...'`, `E'...'`, `"..."`),
/// dollar quoting (`$tag$...$tag$`), line and nested block comments are respected.
public enum SQLScript {
    public static func statements(in script: String) -> [String] {
        let bytes = Array(script.utf8)
        var statements: [String] = []
        var start = 0
        var i = 0
        var blockDepth = 0

        func flush(upTo end: Int) {
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            if containsCode(text) { statements.append(text.trimmingWhitespace()) }
        }

        while i < bytes.count {
            let byte = bytes[i]
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            if blockDepth > 0 {
                if byte == UInt8(ascii: "*"), next == UInt8(ascii: "/") { blockDepth -= 1; i += 2; continue }
                if byte == UInt8(ascii: "/"), next == UInt8(ascii: "*") { blockDepth += 1; i += 2; continue }
                i += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                blockDepth = 1
                i += 2
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let escapes = byte == UInt8(ascii: "'") && i > 0 && (bytes[i - 1] | 0x20) == UInt8(ascii: "e")
                i = skipQuoted(bytes, from: i, quote: byte, backslashEscapes: escapes)
            case UInt8(ascii: "$"):
                if let tagEnd = dollarTagEnd(bytes, from: i) {
                    let tag = Array(bytes[i...tagEnd])
                    i = tagEnd + 1
                    while i < bytes.count, !bytes[i...].starts(with: tag) { i += 1 }
                    i = min(bytes.count, i + tag.count)
                } else {
                    i += 1
                }
            case UInt8(ascii: ";"):
                flush(upTo: i)
                i += 1
                start = i
            default:
                i += 1
            }
        }
        if start < bytes.count { flush(upTo: bytes.count) }
        return statements
    }

    /// The index after the closing quote (doubled quotes stay inside).
    private static func skipQuoted(_ bytes: [UInt8], from open: Int, quote: UInt8, backslashEscapes: Bool) -> Int {
        var i = open + 1
        while i < bytes.count {
            if backslashEscapes, bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            if bytes[i] == quote {
                if i + 1 < bytes.count, bytes[i + 1] == quote { i += 2; continue }
                return i + 1
            }
            i += 1
        }
        return i
    }

    /// For `$tag$` (or `$$`) starting at `i`, the index of the closing `$` of the tag.
    private static func dollarTagEnd(_ bytes: [UInt8], from i: Int) -> Int? {
        var j = i + 1
        while j < bytes.count {
            let b = bytes[j]
            if b == UInt8(ascii: "$") { return j }
            let isTagByte = b == UInt8(ascii: "_") || (b >= 0x80)
                || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
                || (j > i + 1 && b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            if !isTagByte { return nil }
            j += 1
        }
        return nil
    }

    /// Whether the text holds anything but white space and comments.
    private static func containsCode(_ text: String) -> Bool {
        var inLineComment = false
        var blockDepth = 0
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            if inLineComment {
                if b == UInt8(ascii: "\n") { inLineComment = false }
            } else if blockDepth > 0 {
                if b == UInt8(ascii: "*"), next == UInt8(ascii: "/") { blockDepth -= 1; i += 1 }
                else if b == UInt8(ascii: "/"), next == UInt8(ascii: "*") { blockDepth += 1; i += 1 }
            } else if b == UInt8(ascii: "-"), next == UInt8(ascii: "-") {
                inLineComment = true
            } else if b == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                blockDepth = 1
                i += 1
            } else if !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) {
                return true
            }
            i += 1
        }
        return false
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
