// JavaScript number formatting and parsing, so messages and printed values read exactly
// as graphql-js writes them (`String(1e21)` is "1e+21", `String(2.0)` is "2").

/// graphql-js (JavaScript) `String(number)`: the shortest round-trip digits, written
/// without exponent for 1e-7 <= |x| < 1e21.
func jsNumberString(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
    if x == 0 { return "0" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    let sign = x < 0 ? "-" : ""
    // Swift's description is also shortest round-trip; only its layout differs.
    let text = abs(x).description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mantissa = text[..<e]
        exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    var digits = ""
    var pointPosition = 0  // digits before the decimal point
    var seenPoint = false
    for c in mantissa {
        if c == "." { seenPoint = true; continue }
        digits.append(c)
        if !seenPoint { pointPosition += 1 }
    }
    // Normalize to 0.DIGITS x 10^n with no leading or trailing zeros.
    var n = pointPosition + exponent
    while digits.hasPrefix("0") {
        digits.removeFirst()
        n -= 1
    }
    while digits.hasSuffix("0") { digits.removeLast() }
    let k = digits.count
    if k == 0 { return "0" }
    if k <= n && n <= 21 {
        return sign + digits + String(repeating: "0", count: n - k)
    }
    if 0 < n && n <= 21 {
        let i = digits.index(digits.startIndex, offsetBy: n)
        return sign + digits[..<i] + "." + digits[i...]
    }
    if -6 < n && n <= 0 {
        return sign + "0." + String(repeating: "0", count: -n) + digits
    }
    let e = n - 1
    let expText = (e < 0 ? "e-" : "e+") + String(abs(e))
    if k == 1 { return sign + digits + expText }
    return sign + String(digits.first!) + "." + digits.dropFirst() + expText  // k >= 2 here
}

/// JavaScript `Number(string)`; nil stands for NaN.
func jsNumber(fromString string: String) -> Double? {
    let trimmed = string.unicodeScalars.drop(while: isJSWhiteSpace)
    var scalars = Array(trimmed)
    while let last = scalars.last, isJSWhiteSpace(last) { scalars.removeLast() }
    let s = String(String.UnicodeScalarView(scalars))
    if s.isEmpty { return 0 }
    switch s {
    case "Infinity", "+Infinity": return .infinity
    case "-Infinity": return -.infinity
    default: break
    }
    let lower = s.lowercased()
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
        let body = lower.dropFirst(2)
        guard !body.isEmpty else { return nil }
        var value = 0.0
        for c in body {
            guard let d = c.hexDigitValue, d < radix else { return nil }
            value = value * Double(radix) + Double(d)
        }
        return value
    }
    guard isDecimalLiteral(Array(s.utf8)) else { return nil }
    return Double(s)
}

/// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`
private func isDecimalLiteral(_ b: [UInt8]) -> Bool {
    var i = 0
    func digits() -> Int {
        let start = i
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        return i - start
    }
    if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
    let intDigits = digits()
    var fracDigits = 0
    if i < b.count, b[i] == 0x2E {
        i += 1
        fracDigits = digits()
    }
    guard intDigits + fracDigits > 0 else { return false }
    if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
        i += 1
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
        guard digits() > 0 else { return false }
    }
    return i == b.count
}

private func isJSWhiteSpace(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
        0x202F, 0x205F, 0x3000, 0xFEFF:
        true
    default: false
    }
}

/// JavaScript `Number.isInteger`.
@inline(__always) func jsIsInteger(_ x: Double) -> Bool {
    x.isFinite && x == x.rounded(.towardZero)
}
