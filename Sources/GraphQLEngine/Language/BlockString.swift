// graphql-js `blockString.ts`.

/// graphql-js `dedentBlockStringLines`: removes the common indentation of all lines but
/// the first, then leading and trailing blank lines. Lines are UTF-8 byte arrays;
/// indentation is ASCII (space, tab), so byte slicing matches graphql-js's UTF-16 slicing.
func dedentBlockStringLines(_ lines: [ArraySlice<UInt8>]) -> ArraySlice<ArraySlice<UInt8>> {
    var commonIndent = Int.max
    var firstNonEmptyLine: Int? = nil
    var lastNonEmptyLine = -1
    for (i, line) in lines.enumerated() {
        let indent = leadingWhitespace(line)
        if indent == line.count { continue }  // blank line
        if firstNonEmptyLine == nil { firstNonEmptyLine = i }
        lastNonEmptyLine = i
        if i != 0 && indent < commonIndent { commonIndent = indent }
    }
    let first = firstNonEmptyLine ?? 0
    guard first <= lastNonEmptyLine else { return [] }
    var result = lines[first...lastNonEmptyLine]
    if commonIndent != Int.max {
        for i in result.indices where i != 0 {
            let line = result[i]
            result[i] = line.dropFirst(min(commonIndent, line.count))
        }
    }
    return result
}

@inline(__always) private func leadingWhitespace(_ line: ArraySlice<UInt8>) -> Int {
    var n = 0
    for b in line {
        guard isWhiteSpace(Int(b)) else { break }
        n += 1
    }
    return n
}

/// graphql-js `dedentBlockStringLines` over Swift strings (for callers holding raw block text).
public func dedentBlockStringLines(_ lines: [String]) -> [String] {
    let byteLines = lines.map { ArraySlice(Array($0.utf8)) }
    return dedentBlockStringLines(byteLines).map { String(decoding: $0, as: UTF8.self) }
}

/// graphql-js `printBlockString`: prints `value` as a `"""` block string.
public func printBlockString(_ value: String, minimize: Bool = false) -> String {
    let escapedValue = value.replacing("\"\"\"", with: "\\\"\"\"")
    // Split on \r\n, \n, \r (as graphql-js's /\r\n|[\n\r]/).
    var lines: [Substring] = []
    var current = escapedValue.startIndex
    var i = escapedValue.utf8.startIndex
    let u = escapedValue.utf8
    while i < u.endIndex {
        let b = u[i]
        if b == 0x0A || b == 0x0D {
            lines.append(escapedValue[current..<i])
            var next = u.index(after: i)
            if b == 0x0D, next < u.endIndex, u[next] == 0x0A { next = u.index(after: next) }
            i = next
            current = next
        } else {
            i = u.index(after: i)
        }
    }
    lines.append(escapedValue[current...])
    let isSingleLine = lines.count == 1

    func startsWithWhiteSpace<S: StringProtocol>(_ s: S) -> Bool {
        guard let f = s.utf8.first else { return false }
        return isWhiteSpace(Int(f))
    }
    // Common indentation can be kept by adding a leading newline.
    let forceLeadingNewLine = lines.count > 1
        && lines.dropFirst().allSatisfy { $0.isEmpty || startsWithWhiteSpace($0) }
    let hasTrailingTripleQuotes = escapedValue.hasSuffix("\\\"\"\"")
    let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
    let hasTrailingSlash = value.hasSuffix("\\")
    let forceTrailingNewline = hasTrailingQuote || hasTrailingSlash
    let printAsMultipleLines = !minimize
        && (!isSingleLine || value.utf16.count > 70 || forceTrailingNewline
            || forceLeadingNewLine || hasTrailingTripleQuotes)

    var result = ""
    let skipLeadingNewLine = isSingleLine && startsWithWhiteSpace(value)
    if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result += "\n" }
    result += escapedValue
    if printAsMultipleLines || forceTrailingNewline { result += "\n" }
    return "\"\"\"" + result + "\"\"\""
}
