import Foundation

/// Free text from a mutation's input (review titles and bodies, responses, reasons, message
/// bodies): trimmed, empty counted as absent, bounded in characters. Characters are Unicode
/// scalars, as PostgreSQL's `char_length` counts them (one emoji with a skin tone is two), so
/// text this accepts always passes the table's CHECK.
struct TextInput {
    /// The trimmed text, nil when absent or blank.
    let value: String?
    /// Why the text is refused, nil when it is fine.
    let error: UserError?

    /// - Parameters:
    ///   - field: the error's `field` path (`["input", "body"]`).
    ///   - what: how the message names the text ("The body").
    ///   - required: whether absent or blank text is refused.
    init(_ text: String?, field: [String], what: String, maximum: Int, required: Bool) {
        let trimmed = text?.trimmingWhitespace() ?? ""
        value = trimmed.isEmpty ? nil : trimmed
        if trimmed.isEmpty && required {
            error = UserError(field: field, code: .invalidInput, message: "\(what) must not be empty.")
        } else if trimmed.unicodeScalars.count > maximum {
            error = UserError(
                field: field, code: .invalidInput,
                message: "\(what) is \(trimmed.unicodeScalars.count) characters long: at most \(maximum) are allowed.")
        } else {
            error = nil
        }
    }
}
