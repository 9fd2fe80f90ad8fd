import Foundation

/// URL slugs for listings: lower-case ASCII letters and digits separated by single dashes,
/// the form the `listings.slug` CHECK requires.
public enum ListingSlug {
    /// Long enough to read, short enough for a URL; leaves room for a `-NNN` suffix.
    static let maximumBaseLength = 60

    /// "Café Tour: São Paulo!" → "cafe-tour-sao-paulo". Accents are dropped (the
    /// canonical decomposition splits "é" into "e" and a combining mark); any other
    /// character separates words. A title with no ASCII letter or digit gives "listing".
    public static func base(for title: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let v = scalar.value
            let isUpper = v >= 0x41 && v <= 0x5A, isLower = v >= 0x61 && v <= 0x7A, isDigit = v >= 0x30 && v <= 0x39
            if isUpper || isLower || isDigit {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                // ASCII upper to lower case is +0x20.
                slug.unicodeScalars.append(isUpper ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
            } else {
                pendingDash = true
            }
        }
        if slug.utf8.count > maximumBaseLength {
            // Cut at a word boundary when there is one, and never end on a dash.
            var cut = String(slug.prefix(maximumBaseLength))
            if let dash = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: dash) >= 20 {
                cut = String(cut[..<dash])
            }
            while cut.hasSuffix("-") { cut.removeLast() }
            slug = cut
        }
        return slug.isEmpty ? "listing" : slug
    }

    /// `base` itself when free, else `base-2`, `base-3`, ...: the first not in `taken`.
    public static func firstAvailable(base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}
