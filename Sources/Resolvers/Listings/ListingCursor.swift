import Foundation

/// A keyset position in one listing search: the last row's sort key and id, plus what
/// the cursor belongs to (the sort and a fingerprint of the filter and visibility), so a
/// cursor from another query is refused instead of silently paging something else.
///
/// Wire form: base64url (no padding) of a small JSON object. The sort key travels as the
/// exact text PostgreSQL produced (integer microseconds, bigint cents, numeric digits),
/// never as a binary float, so the next page starts exactly after the row.
///
/// A cursor is not signed: a client can forge a well-formed one, but it only moves the
/// start of a page within rows the query may return anyway (visibility is in the WHERE
/// clause, never in the cursor). Anything malformed is `ListingSearchError.invalidCursor`.
struct ListingCursor: Equatable {
    static let version = 1

    var sort: ListingSort
    var fingerprint: String
    /// The sort key as text, in the form `ListingSort.KeyType` describes.
    var key: String
    var id: UUID

    private struct Wire: Codable {
        var v: Int
        var s: String
        var f: String
        var k: String
        var i: UUID
    }

    func encoded() -> String {
        let wire = Wire(v: Self.version, s: sort.rawValue, f: fingerprint, k: key, i: id)
        // Sorted keys: the same position always gives the same cursor text.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Encoding five plain fields cannot fail; an empty cursor would be refused later.
        let json = (try? encoder.encode(wire)) ?? Data()
        return json.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes `text` and checks that it belongs to a search with this sort and fingerprint.
    static func decode(_ text: String, sort: ListingSort, fingerprint: String) throws -> ListingCursor {
        // Longer than any cursor we make: refuse before decoding arbitrary input.
        guard text.utf8.count <= 512 else { throw ListingSearchError.invalidCursor }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let wire = try? JSONDecoder().decode(Wire.self, from: data),
              wire.v == version,
              wire.s == sort.rawValue,
              wire.f == fingerprint,
              sort.keyType.isValid(wire.k)
        else { throw ListingSearchError.invalidCursor }
        return ListingCursor(sort: sort, fingerprint: fingerprint, key: wire.k, id: wire.i)
    }
}

extension ListingSort {
    /// How a sort's key is written in a cursor and bound back into SQL.
    enum KeyType {
        /// A timestamp as integer microseconds since the Unix epoch.
        case microseconds
        /// A bigint (cents).
        case integer
        /// A numeric's decimal digits (`4.50`, `0.0759`).
        case numeric

        /// Whether `key` is something this type's SQL cast accepts, so a bad cursor is a
        /// user error here rather than a failed statement later.
        func isValid(_ key: String) -> Bool {
            switch self {
            case .microseconds, .integer:
                // Microseconds stay below 2^53 for any real date, where the SQL arithmetic is exact.
                guard let value = Int64(key) else { return false }
                return self == .integer || abs(value) < (1 << 53)
            case .numeric:
                let bytes = Array(key.utf8)
                guard (1...40).contains(bytes.count) else { return false }
                let digits = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                return (1...2).contains(digits.count) && digits.allSatisfy { part in
                    !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                }
            }
        }
    }
}

/// A fingerprint that ties a cursor to its query (FNV-1a 64, not security: the point is
/// to notice a cursor used with another filter, not to resist forgery).
func listingFingerprint(_ parts: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
        // Length-prefixed, so ["ab", "c"] and ["a", "bc"] differ.
        for byte in "\(part.utf8.count):\(part)|".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

extension SQLBuilder {
    /// `AND (<time>, <id>) < (<cursor's instant>, <cursor's id>)`: the rows after `cursor` in
    /// a newest-first keyset on a timestamp and an id (saved listings, orders). The instant
    /// is rebuilt from integer microseconds, so the comparison is exact.
    mutating func appendBefore(_ cursor: ListingCursor, time: StaticString, id: StaticString) {
        append(" AND (")
        append(time)
        append(", ")
        append(id)
        append(") < (TIMESTAMPTZ 'epoch' + ", Int64(cursor.key) ?? 0, cast: "::bigint")
        append(" * INTERVAL '1 microsecond', ", cursor.id)
        append(")")
    }
}
