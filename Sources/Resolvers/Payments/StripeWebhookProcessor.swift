import Foundation
import Logging

/// Handles `POST /webhooks/stripe` as DOMAIN.md says: the signature checked (300 s
/// tolerance), the event id stored first and skipped once processed, events tolerated in
/// any order, and success reported only after the transaction commits. Stripe calls an
/// event needs (transfers) run inside that transaction with idempotency keys: if one fails,
/// everything rolls back, Stripe retries the event, and the calls that had succeeded are
/// not repeated at Stripe.
public struct StripeWebhookProcessor: Sendable {
    public enum Outcome: Sendable, Equatable {
        case processed
        /// Already processed: nothing done again.
        case duplicate
        /// A type the marketplace does not act on (stored and marked processed).
        case ignored
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notConfigured
        case badSignature(String)
        case malformed(String)
        public var description: String {
            switch self {
            case .notConfigured: "Stripe webhooks are not configured (set STRIPE_WEBHOOK_SECRET)"
            case .badSignature(let why): "bad signature: \(why)"
            case .malformed(let why): "malformed event: \(why)"
            }
        }
    }

    let services: MarketplaceServices
    let logger: Logger

    public init(services: MarketplaceServices, logger: Logger) {
        self.services = services
        self.logger = logger
    }

    public func handle(payload: [UInt8], signatureHeader: String?, now: Date = Date()) async throws -> Outcome {
        guard let stripe = services.stripe, let secret = stripe.configuration.webhookSecret else { throw Failure.notConfigured }
        do {
            try StripeWebhookSignature.verify(payload: payload, header: signatureHeader ?? "", secret: secret, now: now)
        } catch {
            throw Failure.badSignature("\(error)")
        }
        let event: StripeEvent
        do {
            event = try JSONDecoder().decode(StripeEvent.self, from: Data(payload))
        } catch {
            throw Failure.malformed("\(error)")
        }
        let sql = SQLExecutor(database: services.database, logger: logger)
        let payloadText = String(decoding: payload, as: UTF8.self)
        return try await sql.transaction { tx in
            // Stored first, then locked: a second delivery of the same event waits here for
            // the first to commit, then sees it processed.
            try await tx.query("""
                INSERT INTO marketplace.stripe_events (id, type, payload) VALUES (\(event.id), \(event.type), \(payloadText)::jsonb)
                ON CONFLICT (id) DO NOTHING
                """)
            let processed = try await tx.query("""
                SELECT processed_at FROM marketplace.stripe_events WHERE id = \(event.id) FOR UPDATE
                """).first?.decode(Date?.self)
            if processed != nil { return .duplicate }
            let handled = try await dispatch(event, stripe: stripe, tx)
            try await tx.query("UPDATE marketplace.stripe_events SET processed_at = now() WHERE id = \(event.id)")
            return handled ? .processed : .ignored
        }
    }

    /// Acts on the event; false for types the marketplace ignores.
    func dispatch(_ event: StripeEvent, stripe: StripeClient, _ tx: SQLTransaction) async throws -> Bool {
        switch try event.decodedObject() {
        case .checkoutSession(let session) where event.type == "checkout.session.completed":
            try await PaymentEvents.sessionCompleted(session, stripe: stripe, logger: logger, tx)
        case .checkoutSession(let session) where event.type == "checkout.session.expired":
            try await PaymentEvents.sessionExpired(session, tx)
        case .paymentIntent(let intent) where event.type == "payment_intent.payment_failed":
            try await PaymentEvents.paymentFailed(intent, tx)
        case .charge(let charge) where event.type == "charge.refunded":
            try await PaymentEvents.chargeRefunded(charge, logger: logger, tx)
        case .account(let account) where event.type == "account.updated":
            try await PaymentEvents.accountUpdated(account, logger: logger, tx)
        default:
            return false
        }
        return true
    }
}
