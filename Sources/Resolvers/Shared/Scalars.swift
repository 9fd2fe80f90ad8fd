import Foundation
import GraphQLEngine

/// The custom scalars every part of the schema uses.
enum Scalars {
    static func register(in resolvers: inout SchemaResolvers<Context>) {
        // RFC 3339 in UTC, with milliseconds when the time has them (PostgreSQL keeps
        // microseconds; clients sort by what we send, so we do not drop precision to seconds).
        resolvers.scalar(
            "DateTime", Date.self,
            serialize: { date in formatDateTime(date) },
            parseValue: { value in
                guard case .string(let text) = value, let date = parseDateTime(text) else {
                    throw GraphQLError(message: "DateTime must be an RFC 3339 string, such as \"2025-01-31T18:00:00Z\".")
                }
                return date
            })
        // A 64-bit integer written as a JSON number (money in cents): the engine keeps
        // integers beyond 2^53 exact.
        resolvers.scalar(
            "BigInt", Int64.self,
            serialize: { value in InputValue.int(Int(value)) },
            parseValue: { value in
                switch value {
                case .int(let n): return Int64(n)
                case .string(let text):
                    // Some JSON clients cannot hold 64-bit numbers and send strings.
                    if let n = Int64(text) { return n }
                default: break
                }
                throw GraphQLError(message: "BigInt must be a whole number between -2^63 and 2^63-1.")
            })
    }

    private static let whole = Date.ISO8601FormatStyle()
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func formatDateTime(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let rounded = Date(timeIntervalSince1970: milliseconds / 1000)
        return milliseconds.truncatingRemainder(dividingBy: 1000) == 0
            ? whole.format(rounded) : fractional.format(rounded)
    }

    static func parseDateTime(_ text: String) -> Date? {
        (try? whole.parse(text)) ?? (try? fractional.parse(text))
    }
}
