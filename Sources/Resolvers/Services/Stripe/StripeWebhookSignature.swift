import Crypto
import Foundation

/// Stripe's webhook signatures: the `Stripe-Signature` header is `t=<unix time>,v1=<hex>`
/// (more `v1` while a secret is being rolled, and `v0` from test mode, which is ignored),
/// where each `v1` is HMAC-SHA256 of `"{t}.{raw body}"` keyed with the endpoint's secret.
public enum StripeWebhookSignature {
    /// Stripe's default: an event older than five minutes may be a replay.
    public static let defaultTolerance: TimeInterval = 300

    /// Checks `header` against the raw request body; throws why it does not match. Events
    /// stamped more than `tolerance` in the past or the future are refused (a replay, or a
    /// clock far off).
    public static func verify(
        payload: some Collection<UInt8>, header: String?, secret: String,
        tolerance: TimeInterval = defaultTolerance, now: Date = Date()
    ) throws(StripeSignatureError) {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missingHeader }
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for item in header.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw .malformedHeader }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            switch key {
            case "t":
                guard timestamp == nil, let seconds = Int(value) else { throw .malformedHeader }
                timestamp = seconds
            case "v1":
                // A v1 that is not 64 hex digits cannot match; skip it rather than fail, as
                // Stripe's libraries do, since another v1 may.
                if let bytes = hexBytes(value), bytes.count == SHA256.byteCount { signatures.append(bytes) }
            default:
                continue
            }
        }
        guard let timestamp else { throw .malformedHeader }
        guard !signatures.isEmpty else { throw .noV1Signature }
        let expected = Array(signature(payload: payload, secret: secret, timestamp: timestamp))
        guard signatures.contains(where: { constantTimeEqual($0, expected) }) else { throw .signatureMismatch }
        let age = now.timeIntervalSince1970 - TimeInterval(timestamp)
        guard abs(age) <= tolerance else { throw .timestampOutsideTolerance(age: Int(age.rounded())) }
    }

    /// `Data` bodies (Foundation callers).
    public static func verify(
        payload: Data, header: String?, secret: String, tolerance: TimeInterval = defaultTolerance, now: Date = Date()
    ) throws(StripeSignatureError) {
        try verify(payload: Array(payload), header: header, secret: secret, tolerance: tolerance, now: now)
    }

    /// The header Stripe would send for `payload` at `timestamp`: for tests and local tools.
    public static func sign(payload: some Collection<UInt8>, secret: String, timestamp: Date = Date()) -> String {
        let seconds = Int(timestamp.timeIntervalSince1970)
        let mac = signature(payload: payload, secret: secret, timestamp: seconds)
        return "t=\(seconds),v1=" + mac.map { hexDigit($0 >> 4) + hexDigit($0 & 0x0F) }.joined()
    }

    static func signature(
        payload: some Collection<UInt8>, secret: String, timestamp: Int
    ) -> HashedAuthenticationCode<SHA256> {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
        hmac.update(data: Array("\(timestamp).".utf8))
        hmac.update(data: Array(payload))
        return hmac.finalize()
    }

    /// Compares all bytes whatever differs first, so the time taken says nothing about how
    /// much of a forged signature was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexDigit(_ value: UInt8) -> String { String(value, radix: 16) }
}

/// Why a webhook's signature was refused (the endpoint answers 400 to all of them).
public enum StripeSignatureError: Error, Equatable, CustomStringConvertible {
    case missingHeader
    /// Not `key=value` pairs with one integer `t`.
    case malformedHeader
    /// No `v1` signature (a `v0` alone is not enough).
    case noV1Signature
    /// No `v1` matches: another secret, or a changed body.
    case signatureMismatch
    /// The event's time is `age` seconds from now (negative: in the future).
    case timestampOutsideTolerance(age: Int)

    public var description: String {
        switch self {
        case .missingHeader: "The Stripe-Signature header is missing."
        case .malformedHeader: "The Stripe-Signature header is malformed; expected \"t=<unix time>,v1=<hex>\"."
        case .noV1Signature: "The Stripe-Signature header has no v1 signature."
        case .signatureMismatch: "No v1 signature in the Stripe-Signature header matches the payload."
        case .timestampOutsideTolerance(let age):
            age >= 0
                ? "The Stripe-Signature timestamp is \(age) s old, more than the tolerance allows."
                : "The Stripe-Signature timestamp is \(-age) s in the future, more than the tolerance allows."
        }
    }
}
