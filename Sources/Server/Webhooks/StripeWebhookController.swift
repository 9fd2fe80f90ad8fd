import Foundation
import Hummingbird
import Logging
import Resolvers

/// `POST /webhooks/stripe`: the raw body goes to `StripeWebhookProcessor` unchanged (the
/// signature covers its exact bytes). 200 only once the event's transaction has committed;
/// 400 for a bad or stale signature or a body that is not an event; 5xx otherwise, which
/// makes Stripe deliver the event again later.
struct StripeWebhookController<Context: RequestContext>: Sendable {
    let processor: StripeWebhookProcessor
    /// Stripe's events are a few kilobytes; anything far larger is not one.
    static var maximumBodyBytes: Int { 1 << 20 }

    func addRoutes(to router: Router<Context>) {
        router.post("/webhooks/stripe") { request, context -> Response in
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: Self.maximumBodyBytes)
            } catch {
                return Self.json(#"{"error":"body too large"}"#, status: .contentTooLarge)
            }
            let signature = request.headers[.init("Stripe-Signature")!]
            do {
                let outcome = try await processor.handle(payload: Array(buffer: body), signatureHeader: signature)
                return Self.json(#"{"received":true,"outcome":"\#(outcome)"}"#, status: .ok)
            } catch let failure as StripeWebhookProcessor.Failure {
                switch failure {
                case .badSignature, .malformed:
                    context.logger.warning("stripe webhook refused", metadata: ["reason": "\(failure)"])
                    return Self.json(#"{"error":"invalid webhook"}"#, status: .badRequest)
                case .notConfigured:
                    context.logger.error("stripe webhook received but STRIPE_WEBHOOK_SECRET is not set")
                    return Self.json(#"{"error":"webhooks are not configured"}"#, status: .serviceUnavailable)
                }
            } catch {
                // Not committed: Stripe retries, and the event id makes the retry safe.
                context.logger.error("stripe webhook failed", metadata: ["error": "\(String(reflecting: error))"])
                return Self.json(#"{"error":"internal error"}"#, status: .internalServerError)
            }
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
