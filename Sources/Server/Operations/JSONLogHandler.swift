import Foundation
import GraphQLEngine
import Logging

/// One JSON object per log line on standard error (`LOG_FORMAT=json`, the default):
/// `{"time","level","label","message", ...metadata}` — what log collectors parse.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(Data(render(event.level, event.message, event.metadata, now: Date())))
    }

    /// One log line: the JSON object and a newline.
    func render(_ level: Logger.Level, _ message: Logger.Message, _ explicit: Logger.Metadata?, now: Date) -> [UInt8] {
        var fields: [(String, JSONValue)] = [
            ("time", .string(now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))),
            ("level", .string(level.rawValue)),
            ("label", .string(label)),
            ("message", .string(message.description)),
        ]
        let merged = metadata.merging(explicit ?? [:]) { _, new in new }
        for key in merged.keys.sorted() { fields.append((key, Self.json(merged[key]!))) }
        var writer = JSONWriter(capacity: 256)
        writer.writeByte(UInt8(ascii: "{"))
        for (i, (key, value)) in fields.enumerated() {
            if i > 0 { writer.writeByte(UInt8(ascii: ",")) }
            writer.writeString(key)
            writer.writeByte(UInt8(ascii: ":"))
            writer.writeJSONValue(value)
        }
        writer.writeASCII("}\n")
        return writer.bytes
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let s): .string(s)
        case .stringConvertible(let c): .string(c.description)
        case .array(let items): .array(items.map(json))
        case .dictionary(let d): .object(d.mapValues(json))
        }
    }
}
