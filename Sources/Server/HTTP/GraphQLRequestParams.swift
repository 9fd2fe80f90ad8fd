import GraphQLEngine

/// A GraphQL-over-HTTP request's parameters: from a POST's JSON body or a GET's URL.
struct GraphQLRequestParams: Sendable {
    var query: String?
    var operationName: String?
    var variables: [String: InputValue] = [:]
    var extensions: InputFields = InputFields()

    /// Why a request's parameters cannot be used (a `400`).
    struct Malformed: Error {
        let message: String
    }

    /// The Apollo persisted-query hash in `extensions`, if any (version 1 only).
    func persistedQueryHash() throws(Malformed) -> String? {
        guard let pq = extensions["persistedQuery"] else { return nil }
        guard case .object(let fields) = pq else {
            throw Malformed(message: "extensions.persistedQuery must be an object.")
        }
        guard case .int(1)? = fields["version"] else {
            throw Malformed(message: "Unsupported persisted query version (only version 1 is supported).")
        }
        guard case .string(let hash)? = fields["sha256Hash"], hash.utf8.count == 64 else {
            throw Malformed(message: "extensions.persistedQuery.sha256Hash must be a SHA-256 hash in hex.")
        }
        return hash
    }

    /// From a POST body (`application/json`): an object with `query` (a string),
    /// `operationName` (a string), `variables` and `extensions` (objects), each also null.
    init(json bytes: [UInt8]) throws(Malformed) {
        let value: InputValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw Malformed(message: "The request body is not valid JSON: \(error.message).")
        }
        guard case .object(let fields) = value else {
            throw Malformed(message: "The request body must be a JSON object.")
        }
        try self.init(fields: fields)
    }

    /// From a GET's query parameters; `variables` and `extensions` are JSON text.
    init(queryParameters: [(String, String)]) throws(Malformed) {
        var fields: [(String, InputValue)] = []
        for (name, text) in queryParameters {
            switch name {
            case "query", "operationName":
                fields.append((name, .string(text)))
            case "variables", "extensions":
                do {
                    fields.append((name, try JSONReader.parse(text)))
                } catch {
                    throw Malformed(message: "The \(name) parameter is not valid JSON: \(error.message).")
                }
            default:
                continue
            }
        }
        try self.init(fields: InputFields(fields))
    }

    private init(fields: InputFields) throws(Malformed) {
        switch fields["query"] {
        case nil, .null?: query = nil
        case .string(let s)?: query = s
        default: throw Malformed(message: "The query parameter must be a string.")
        }
        switch fields["operationName"] {
        case nil, .null?: operationName = nil
        case .string(let s)?: operationName = s
        default: throw Malformed(message: "The operationName parameter must be a string.")
        }
        switch fields["variables"] {
        case nil, .null?: break
        case .object(let o)?: for (key, value) in o { variables[key] = value }
        default: throw Malformed(message: "The variables parameter must be an object.")
        }
        switch fields["extensions"] {
        case nil, .null?: break
        case .object(let o)?: extensions = o
        default: throw Malformed(message: "The extensions parameter must be an object.")
        }
    }
}
