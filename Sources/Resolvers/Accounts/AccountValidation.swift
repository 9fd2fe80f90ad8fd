import Foundation

/// The rules inputs must meet, as `UserError`s for the payload.
enum AccountValidation {
    /// A practical address check (what HTML's `type=email` accepts, plus a dot in the
    /// domain and RFC 5321's length limits), not a full RFC 5322 parser: the verification
    /// mail is the real test.
    static func email(_ raw: String, field: [String]) -> (String, UserError?) {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let invalid = UserError(field: field, code: .invalidEmail, message: "Enter a valid email address.")
        guard email.utf8.count <= 254, let at = email.lastIndex(of: "@") else { return (email, invalid) }
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        guard !local.isEmpty, local.utf8.count <= 64, local.allSatisfy({ localAllowed.contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return (email, invalid) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }), (labels.last?.count ?? 0) >= 2
        else { return (email, invalid) }
        return (email, nil)
    }

    /// At least 8 characters with a letter and a digit; at most 72 bytes, since bcrypt
    /// ignores the rest (a longer password would be silently weaker than it looks).
    static func password(_ password: String, field: [String]) -> UserError? {
        let hasLetter = password.contains { $0.isLetter }
        let hasDigit = password.contains { $0.isNumber }
        guard password.count >= 8, password.utf8.count <= 72, hasLetter, hasDigit else {
            return UserError(
                field: field, code: .weakPassword,
                message: "Use 8 to 72 characters, with at least one letter and one digit.")
        }
        return nil
    }

    /// A first or last name: trimmed, 1 to 100 characters (Unicode scalars, as PostgreSQL's
    /// `length` counts them: one emoji with a skin tone is two).
    static func name(_ raw: String, field: [String], label: String) -> (String, UserError?) {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.unicodeScalars.count <= 100, !name.contains(where: { $0.isNewline }) else {
            return (name, UserError(field: field, code: .invalidInput, message: "\(label) must be 1 to 100 characters."))
        }
        return (name, nil)
    }

    /// A phone number as people write it (digits, spaces, `+ - ( ) .`), 5 to 32 characters
    /// with at least 5 digits; empty clears it.
    static func phone(_ raw: String, field: [String]) -> (String, UserError?) {
        let phone = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if phone.isEmpty { return (phone, nil) }
        let allowed = Set("0123456789 +-().")
        guard (5...32).contains(phone.count), phone.allSatisfy({ allowed.contains($0) }),
              phone.filter(\.isNumber).count >= 5
        else {
            return (phone, UserError(field: field, code: .invalidInput, message: "Enter a valid phone number."))
        }
        return (phone, nil)
    }
}
