// The one error binding reports: every problem found between a schema and its resolvers.

/// Everything wrong between a schema and its resolvers, found when they are bound: one
/// problem per line, sorted, each starting with the schema coordinate or type it concerns
/// and saying what to do.
public struct SchemaBindingError: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted.
    public let problems: [String]

    init(problems: [String]) {
        self.problems = Array(Set(problems)).sorted()
    }

    /// The problems, one per line.
    public var description: String { problems.joined(separator: "\n") }
}

/// Wording shared by the binder's problems.
enum BindingWords {
    /// ` (did you mean "a" or "b"?)`, or "" when nothing is close.
    static func suggestion(_ input: String, _ options: [String], noun: String? = nil) -> String {
        let quoted = suggestionList(input, options).prefix(5).map { "\"\($0)\"" }
        let lead = " (did you mean " + (noun.map { $0 + " " } ?? "")
        switch quoted.count {
        case 0: return ""
        case 1: return lead + quoted[0] + "?)"
        default: return lead + quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "") + "?)"
        }
    }

    /// "an enum", "a union"...
    static func kind(_ type: GraphQLNamedType) -> String {
        switch type {
        case .scalar: "a scalar"
        case .object: "an object type"
        case .interface: "an interface"
        case .union: "a union"
        case .enum: "an enum"
        case .inputObject: "an input object type"
        }
    }
}
