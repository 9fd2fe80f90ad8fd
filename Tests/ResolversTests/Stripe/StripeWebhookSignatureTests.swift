import Foundation
import Resolvers
import XCTest

final class StripeWebhookSignatureTests: XCTestCase {
    let secret = "whsec_test_secret_for_signatures"
    let payload = Array(
        #"{"id":"evt_1","object":"event","type":"checkout.session.completed","data":{"object":{"name":"Café ☕"}}}"#.utf8
    )
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testAcceptsItsOwnSignature() throws {
        let header = StripeWebhookSignature.sign(payload: payload, secret: secret, timestamp: now)
        XCTAssertTrue(header.hasPrefix("t=1800000000,v1="))
        XCTAssertEqual(header.count, "t=1800000000,v1=".count + 64)
        try StripeWebhookSignature.verify(payload: payload, header: header, secret: secret, now: now)
        try StripeWebhookSignature.verify(
            payload: Data(payload), header: header, secret: secret, now: now.addingTimeInterval(299))
    }

    func testRejections() {
        let header = StripeWebhookSignature.sign(payload: payload, secret: secret, timestamp: now)
        func reason(
            _ header: String?, payload: [UInt8]? = nil, secret: String? = nil, at date: Date? = nil
        ) -> StripeSignatureError? {
            do {
                try StripeWebhookSignature.verify(
                    payload: payload ?? self.payload, header: header, secret: secret ?? self.secret, now: date ?? now)
                return nil
            } catch {
                return error  // typed throws: a StripeSignatureError
            }
        }
        XCTAssertEqual(reason(header, secret: "whsec_other"), .signatureMismatch)
        var tampered = payload
        tampered[tampered.count - 3] = UInt8(ascii: "X")
        XCTAssertEqual(reason(header, payload: tampered), .signatureMismatch)
        XCTAssertEqual(reason(header, at: now.addingTimeInterval(301)), .timestampOutsideTolerance(age: 301))
        XCTAssertEqual(reason(header, at: now.addingTimeInterval(-301)), .timestampOutsideTolerance(age: -301))
        XCTAssertEqual(reason(nil), .missingHeader)
        XCTAssertEqual(reason(""), .missingHeader)
        XCTAssertEqual(reason("garbage"), .malformedHeader)
        XCTAssertEqual(reason("t=abc,v1=00"), .malformedHeader)
        XCTAssertEqual(reason("v1=" + String(header.split(separator: "=").last!)), .malformedHeader)
        let t = "t=1800000000"
        XCTAssertEqual(reason(t), .noV1Signature)
        XCTAssertEqual(reason(t + ",v0=" + String(header.suffix(64))), .noV1Signature, "v0 is not checked")
        XCTAssertEqual(reason(t + ",v1=" + String(repeating: "0", count: 64)), .signatureMismatch)
        XCTAssertEqual(reason(t + ",v1=zz"), .noV1Signature)
    }

    func testAcceptsWhenOneOfSeveralV1Matches() throws {
        let good = String(StripeWebhookSignature.sign(payload: payload, secret: secret, timestamp: now).suffix(64))
        let other = String(
            StripeWebhookSignature.sign(payload: payload, secret: "whsec_old", timestamp: now).suffix(64))
        let header = "t=1800000000,v1=\(other),v0=\(other),v1=\(good),scheme=x"
        try StripeWebhookSignature.verify(payload: payload, header: header, secret: secret, now: now)
        try StripeWebhookSignature.verify(payload: payload, header: header, secret: "whsec_old", now: now)
    }

    /// The official library (`stripe` in the project's venv) and this code agree both ways.
    func testInteroperatesWithTheOfficialPythonLibrary() throws {
        let script = #"""
            import json, sys, time
            import stripe
            args = json.load(sys.stdin)
            payload = args["payload"]
            t = int(time.time())
            python_sig = stripe.WebhookSignature._compute_signature("%d.%s" % (t, payload), args["secret"])
            event = stripe.Webhook.construct_event(payload, args["swift_header"], args["secret"], tolerance=300)
            try:
                stripe.Webhook.construct_event(payload, args["swift_header"], "whsec_wrong", tolerance=300)
                wrong = "accepted"
            except stripe.SignatureVerificationError:
                wrong = "rejected"
            print(json.dumps({"header": "t=%d,v1=%s" % (t, python_sig), "event_id": event["id"], "wrong": wrong}))
            """#
        let text = String(decoding: payload, as: UTF8.self)
        let ours = StripeWebhookSignature.sign(payload: payload, secret: secret)
        let result = try StripeTestEnvironment.runPython(
            script, input: ["payload": text, "secret": secret, "swift_header": ours])
        XCTAssertEqual(result["event_id"] as? String, "evt_1", "stripe.Webhook.construct_event accepts our header")
        XCTAssertEqual(result["wrong"] as? String, "rejected")
        let header = try XCTUnwrap(result["header"] as? String)
        try StripeWebhookSignature.verify(payload: payload, header: header, secret: secret)
        XCTAssertThrowsError(try StripeWebhookSignature.verify(payload: payload, header: header, secret: "whsec_wrong"))
    }
}
