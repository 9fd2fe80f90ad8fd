import Foundation

/// Stripe's request encoding: `application/x-www-form-urlencoded` with nested keys.
///
/// `["metadata": ["order_id": "o 1"], "line_items": [["quantity": 2]]]` becomes
/// `metadata[order_id]=o%201&line_items[0][quantity]=2`: dictionaries as `[key]`, arrays as
/// `[index]`, booleans as `true`/`false`, in the order given. Each key segment and each value
/// is percent-encoded on its own (everything but RFC 3986's unreserved characters, space as
/// `%20`), so the brackets that give the structure stay literal and a bracket inside a key
/// name does not.
public enum StripeForm {
    /// The `name=value` pairs, not yet encoded, in order.
    public static func pairs(_ params: StripeParam) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        flatten(params, prefix: nil, into: &out)
        return out
    }

    /// The encoded body (or query) for `params`, usually a `.dict`. A bare scalar has no name
    /// and encodes to nothing.
    public static func encode(_ params: StripeParam) -> String {
        var out: [(name: String, value: String)] = []
        flatten(params, prefix: nil, encoded: true, into: &out)
        return out.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// The same pairs for a URL query, with the brackets percent-encoded too: HTTP clients
    /// encode them in a query anyway, and the request then is exactly what was built.
    public static func encodeQuery(_ params: StripeParam) -> String {
        encode(params).replacingOccurrences(of: "[", with: "%5B").replacingOccurrences(of: "]", with: "%5D")
    }

    private static func flatten(
        _ param: StripeParam, prefix: String?, encoded: Bool = false, into out: inout [(name: String, value: String)]
    ) {
        func name(_ segment: String) -> String {
            let part = encoded ? percentEncode(segment) : segment
            guard let prefix else { return part }
            return "\(prefix)[\(part)]"
        }
        func value(_ text: String) -> String { encoded ? percentEncode(text) : text }
        switch param {
        case .dict(let pairs):
            for (key, child) in pairs { flatten(child, prefix: name(key), encoded: encoded, into: &out) }
        case .array(let items):
            for (index, child) in items.enumerated() {
                flatten(child, prefix: name(String(index)), encoded: encoded, into: &out)
            }
        case .string(let text):
            if let prefix { out.append((prefix, value(text))) }
        case .int(let number):
            if let prefix { out.append((prefix, String(number))) }
        case .bool(let flag):
            if let prefix { out.append((prefix, flag ? "true" : "false")) }
        }
    }

    /// Percent-encodes UTF-8 bytes outside `A-Z a-z 0-9 - . _ ~`, with upper-case hex.
    public static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
