import time
import unittest

import stripe

from localstripe_ext.tests.support import SECRET, paid_session, server, session_params


class CheckoutSessionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = server()
        cls.client = cls.srv.client

    def test_create_and_retrieve(self):
        s = self.client.v1.checkout.sessions.create(params=session_params())
        self.assertTrue(s.id.startswith("cs_test_"))
        self.assertEqual(s.object, "checkout.session")
        self.assertEqual((s.status, s.payment_status), ("open", "unpaid"))
        self.assertEqual((s.amount_total, s.currency), (3500, "usd"))
        self.assertIsNone(s.payment_intent)
        self.assertEqual(s.client_reference_id, "order_42")
        self.assertEqual(s.metadata["order_id"], "42")
        self.assertFalse(s.livemode)
        self.assertTrue(s.url.startswith(self.srv.base + "/checkout/cs_test_"))
        self.assertAlmostEqual(s.expires_at - s.created, 24 * 3600, delta=2)
        again = self.client.v1.checkout.sessions.retrieve(s.id)
        self.assertEqual(again.id, s.id)
        self.assertEqual(again.amount_total, 3500)

    def test_expires_at_bounds(self):
        for delta in (10 * 60, 25 * 3600):
            with self.assertRaises(stripe.InvalidRequestError) as ctx:
                self.client.v1.checkout.sessions.create(
                    params=session_params(expires_at=int(time.time()) + delta))
            self.assertEqual(ctx.exception.param, "expires_at")
            self.assertEqual(ctx.exception.http_status, 400)
        ok = self.client.v1.checkout.sessions.create(
            params=session_params(expires_at=int(time.time()) + 3600))
        self.assertEqual(ok.status, "open")

    def test_expire(self):
        s = self.client.v1.checkout.sessions.create(params=session_params())
        expired = self.client.v1.checkout.sessions.expire(s.id)
        self.assertEqual(expired.status, "expired")
        _, _, event = self.srv.receiver.wait_for(
            lambda e: e["type"] == "checkout.session.expired" and e["data"]["object"]["id"] == s.id)
        self.assertTrue(event["id"].startswith("evt_"))
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.checkout.sessions.expire(s.id)
        self.assertEqual(ctx.exception.http_status, 400)
        self.assertIn('status of "expired"', ctx.exception.user_message)

    def test_retrieve_unknown(self):
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.checkout.sessions.retrieve("cs_test_nope")
        self.assertEqual(ctx.exception.http_status, 404)
        self.assertEqual(ctx.exception.code, "resource_missing")

    def test_complete_sends_signed_webhook(self):
        session, pi = paid_session()
        self.assertEqual((session.status, session.payment_status), ("complete", "paid"))
        self.assertEqual(session.payment_intent, pi.id)
        self.assertEqual(pi.status, "succeeded")
        self.assertEqual(pi.amount, 3500)
        self.assertEqual(pi.transfer_group, "order_42")
        self.assertEqual(pi.metadata["order_id"], "42")
        charge = self.client.v1.charges.retrieve(pi.latest_charge)
        self.assertEqual((charge.amount, charge.status, charge.paid), (3500, "succeeded", True))
        self.assertEqual(charge.payment_intent, pi.id)
        self.assertEqual(charge.transfer_group, "order_42")
        headers, body, _ = self.srv.receiver.wait_for(
            lambda e: e["type"] == "checkout.session.completed"
            and e["data"]["object"]["id"] == session.id)
        event = stripe.Webhook.construct_event(body.decode(), headers["Stripe-Signature"], SECRET)
        self.assertEqual(event.type, "checkout.session.completed")
        self.assertEqual(event.data.object.payment_intent, pi.id)
        self.assertEqual(event.data.object.payment_status, "paid")
        self.assertFalse(event.livemode)
        self.assertTrue(event.api_version)
        with self.assertRaises(stripe.SignatureVerificationError):
            stripe.Webhook.construct_event(body.decode(), headers["Stripe-Signature"], "whsec_bad")
        fetched = self.client.v1.events.retrieve(event.id)
        self.assertEqual(fetched.type, "checkout.session.completed")
        status, _, _ = self.srv.http("POST", "/_test/checkout/sessions/%s/complete" % session.id)
        self.assertEqual(status, 400)

    def test_fail_sends_payment_failed(self):
        s = self.client.v1.checkout.sessions.create(params=session_params())
        status, body, _ = self.srv.http("POST", "/_test/checkout/sessions/%s/fail" % s.id)
        self.assertEqual(status, 200, body)
        headers, raw, event = self.srv.receiver.wait_for(
            lambda e: e["type"] == "payment_intent.payment_failed"
            and e["data"]["object"]["id"] == body["payment_intent"]["id"])
        stripe.Webhook.construct_event(raw.decode(), headers["Stripe-Signature"], SECRET)
        pi = event["data"]["object"]
        self.assertEqual(pi["last_payment_error"]["code"], "card_declined")
        self.assertEqual(pi["metadata"], {"order_id": "42"})
        self.assertEqual(pi["status"], "requires_payment_method")
        found = self.client.v1.checkout.sessions.list(params={"payment_intent": pi["id"]})
        self.assertEqual([x.id for x in found.data], [s.id])
        self.assertEqual(self.client.v1.checkout.sessions.retrieve(s.id).status, "open")

    def test_webhook_configured_at_runtime(self):
        from localstripe_ext.tests.support import Receiver
        other = Receiver()
        try:
            status, _, _ = self.srv.http("POST", "/_config/webhooks/extra",
                                         {"url": other.url, "secret": "whsec_other"})
            self.assertEqual(status, 200)
            s = self.client.v1.checkout.sessions.create(params=session_params())
            self.client.v1.checkout.sessions.expire(s.id)
            headers, body, _ = other.wait_for(lambda e: e["data"]["object"]["id"] == s.id)
            stripe.Webhook.construct_event(body.decode(), headers["Stripe-Signature"],
                                           "whsec_other")
        finally:
            self.srv.http("POST", "/_config/webhooks/extra",
                          {"url": "http://127.0.0.1:9/", "secret": "x", "events[]": "none"})
            other.server.shutdown()
            other.server.server_close()


if __name__ == "__main__":
    unittest.main()
