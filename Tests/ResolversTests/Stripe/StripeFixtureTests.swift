import Foundation
import Resolvers
import XCTest

/// Every modelled object decodes from Stripe's published fixtures (github.com/stripe/openapi,
/// `fixtures3.json`, MIT licensed), which have every field Stripe may send.
final class StripeFixtureTests: XCTestCase {
    /// `resources[name]` of the fixtures, as JSON bytes.
    static func fixture(_ name: String) throws -> Data {
        guard
            let url = Bundle.module.url(
                forResource: "stripe-fixtures3", withExtension: "json", subdirectory: "Fixtures")
        else { throw StripeTestSetupError("Fixtures/stripe-fixtures3.json is not among the test resources") }
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        guard let resource = (root?["resources"] as? [String: Any])?[name] else {
            throw StripeTestSetupError("the fixtures have no resource \"\(name)\"")
        }
        return try JSONSerialization.data(withJSONObject: resource)
    }

    static func decode<T: Decodable>(_ type: T.Type, fixture name: String) throws -> T {
        try JSONDecoder().decode(type, from: fixture(name))
    }

    func testCheckoutSession() throws {
        let session = try Self.decode(StripeCheckoutSession.self, fixture: "checkout.session")
        XCTAssertTrue(session.id.hasPrefix("cs_test_"))
        XCTAssertEqual(session.status, "open")
        XCTAssertEqual(session.paymentStatus, "unpaid")
        XCTAssertEqual(session.mode, "payment")
        XCTAssertEqual(session.paymentIntent?.id, "pi_1PgafyB7WZ01zgkWSjxsAJo3")
        XCTAssertEqual(session.successURL, "https://example.com/success")
        XCTAssertEqual(session.cancelURL, "https://example.com/cancel")
        XCTAssertEqual(session.expiresAt, 1_234_567_890)
        XCTAssertEqual(session.customerDetails?.email, "example@example.com")
        XCTAssertNil(session.amountTotal)
        XCTAssertEqual(session.metadata, [:])
    }

    func testAccount() throws {
        let account = try Self.decode(StripeAccount.self, fixture: "account")
        XCTAssertEqual(account.id, "acct_1PgafTB7WZ01zgkW")
        XCTAssertEqual(account.chargesEnabled, false)
        XCTAssertEqual(account.payoutsEnabled, false)
        XCTAssertEqual(account.detailsSubmitted, false)
        XCTAssertEqual(account.capabilities?["transfers"], "active")
        XCTAssertEqual(account.requirements?.disabledReason, "requirements.past_due")
        XCTAssertTrue(account.requirements?.currentlyDue?.contains("external_account") ?? false)
    }

    func testAccountLink() throws {
        let link = try Self.decode(StripeAccountLink.self, fixture: "account_link")
        XCTAssertTrue(link.url.hasPrefix("https://"))
        XCTAssertEqual(link.expiresAt, 1_234_567_890)
    }

    func testTransfer() throws {
        let transfer = try Self.decode(StripeTransfer.self, fixture: "transfer")
        XCTAssertEqual(transfer.id, "tr_1Pgc7BB7WZ01zgkWVJfE40RX")
        XCTAssertEqual(transfer.amount, 1100)
        XCTAssertEqual(transfer.destination?.id, "acct_1PgafTB7WZ01zgkW")
        XCTAssertNil(transfer.sourceTransaction)
        XCTAssertEqual(transfer.reversed, false)
    }

    func testTransferReversal() throws {
        let reversal = try Self.decode(StripeTransferReversal.self, fixture: "transfer_reversal")
        XCTAssertEqual(reversal.id, "trr_1Pgc7BB7WZ01zgkWsU61ufNC")
        XCTAssertEqual(reversal.transfer.id, "tr_1Pgc7BB7WZ01zgkWVJfE40RX")
        XCTAssertEqual(reversal.amount, 1100)
    }

    func testRefund() throws {
        let refund = try Self.decode(StripeRefund.self, fixture: "refund")
        XCTAssertEqual(refund.id, "re_1Pgc72B7WZ01zgkWqPvrRrPE")
        XCTAssertEqual(refund.charge?.id, "ch_1PgafuB7WZ01zgkWXYmPNZs8")
        XCTAssertEqual(refund.status, "succeeded")
        XCTAssertNil(refund.reason)
    }

    func testPaymentIntent() throws {
        let intent = try Self.decode(StripePaymentIntent.self, fixture: "payment_intent")
        XCTAssertEqual(intent.id, "pi_1PgafyB7WZ01zgkWSjxsAJo3")
        XCTAssertEqual(intent.amount, 1099)
        XCTAssertEqual(intent.status, "requires_payment_method")
        XCTAssertNil(intent.latestCharge)
        XCTAssertEqual(intent.lastPaymentError?.type, "idempotency_error")
    }

    func testCharge() throws {
        let charge = try Self.decode(StripeCharge.self, fixture: "charge")
        XCTAssertEqual(charge.id, "ch_1PgafuB7WZ01zgkWXYmPNZs8")
        XCTAssertEqual(charge.amount, 100)
        XCTAssertEqual(charge.paid, true)
        XCTAssertEqual(charge.status, "succeeded")
        XCTAssertEqual(charge.balanceTransaction?.id, "txn_1PgaxNB7WZ01zgkWEV3TLf40")
    }

    func testEvent() throws {
        let event = try Self.decode(StripeEvent.self, fixture: "event")
        XCTAssertEqual(event.id, "evt_1Pgc76B7WZ01zgkWwyRHS12y")
        XCTAssertEqual(event.type, "plan.created")
        XCTAssertEqual(event.created, 1_234_567_890)
        XCTAssertEqual(event.objectType, "plan")
        XCTAssertEqual(try event.decodedObject(), .other("plan"))
        XCTAssertEqual(event.data.object["amount"], .int(2000))
    }

    /// An event carrying each modelled object decodes it by its `object` type.
    func testEventObjectsDecodeByType() throws {
        for name in [
            "checkout.session", "payment_intent", "charge", "refund", "account", "transfer", "transfer_reversal",
        ] {
            let object = try JSONSerialization.jsonObject(with: Self.fixture(name))
            let envelope: [String: Any] = [
                "id": "evt_1", "object": "event", "type": "\(name).updated", "created": 1, "livemode": false,
                "data": ["object": object, "previous_attributes": ["metadata": [String: String]()]] as [String: Any],
            ]
            let event = try JSONDecoder().decode(
                StripeEvent.self, from: JSONSerialization.data(withJSONObject: envelope))
            let decoded = try event.decodedObject()
            switch (name, decoded) {
            case ("checkout.session", .checkoutSession(let session)):
                XCTAssertEqual(session, try Self.decode(StripeCheckoutSession.self, fixture: name))
            case ("payment_intent", .paymentIntent), ("charge", .charge), ("refund", .refund), ("account", .account),
                ("transfer", .transfer), ("transfer_reversal", .transferReversal):
                break
            default:
                XCTFail("\(name) decoded as \(decoded)")
            }
        }
    }

    /// An expanded field (an object instead of an id) still gives the id.
    func testExpandedReferencesDecodeToTheirID() throws {
        var charge = try JSONSerialization.jsonObject(with: Self.fixture("charge")) as! [String: Any]
        charge["payment_intent"] = try JSONSerialization.jsonObject(with: Self.fixture("payment_intent"))
        let decoded = try JSONDecoder().decode(StripeCharge.self, from: JSONSerialization.data(withJSONObject: charge))
        XCTAssertEqual(decoded.paymentIntent?.id, "pi_1PgafyB7WZ01zgkWSjxsAJo3")
    }
}
