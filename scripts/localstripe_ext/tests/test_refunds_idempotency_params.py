import unittest

import stripe

from localstripe_ext.tests.support import SECRET, paid_session, server, session_params


class RefundTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = server()
        cls.client = cls.srv.client

    def test_refunds_bounded_by_charge(self):
        _, pi = paid_session()
        r1 = self.client.v1.refunds.create(params={
            "payment_intent": pi.id, "amount": 1000, "reason": "requested_by_customer",
            "metadata": {"order_id": "42"}})
        self.assertEqual((r1.object, r1.amount, r1.status), ("refund", 1000, "succeeded"))
        self.assertEqual(r1.reason, "requested_by_customer")
        charge = self.client.v1.charges.retrieve(pi.latest_charge)
        self.assertEqual((charge.amount_refunded, charge.refunded), (1000, False))
        headers, raw, _ = self.srv.receiver.wait_for(
            lambda e: e["type"] == "charge.refunded" and e["data"]["object"]["id"] == charge.id)
        event = stripe.Webhook.construct_event(raw.decode(), headers["Stripe-Signature"], SECRET)
        self.assertEqual(event.data.object.amount_refunded, 1000)
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.refunds.create(params={"charge": charge.id, "amount": 2501})
        self.assertIn("Refund amount ($25.01) is greater than", ctx.exception.user_message)
        rest = self.client.v1.refunds.create(params={"charge": charge.id})
        self.assertEqual(rest.amount, 2500)
        charge = self.client.v1.charges.retrieve(charge.id)
        self.assertEqual((charge.amount_refunded, charge.refunded), (3500, True))
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.refunds.create(params={"payment_intent": pi.id})
        self.assertEqual(ctx.exception.code, "charge_already_refunded")

    def test_refund_more_than_charge(self):
        _, pi = paid_session()
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.refunds.create(params={"payment_intent": pi.id, "amount": 3501})
        self.assertEqual(ctx.exception.user_message,
                         "Refund amount ($35.01) is greater than charge amount ($35.00)")


class IdempotencyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = server()
        cls.client = cls.srv.client

    def test_same_key_same_params_replays(self):
        opts = {"idempotency_key": "idem-same-1"}
        a = self.client.v1.checkout.sessions.create(params=session_params(), options=opts)
        b = self.client.v1.checkout.sessions.create(params=session_params(), options=opts)
        self.assertEqual(a.id, b.id)
        found = self.client.v1.checkout.sessions.list(params={"limit": 100})
        self.assertEqual(sum(1 for s in found.data if s.id == a.id), 1)

    def test_same_key_other_params_rejected(self):
        opts = {"idempotency_key": "idem-other-1"}
        self.client.v1.checkout.sessions.create(params=session_params(), options=opts)
        with self.assertRaises(stripe.IdempotencyError) as ctx:
            self.client.v1.checkout.sessions.create(
                params=session_params(client_reference_id="order_43"), options=opts)
        self.assertEqual(ctx.exception.http_status, 400)
        self.assertIn("Keys for idempotent requests can only be used with the same parameters "
                      "they were first used with.", ctx.exception.user_message)

    def test_errors_are_replayed_too(self):
        _, pi = paid_session()
        form = {"payment_intent": pi.id, "amount": "9999"}
        h = {"Idempotency-Key": "idem-err-1"}
        s1, b1, _ = self.srv.http("POST", "/v1/refunds", form, h)
        s2, b2, headers = self.srv.http("POST", "/v1/refunds", form, h)
        self.assertEqual((s1, b1), (s2, b2))
        self.assertEqual(s1, 400)
        self.assertEqual(headers.get("Idempotent-Replayed"), "true")


class ParamsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = server()
        cls.client = cls.srv.client

    def test_unknown_nested_parameter(self):
        params = session_params()
        params["line_items"][0]["price_data"]["unit_amont"] = 5
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.checkout.sessions.create(params=params)
        err = ctx.exception
        self.assertEqual((err.http_status, err.code), (400, "parameter_unknown"))
        self.assertEqual(err.param, "line_items[0][price_data][unit_amont]")
        self.assertEqual(err.user_message,
                         "Received unknown parameter: line_items[0][price_data][unit_amont]")
        self.assertEqual(err.error.type, "invalid_request_error")

    def test_empty_brackets_decoded_like_stripe(self):
        status, body, _ = self.srv.http("POST", "/v1/checkout/sessions", [
            ("mode", "payment"), ("success_url", "https://shop.test/ok"),
            ("line_items[][price_data][currency]", "usd"),
            ("line_items[][price_data][unit_amount]", "700"),
            ("line_items[][price_data][product_data][name]", "A"),
            ("line_items[][quantity]", "1"),
            ("line_items[][price_data][currency]", "usd"),
            ("line_items[][price_data][unit_amount]", "300"),
            ("line_items[][price_data][product_data][name]", "B"),
            ("line_items[][quantity]", "2")])
        self.assertEqual(status, 200, body)
        self.assertEqual(body["amount_total"], 1300)
        status, body, _ = self.srv.http("POST", "/v1/checkout/sessions", [
            ("mode", "payment"), ("line_items[][price_data][unit_amont]", "1")])
        self.assertEqual(body["error"]["param"], "line_items[0][price_data][unit_amont]")

    def test_literal_and_missing(self):
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.checkout.sessions.create(params=session_params(mode="paymnt"))
        self.assertEqual((ctx.exception.code, ctx.exception.param),
                         ("parameter_invalid_string", "mode"))
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.account_links.create(params={"account": "acct_x"})
        self.assertEqual(ctx.exception.code, "parameter_missing")
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.transfers.create(params={"amount": 1, "currency": "usd",
                                                    "destination": "acct_x", "sauce": "1"})
        self.assertEqual((ctx.exception.code, ctx.exception.param), ("parameter_unknown", "sauce"))

    def test_localstripe_routes_checked_too(self):
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.customers.create(params={"emial": "a@b.c"})
        self.assertEqual((ctx.exception.code, ctx.exception.param), ("parameter_unknown", "emial"))
        self.assertEqual(self.client.v1.customers.create(params={"email": "a@b.c"}).email, "a@b.c")


if __name__ == "__main__":
    unittest.main()
