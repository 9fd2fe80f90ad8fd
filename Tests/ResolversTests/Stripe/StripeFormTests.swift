import Foundation
import Resolvers
import XCTest

final class StripeFormTests: XCTestCase {
    func testScalarsInOrderGiven() {
        let params: StripeParam = ["mode": "payment", "amount": 1100, "livemode": false, "capture": true]
        XCTAssertEqual(StripeForm.encode(params), "mode=payment&amount=1100&livemode=false&capture=true")
    }

    func testNestedDictionaries() {
        let params: StripeParam = [
            "metadata": ["order_id": "ord_42", "buyer": "u_7"],
            "payment_intent_data": ["transfer_group": "ord_42", "metadata": ["order_id": "ord_42"]],
        ]
        XCTAssertEqual(
            StripeForm.encode(params),
            "metadata[order_id]=ord_42&metadata[buyer]=u_7&payment_intent_data[transfer_group]=ord_42"
                + "&payment_intent_data[metadata][order_id]=ord_42")
    }

    func testArraysOfDictionariesAndScalars() {
        let params: StripeParam = [
            "line_items": [
                [
                    "price_data": ["currency": "usd", "unit_amount": 500, "product_data": ["name": "Ticket"]],
                    "quantity": 2,
                ],
                [
                    "price_data": ["currency": "usd", "unit_amount": 1999, "product_data": ["name": "E-book"]],
                    "quantity": 1,
                ],
            ],
            "expand": ["payment_intent", "line_items"],
        ]
        XCTAssertEqual(
            StripeForm.encode(params),
            "line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=500"
                + "&line_items[0][price_data][product_data][name]=Ticket&line_items[0][quantity]=2"
                + "&line_items[1][price_data][currency]=usd&line_items[1][price_data][unit_amount]=1999"
                + "&line_items[1][price_data][product_data][name]=E-book&line_items[1][quantity]=1"
                + "&expand[0]=payment_intent&expand[1]=line_items")
    }

    func testSpecialCharactersArePercentEncoded() {
        let params: StripeParam = [
            "success_url": "https://shop.example/orders/1?paid=1&x=a+b",
            "name": "Rock & Roll = 100% fun ~ ok_-.",
            "metadata": ["note[1]": "a/b c"],
        ]
        XCTAssertEqual(
            StripeForm.encode(params),
            "success_url=https%3A%2F%2Fshop.example%2Forders%2F1%3Fpaid%3D1%26x%3Da%2Bb"
                + "&name=Rock%20%26%20Roll%20%3D%20100%25%20fun%20~%20ok_-."
                + "&metadata[note%5B1%5D]=a%2Fb%20c")
    }

    func testUnicodeIsUTF8PercentEncoded() {
        let params: StripeParam = ["name": "Café ☕ 東京", "emoji": "🎟"]
        XCTAssertEqual(
            StripeForm.encode(params),
            "name=Caf%C3%A9%20%E2%98%95%20%E6%9D%B1%E4%BA%AC&emoji=%F0%9F%8E%9F")
    }

    func testEmptyContainersAndSetHelpers() {
        XCTAssertEqual(StripeForm.encode([:]), "")
        var params: StripeParam = ["a": "1", "metadata": [:], "items": []]
        params.set("b", nil)
        params.set("a", "2")
        params.set("c", .metadata(["z": "26", "a": "1"]))
        XCTAssertEqual(StripeForm.encode(params), "a=2&c[a]=1&c[z]=26")
        XCTAssertEqual(StripeForm.encode(.fields(["x": "1", "y": nil, "z": 3])), "x=1&z=3")
    }

    func testPairsAreUnencoded() {
        let pairs = StripeForm.pairs(["metadata": ["k y": "v&w"]])
        XCTAssertEqual(pairs.map(\.name), ["metadata[k y]"])
        XCTAssertEqual(pairs.map(\.value), ["v&w"])
    }

    func testCheckoutSessionForm() {
        let params = StripeCheckoutSessionParams(
            lineItems: [.init(name: "Jazz night", unitAmount: 2500, currency: "usd", quantity: 2)],
            successURL: "https://m.example/s", cancelURL: "https://m.example/c", customerEmail: "b@example.com",
            clientReferenceID: "ord_1", metadata: ["order_id": "ord_1"], transferGroup: "ord_1",
            paymentIntentMetadata: ["order_id": "ord_1"], expiresAt: Date(timeIntervalSince1970: 1_800_000_000))
        XCTAssertEqual(
            StripeForm.encode(params.form),
            "mode=payment&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=2500"
                + "&line_items[0][price_data][product_data][name]=Jazz%20night&line_items[0][quantity]=2"
                + "&success_url=https%3A%2F%2Fm.example%2Fs&cancel_url=https%3A%2F%2Fm.example%2Fc"
                + "&customer_email=b%40example.com&client_reference_id=ord_1&metadata[order_id]=ord_1"
                + "&payment_intent_data[transfer_group]=ord_1&payment_intent_data[metadata][order_id]=ord_1"
                + "&expires_at=1800000000")
    }
}
