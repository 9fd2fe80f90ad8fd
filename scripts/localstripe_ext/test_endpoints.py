"""Test-only endpoints (no API key needed), and the pages the fake `url`s point at.

POST /_test/checkout/sessions/{id}/complete  pay the session (PaymentIntent + Charge succeeded)
POST /_test/checkout/sessions/{id}/fail      a declined attempt: payment_intent.payment_failed
POST /_test/accounts/{id}/onboard            finish onboarding: account.updated
"""
import html
import time
from urllib.parse import quote

from aiohttp import web
from localstripe.resources import PaymentIntent, PaymentMethod

from . import events
from .checkout import CheckoutSession
from .common import route, stripe_error
from .connect import retrieve_account

PAYING_CARD, DECLINED_CARD = "4242424242424242", "4000000000000341"


def _payment_intent(session, card):
    pi_data = session._payment_intent_data
    pm = PaymentMethod(type="card", card={"number": card, "exp_month": "12",
                                          "exp_year": str(time.gmtime().tm_year + 2), "cvc": "123"})
    pi = PaymentIntent(amount=session.amount_total, currency=session.currency,
                       payment_method=pm.id, metadata=dict(pi_data.get("metadata") or {}),
                       capture_method="automatic")
    pi.transfer_group = pi_data.get("transfer_group")
    pi.description = pi_data.get("description")
    pi.receipt_email = session.customer_email
    pi.confirmation_method = "automatic"
    pi.payment_method_types = ["card"]
    return pi


def _open_session(id_):
    session = CheckoutSession._get(id_)
    if session.status != "open":
        raise stripe_error(400, "Checkout Session %s is %s, not open." % (id_, session.status))
    return session


@route("POST", "/_test/checkout/sessions/{id}/complete")
def complete(request, data, id):
    session = _open_session(id)
    pi = _payment_intent(session, PAYING_CARD)
    pi._create_charge(on_failure_now=None)  # localstripe: Charge, balance txn, payment_intent.succeeded
    charge = pi.latest_charge
    charge.transfer_group = pi.transfer_group
    charge.metadata = dict(pi.metadata)
    charge.receipt_email = session.customer_email
    session.payment_intent = pi.id
    session.status, session.payment_status, session.url = "complete", "paid", None
    session.customer_details = {"email": session.customer_email, "name": None, "phone": None,
                                "address": None, "tax_exempt": "none", "tax_ids": []}
    events.emit("checkout.session.completed", session)
    if request.query.get("redirect") and session.success_url:
        raise web.HTTPSeeOther(session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id))
    return session


@route("POST", "/_test/checkout/sessions/{id}/fail")
def fail(request, data, id):
    session = _open_session(id)
    pi = _payment_intent(session, DECLINED_CARD)
    pi._create_charge(on_failure_now=lambda: None)  # the charge is declined: card_declined
    pi.latest_charge.metadata = dict(pi.metadata)
    session._failed_payment_intents.append(pi.id)
    events.emit("payment_intent.payment_failed", pi)
    return {"checkout_session": session._export(), "payment_intent": pi._export()}


@route("POST", "/_test/accounts/{id}/onboard")
def onboard(request, data, id):
    account = retrieve_account(request, {}, id)
    account._onboard()
    events.emit("account.updated", account)
    if request.query.get("redirect") and request.query.get("return_url"):
        raise web.HTTPSeeOther(request.query["return_url"])
    return account


def _page(title, body):
    return web.Response(content_type="text/html", text=(
        "<!doctype html><html><head><meta charset='utf-8'><title>%s</title></head>"
        "<body style='font-family:sans-serif;max-width:32em;margin:3em auto'><h1>%s</h1>%s"
        "</body></html>" % (html.escape(title), html.escape(title), body)))


@route("GET", "/checkout/{id}")
def checkout_page(request, data, id):
    session = CheckoutSession._get(id)
    amount = "%.2f %s" % (session.amount_total / 100, session.currency.upper())
    if session.status != "open":
        return _page("Fake Stripe Checkout", "<p>This session is %s.</p>" % session.status)
    cancel = html.escape(session.cancel_url or "")
    return _page("Fake Stripe Checkout", (
        "<p>Pay <b>%s</b>.</p>"
        "<form method='post' action='/_test/checkout/sessions/%s/complete?redirect=1'>"
        "<button>Pay</button></form>"
        "<form method='post' action='/_test/checkout/sessions/%s/fail'>"
        "<button>Decline the card</button></form>"
        "<p><a href='%s'>Cancel</a></p>") % (amount, session.id, session.id, cancel))


@route("GET", "/connect/onboarding/{id}")
def onboarding_page(request, data, id):
    account = retrieve_account(request, {}, id)
    return_url = request.query.get("return_url", "")
    return _page("Fake Stripe Connect onboarding", (
        "<p>Account %s (%s)</p>"
        "<form method='post' action='/_test/accounts/%s/onboard?redirect=1&return_url=%s'>"
        "<button>Finish onboarding</button></form>")
        % (account.id, html.escape(account.email or ""), account.id, quote(return_url, safe="")))
