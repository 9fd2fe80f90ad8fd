import GraphQLEngine

/// A graphql-transport-ws message from the client, checked as graphql-ws's
/// `validateMessage` checks it (PROTOCOL.md of enisdenjo/graphql-ws).
enum GraphQLWSClientMessage: Sendable {
    case connectionInit(payload: InputFields?)
    case ping(payload: InputValue?)
    case pong
    case subscribe(id: String, params: GraphQLRequestParams)
    case complete(id: String)

    /// Why a message is not one of the protocol's: the socket closes with 4400 and this.
    struct Invalid: Error {
        let reason: String
    }

    init(json bytes: [UInt8]) throws(Invalid) {
        let value: InputValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw Invalid(reason: "Invalid message received: not JSON")
        }
        guard case .object(let message) = value else { throw Invalid(reason: "Message must be an object") }
        guard case .string(let type)? = message["type"] else {
            throw Invalid(reason: "Message is missing the 'type' property")
        }
        switch type {
        case "connection_init":
            self = .connectionInit(payload: try Self.optionalObject(message["payload"], type))
        case "ping":
            _ = try Self.optionalObject(message["payload"], type)
            // Echoed as it came (graphql-ws answers `pong` with the ping's payload).
            if case .object? = message["payload"] {
                self = .ping(payload: message["payload"])
            } else {
                self = .ping(payload: nil)
            }
        case "pong":
            _ = try Self.optionalObject(message["payload"], type)
            self = .pong
        case "subscribe":
            let id = try Self.id(message["id"], type)
            guard case .object(let payload)? = message["payload"] else {
                throw Invalid(reason: "\"subscribe\" message expects the 'payload' property to be an object")
            }
            self = .subscribe(id: id, params: try GraphQLRequestParams(subscribePayload: payload))
        case "complete":
            self = .complete(id: try Self.id(message["id"], type))
        default:
            // Including the server's own types (`next`, `error`, `connection_ack`).
            throw Invalid(reason: "Unexpected message of type \(type) received")
        }
    }

    private static func id(_ value: InputValue?, _ type: String) throws(Invalid) -> String {
        guard case .string(let id)? = value, !id.isEmpty else {
            throw Invalid(reason: "\"\(type)\" message requires a non-empty 'id' property")
        }
        return id
    }

    private static func optionalObject(_ value: InputValue?, _ type: String) throws(Invalid) -> InputFields? {
        switch value {
        case nil, .null?: return nil
        case .object(let fields)?: return fields
        default: throw Invalid(reason: "\"\(type)\" message expects the 'payload' property to be an object or nullish")
        }
    }
}

extension GraphQLRequestParams {
    /// From a `subscribe` payload: `query` a string (required by the protocol),
    /// `operationName` a string, `variables` and `extensions` objects, each also null.
    init(subscribePayload payload: InputFields) throws(GraphQLWSClientMessage.Invalid) {
        guard case .string(let query)? = payload["query"] else {
            throw .init(reason: "\"subscribe\" message expects the 'payload.query' property to be a string")
        }
        self.query = query
        switch payload["operationName"] {
        case nil, .null?: operationName = nil
        case .string(let name)?: operationName = name
        default:
            throw .init(reason: "\"subscribe\" message payload expects the 'operationName' property to be a string or nullish")
        }
        variables = [:]
        switch payload["variables"] {
        case nil, .null?: break
        case .object(let fields)?: for (key, value) in fields { variables[key] = value }
        default:
            throw .init(reason: "\"subscribe\" message payload expects the 'variables' property to be an object or nullish")
        }
        switch payload["extensions"] {
        case nil, .null?: extensions = InputFields()
        case .object(let fields)?: extensions = fields
        default:
            throw .init(reason: "\"subscribe\" message payload expects the 'extensions' property to be an object or nullish")
        }
    }
}

/// The server's graphql-transport-ws messages as JSON text. Results are written by the
/// engine's `writeJSON` straight into the message: no second encoding.
enum GraphQLWSServerMessage {
    static func connectionAck() -> [UInt8] { Array(#"{"type":"connection_ack"}"#.utf8) }

    static func pong(_ payload: InputValue?) -> [UInt8] {
        guard let payload else { return Array(#"{"type":"pong"}"#.utf8) }
        var writer = JSONWriter(capacity: 64)
        writer.writeASCII(#"{"type":"pong","payload":"#)
        writer.writeInputValue(payload)
        writer.writeByte(UInt8(ascii: "}"))
        return writer.bytes
    }

    static func next(id: String, _ result: ExecutionResult) -> [UInt8] {
        var writer = start(id: id, type: "next", capacity: 4096)
        writer.writeASCII(#","payload":"#)
        result.writeJSON(into: &writer)
        writer.writeByte(UInt8(ascii: "}"))
        return writer.bytes
    }

    static func error(id: String, _ errors: [GraphQLError]) -> [UInt8] {
        var writer = start(id: id, type: "error", capacity: 512)
        writer.writeASCII(#","payload":"#)
        ExecutionResult(requestErrors: errors).writeErrors(into: &writer)
        writer.writeByte(UInt8(ascii: "}"))
        return writer.bytes
    }

    static func complete(id: String) -> [UInt8] {
        var writer = start(id: id, type: "complete", capacity: 64)
        writer.writeByte(UInt8(ascii: "}"))
        return writer.bytes
    }

    private static func start(id: String, type: StaticString, capacity: Int) -> JSONWriter {
        var writer = JSONWriter(capacity: capacity)
        writer.writeASCII(#"{"id":"#)
        writer.writeString(id)
        writer.writeASCII(#","type":""#)
        writer.writeASCII(type)
        writer.writeByte(UInt8(ascii: "\""))
        return writer
    }
}
