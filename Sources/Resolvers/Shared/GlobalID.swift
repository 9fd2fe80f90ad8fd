import Foundation

/// A Relay global ID: the opaque base64 (standard alphabet, padded) of `"<Type>:<uuid>"`, as
/// GitHub's and Shopify's APIs make theirs. Clients must not parse it; we only promise that
/// `Query.node(id:)` resolves it.
public struct GlobalID: Sendable, Hashable, CustomStringConvertible {
    /// The GraphQL object type (`"User"`).
    public let type: String
    public let id: UUID

    public init(_ type: String, _ id: UUID) {
        self.type = type
        self.id = id
    }

    /// The encoded form, as the API hands it out.
    public var description: String {
        Data("\(type):\(id.uuidString.lowercased())".utf8).base64EncodedString()
    }

    /// Decodes an ID the API handed out; nil for anything else (not base64, no type, not a UUID).
    public init?(decoding text: String) {
        guard text.count <= 128, let data = Data(base64Encoded: text),
              let plain = String(data: data, encoding: .utf8),
              let colon = plain.firstIndex(of: ":")
        else { return nil }
        let type = String(plain[..<colon])
        guard !type.isEmpty, type.allSatisfy({ $0.isASCII && $0.isLetter }),
              let id = UUID(uuidString: String(plain[plain.index(after: colon)...]))
        else { return nil }
        self.type = type
        self.id = id
    }

    /// Decodes an ID argument that must name an object of `type`: a `BAD_USER_INPUT` error
    /// for a malformed ID or one of another type (the client sent something we never gave out).
    public static func parse(_ text: String, as type: String, argument: String = "id") throws -> UUID {
        guard let global = GlobalID(decoding: text), global.type == type else {
            throw APIError.badUserInput("\"\(argument)\" is not a valid \(type) ID.")
        }
        return global.id
    }
}
