import unittest

import stripe

from localstripe_ext.tests.support import SECRET, paid_session, server


def account_params(**overrides):
    params = {"type": "express", "country": "US", "email": "seller@example.com",
              "capabilities": {"card_payments": {"requested": True},
                               "transfers": {"requested": True}},
              "metadata": {"seller_id": "7"}}
    params.update(overrides)
    return params


class ConnectTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = server()
        cls.client = cls.srv.client

    def test_account_create_retrieve_onboard(self):
        acct = self.client.v1.accounts.create(params=account_params())
        self.assertTrue(acct.id.startswith("acct_"))
        self.assertEqual((acct.object, acct.type, acct.email), ("account", "express",
                                                                 "seller@example.com"))
        self.assertFalse(acct.charges_enabled or acct.payouts_enabled or acct.details_submitted)
        self.assertEqual(acct.metadata["seller_id"], "7")
        status, body, _ = self.srv.http("POST", "/_test/accounts/%s/onboard" % acct.id)
        self.assertEqual(status, 200, body)
        headers, raw, _ = self.srv.receiver.wait_for(
            lambda e: e["type"] == "account.updated" and e["data"]["object"]["id"] == acct.id)
        event = stripe.Webhook.construct_event(raw.decode(), headers["Stripe-Signature"], SECRET)
        self.assertTrue(event.data.object.charges_enabled)
        acct = self.client.v1.accounts.retrieve(acct.id)
        self.assertTrue(acct.charges_enabled and acct.payouts_enabled and acct.details_submitted)
        self.assertEqual(acct.capabilities["transfers"], "active")

    def test_account_link(self):
        acct = self.client.v1.accounts.create(params=account_params())
        link = self.client.v1.account_links.create(params={
            "account": acct.id, "refresh_url": "https://shop.test/refresh",
            "return_url": "https://shop.test/return", "type": "account_onboarding"})
        self.assertEqual(link.object, "account_link")
        self.assertTrue(link.url.startswith("http"))
        self.assertGreater(link.expires_at, link.created)
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.client.v1.account_links.create(params={
                "account": "acct_missing", "refresh_url": "https://shop.test/r",
                "return_url": "https://shop.test/r", "type": "account_onboarding"})
        self.assertEqual(ctx.exception.code, "resource_missing")


class TransferTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = server()
        cls.client = cls.srv.client
        cls.acct = cls.client.v1.accounts.create(params=account_params())

    def transfer(self, charge, amount, **extra):
        params = {"amount": amount, "currency": "usd", "destination": self.acct.id,
                  "source_transaction": charge, "transfer_group": "order_42",
                  "metadata": {"order_id": "42"}}
        params.update(extra)
        return self.client.v1.transfers.create(params=params)

    def test_transfers_limited_by_source_transaction(self):
        _, pi = paid_session()
        first = self.transfer(pi.latest_charge, 3000)
        self.assertTrue(first.id.startswith("tr_"))
        self.assertEqual((first.object, first.amount, first.destination),
                         ("transfer", 3000, self.acct.id))
        self.assertEqual(first.source_transaction, pi.latest_charge)
        self.assertEqual(first.transfer_group, "order_42")
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.transfer(pi.latest_charge, 501)
        self.assertEqual(ctx.exception.http_status, 400)
        self.assertEqual(self.transfer(pi.latest_charge, 500).amount, 500)
        self.assertEqual(self.client.v1.transfers.retrieve(first.id).amount, 3000)

    def test_transfer_needs_existing_destination_and_charge(self):
        _, pi = paid_session()
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.transfer(pi.latest_charge, 100, destination="acct_missing")
        self.assertEqual(ctx.exception.param, "destination")
        with self.assertRaises(stripe.InvalidRequestError) as ctx:
            self.transfer("ch_missing", 100)
        self.assertEqual(ctx.exception.param, "source_transaction")

    def test_reversals(self):
        _, pi = paid_session()
        tr = self.transfer(pi.latest_charge, 2000)
        rev = self.client.v1.transfers.reversals.create(tr.id, params={"amount": 500})
        self.assertEqual((rev.object, rev.amount, rev.transfer), ("transfer_reversal", 500, tr.id))
        tr = self.client.v1.transfers.retrieve(tr.id)
        self.assertEqual((tr.amount_reversed, tr.reversed), (500, False))
        with self.assertRaises(stripe.InvalidRequestError):
            self.client.v1.transfers.reversals.create(tr.id, params={"amount": 1501})
        self.client.v1.transfers.reversals.create(tr.id)  # the rest
        tr = self.client.v1.transfers.retrieve(tr.id)
        self.assertEqual((tr.amount_reversed, tr.reversed), (2000, True))


if __name__ == "__main__":
    unittest.main()
