// `InputValue` as a `Decodable` property of argument structs: the raw value of a pass-through
// scalar (JSON-like data). The binding's decoder hands the value over as it is; other decoders
// (JSON) go through this conformance.

extension InputValue: Decodable {
    public init(from decoder: any Decoder) throws {
        if let input = decoder as? InputValueDecoder {
            self = input.value
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .boolean(b)
        } else if let i = try? single.decode(Int.self) {
            self = .int(i)
        } else if let d = try? single.decode(Double.self) {
            self = .float(d)
        } else if let s = try? single.decode(String.self) {
            self = .string(s)
        } else if let list = try? single.decode([InputValue].self) {
            self = .list(list)
        } else {
            // Sorted keys: dictionaries have no order, and inputs should decode the same each time.
            let object = try single.decode([String: InputValue].self)
            self = .object(InputFields(object.keys.sorted().map { ($0, object[$0] ?? .null) }))
        }
    }
}
