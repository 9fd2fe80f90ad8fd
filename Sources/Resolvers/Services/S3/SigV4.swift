import Crypto
import Foundation

/// AWS Signature Version 4: the pure functions (key derivation, canonical request, string
/// to sign, encoding, timestamps). `SigV4Signer` puts them together for one set of
/// credentials. Kept free of S3 specifics so that AWS's generic examples (IAM) check it too.
public enum SigV4 {
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The payload hash of presigned URLs: the body is not known when the URL is made.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// SHA-256 of the empty body (HEAD, GET without a body).
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    // MARK: Key derivation and signatures

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    /// Returned as bytes so that tests can compare it with AWS's published hex.
    public static func signingKey(
        secretAccessKey: String, dateStamp: String, region: String, service: String
    ) -> [UInt8] {
        var key = SymmetricKey(data: Array(("AWS4" + secretAccessKey).utf8))
        for part in [dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key.withUnsafeBytes { Array($0) }
    }

    /// Hex HMAC-SHA256 of `stringToSign` under a derived signing key.
    public static func signature(signingKey: [UInt8], stringToSign: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array(stringToSign.utf8), using: SymmetricKey(data: signingKey))
        return hex(Array(mac))
    }

    /// `<date>/<region>/<service>/aws4_request`
    public static func scope(dateStamp: String, region: String, service: String) -> String {
        "\(dateStamp)/\(region)/\(service)/aws4_request"
    }

    public static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        [algorithm, amzDate, scope, sha256Hex(Array(canonicalRequest.utf8))].joined(separator: "\n")
    }

    // MARK: Canonical request

    /// The canonical request and its signed-headers list. `canonicalURI` is already
    /// encoded (S3 signs the path as sent, encoded once, not normalised); query pairs
    /// and headers are raw and encoded/normalised here.
    public static func canonicalRequest(
        method: String, canonicalURI: String, query: [(String, String)],
        headers: [(String, String)], payloadHash: String
    ) -> (request: String, signedHeaders: String) {
        let normalized = headers
            .map { (name: $0.0.lowercased(), value: normalizeHeaderValue($0.1)) }
            .sorted { $0.name < $1.name }
        let canonicalHeaders = normalized.map { "\($0.name):\($0.value)\n" }.joined()
        let signedHeaders = normalized.map(\.name).joined(separator: ";")
        let request = [
            method, canonicalURI, canonicalQueryString(query), canonicalHeaders, signedHeaders, payloadHash,
        ].joined(separator: "\n")
        return (request, signedHeaders)
    }

    /// Pairs encoded then sorted by encoded name, then value (byte order: "X-Amz-…" sorts
    /// before "response-…"). The same string is used as the URL's query, so what is sent
    /// is exactly what was signed.
    public static func canonicalQueryString(_ query: [(String, String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { (uriEncode($0.0), uriEncode($0.1)) }
        let sorted = encoded.sorted { a, b in a.name == b.name ? a.value < b.value : a.name < b.name }
        return sorted.map { pair in pair.name + "=" + pair.value }.joined(separator: "&")
    }

    /// Trims and collapses runs of spaces, as the canonical headers require.
    static func normalizeHeaderValue(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    // MARK: Encoding

    /// RFC 3986 percent-encoding as SigV4 defines it: only A–Z a–z 0–9 - _ . ~ stay as
    /// they are; every other UTF-8 byte becomes %XX (uppercase). `/` is kept in object key
    /// paths and encoded in query values. (Foundation's encoders keep more characters,
    /// which would make the signature differ from what S3 computes.)
    public static func uriEncode(_ string: String, keepSlash: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out.append("/")
            default:
                out.append("%")
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(Array(SHA256.hash(data: bytes)))
    }

    // MARK: Timestamps (UTC, Gregorian; no DateFormatter, which is neither cheap nor Sendable)

    /// `20130524T000000Z` (whole seconds: the fraction is dropped, as AWS's SDKs do).
    public static func amzDate(_ date: Date) -> String {
        let c = utcComponents(date)
        return "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))T\(pad(c.hour, 2))\(pad(c.minute, 2))\(pad(c.second, 2))Z"
    }

    /// `20130524`: the date part of the credential scope.
    public static func dateStamp(_ date: Date) -> String {
        String(amzDate(date).prefix(8))
    }

    /// `2015-12-30T12:00:00.000Z`: a POST policy's `expiration` (ISO 8601 with milliseconds).
    public static func iso8601Milliseconds(_ date: Date) -> String {
        let c = utcComponents(date)
        let date = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
        return "\(date)T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(c.millisecond, 3))Z"
    }

    private static func utcComponents(_ date: Date) -> (
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int
    ) {
        // Days since the epoch to a civil date (Howard Hinnant's algorithm): exact for any
        // date, with no calendar or time-zone objects involved.
        let interval = date.timeIntervalSince1970
        let wholeSeconds = Int(interval.rounded(.down))
        let millisecond = min(999, Int(((interval - Double(wholeSeconds)) * 1000).rounded(.down)))
        let days = Int((Double(wholeSeconds) / 86_400).rounded(.down))
        let secondOfDay = wholeSeconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60, millisecond)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
