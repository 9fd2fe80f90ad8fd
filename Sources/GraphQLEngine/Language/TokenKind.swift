/// Lexical token kinds; raw values are graphql-js `TokenKind` strings (used in messages).
public enum TokenKind: String, Sendable, Hashable, CaseIterable {
    case sof = "<SOF>"
    case eof = "<EOF>"
    case bang = "!"
    case dollar = "$"
    case amp = "&"
    case parenL = "("
    case parenR = ")"
    case spread = "..."
    case colon = ":"
    case equals = "="
    case at = "@"
    case bracketL = "["
    case bracketR = "]"
    case braceL = "{"
    case pipe = "|"
    case braceR = "}"
    case name = "Name"
    case int = "Int"
    case float = "Float"
    case string = "String"
    case blockString = "BlockString"
    case comment = "Comment"

    /// graphql-js `isPunctuatorTokenKind`.
    public var isPunctuator: Bool {
        switch self {
        case .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at,
             .bracketL, .bracketR, .braceL, .pipe, .braceR:
            true
        default:
            false
        }
    }

    /// graphql-js `getTokenKindDesc`: punctuators quoted, others bare.
    var desc: String { isPunctuator ? "\"\(rawValue)\"" : rawValue }
}
