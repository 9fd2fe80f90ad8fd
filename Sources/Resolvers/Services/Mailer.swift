import Foundation
import Logging
import PostgresNIO

/// Mail goes out through `marketplace.email_outbox`: a row written in the transaction of
/// the change that sends it (so a rolled-back change sends nothing). There is no SMTP
/// sender yet; each queued mail is logged, which is how development reads its links.
struct Mailer: Sendable {
    /// `PUBLIC_URL` without a trailing slash.
    let publicURL: String
    let logger: Logger

    /// A mail queued by `enqueue`, to log once its transaction has committed.
    struct QueuedMail: Sendable {
        let to: String
        let template: String
        let link: String
    }

    /// A link into the web app carrying a token: `<PUBLIC_URL>/<path>?token=<token>`.
    func link(_ path: String, token: String) -> String {
        // Tokens are base64url, so they need no escaping in a query string.
        "\(publicURL)/\(path)?token=\(token)"
    }

    /// Queues a mail with a link in `tx`.
    func enqueue(
        _ tx: SQLTransaction, to address: String, template: String, link: String, fields: [String: String] = [:]
    ) async throws -> QueuedMail {
        var payload = fields
        payload["link"] = link
        let json = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        try await tx.query("""
            INSERT INTO marketplace.email_outbox (id, to_address, template, payload)
            VALUES (\(UUID()), \(address), \(template), \(json)::jsonb)
            """)
        return QueuedMail(to: address, template: template, link: link)
    }

    /// Logs a committed mail (development's stand-in for sending it), with the request's
    /// logger when given (its metadata has the request id).
    func logQueued(_ mail: QueuedMail, logger: Logger? = nil) {
        (logger ?? self.logger).info(
            "mail queued", metadata: ["to": "\(mail.to)", "template": "\(mail.template)", "link": "\(mail.link)"])
    }
}
