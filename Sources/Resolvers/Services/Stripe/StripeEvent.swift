import Foundation

/// A webhook Event (`event`). `data.object` stays raw JSON until the handler knows what to
/// do with the type; `decodedObject()` turns it into the model the marketplace uses.
public struct StripeEvent: Sendable, Decodable, Equatable {
    public var id: String
    /// `checkout.session.completed`, `charge.refunded`, `account.updated`, …
    public var type: String
    public var created: Int
    public var livemode: Bool?
    public var apiVersion: String?
    /// Set on Connect events that happened on a connected account.
    public var account: String?
    public var data: Payload
    public var request: Request?

    public struct Payload: Sendable, Decodable, Equatable {
        public var object: StripeJSON
        /// On `*.updated` events: the changed fields' previous values.
        public var previousAttributes: StripeJSON?

        enum CodingKeys: String, CodingKey {
            case object
            case previousAttributes = "previous_attributes"
        }
    }

    /// The API request that caused the event, if any.
    public struct Request: Sendable, Decodable, Equatable {
        public var id: String?
        public var idempotencyKey: String?

        enum CodingKeys: String, CodingKey {
            case id
            case idempotencyKey = "idempotency_key"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, type, created, livemode, account, data, request
        case apiVersion = "api_version"
    }

    /// The `object` field of `data.object` (`checkout.session`, `charge`, …).
    public var objectType: String? { data.object["object"]?.stringValue }

    /// `data.object` decoded as `type`.
    public func object<T: Decodable>(as type: T.Type) throws -> T { try data.object.decode(as: type) }

    /// `data.object` as the model for its `object` type; `.other` for types the marketplace
    /// does not handle.
    public func decodedObject() throws -> StripeEventObject {
        switch objectType {
        case "checkout.session": .checkoutSession(try object(as: StripeCheckoutSession.self))
        case "payment_intent": .paymentIntent(try object(as: StripePaymentIntent.self))
        case "charge": .charge(try object(as: StripeCharge.self))
        case "refund": .refund(try object(as: StripeRefund.self))
        case "account": .account(try object(as: StripeAccount.self))
        case "transfer": .transfer(try object(as: StripeTransfer.self))
        case "transfer_reversal": .transferReversal(try object(as: StripeTransferReversal.self))
        default: .other(objectType ?? "unknown")
        }
    }
}

/// An event's object, by type.
public enum StripeEventObject: Sendable, Equatable {
    case checkoutSession(StripeCheckoutSession)
    case paymentIntent(StripePaymentIntent)
    case charge(StripeCharge)
    case refund(StripeRefund)
    case account(StripeAccount)
    case transfer(StripeTransfer)
    case transferReversal(StripeTransferReversal)
    /// The `object` type of something the marketplace does not model.
    case other(String)
}
