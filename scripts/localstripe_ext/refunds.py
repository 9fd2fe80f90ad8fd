"""Refunds bounded by what is left on the charge; sends charge.refunded.

Overrides localstripe's `POST /v1/refunds` (which lets refunds exceed the charge) but
creates localstripe's own `Refund`, so the charge's `amount_refunded`, `refunded` and
`refunds` (computed by localstripe from its stored refunds) stay right.
"""
from localstripe.resources import Refund, store

from . import events
from .common import money, route, stripe_error, to_int

REASONS = ("duplicate", "fraudulent", "requested_by_customer")


@route("POST", "/v1/refunds")
def create_refund(request, data):
    charge_id, pi_id = data.get("charge"), data.get("payment_intent")
    if not charge_id and not pi_id:
        raise stripe_error(400, "One of the following params should be provided for this request: "
                           "payment_intent or charge.", code="parameter_missing")
    if charge_id and pi_id:
        raise stripe_error(400, "You cannot specify both `charge` and `payment_intent`.",
                           param="payment_intent")
    if pi_id:
        pi = store.get("payment_intent:" + pi_id)
        if pi is None:
            raise stripe_error(400, "No such payment_intent: '%s'" % pi_id,
                               code="resource_missing", param="payment_intent")
        if pi.latest_charge is None or pi.status != "succeeded":
            raise stripe_error(400, "This PaymentIntent (%s) does not have a successful charge "
                               "to refund." % pi_id, code="charge_not_refundable",
                               param="payment_intent")
        charge = pi.latest_charge
    else:
        charge = store.get("charge:" + charge_id)
        if charge is None:
            raise stripe_error(400, "No such charge: '%s'" % charge_id, code="resource_missing",
                               param="charge")
    if charge.status != "succeeded":
        raise stripe_error(400, "Cannot refund a failed payment.", code="charge_not_refundable")
    reason = data.get("reason")
    if reason not in (None, "") and reason not in REASONS:
        raise stripe_error(400, "Invalid reason: must be one of duplicate, fraudulent, or "
                           "requested_by_customer", code="parameter_invalid_string", param="reason")
    left = charge.amount - charge.amount_refunded
    if left <= 0:
        raise stripe_error(400, "Charge %s has already been refunded." % charge.id,
                           code="charge_already_refunded", charge=charge.id)
    amount = left if data.get("amount") in (None, "") else to_int(data["amount"], "amount")
    if amount < 1:
        raise stripe_error(400, "This value must be greater than or equal to 1.",
                           code="parameter_invalid_integer", param="amount")
    if amount > left:
        what = "charge amount" if charge.amount_refunded == 0 else "unrefunded amount on charge"
        raise stripe_error(400, "Refund amount (%s) is greater than %s (%s)"
                           % (money(amount, charge.currency), what, money(left, charge.currency)),
                           code="amount_too_large", param="amount")
    refund = Refund(charge=charge.id, amount=amount, metadata=dict(data.get("metadata") or {}))
    refund.payment_intent = charge.payment_intent
    refund.reason = reason or None
    events.emit("charge.refunded", charge)
    events.emit("refund.created", refund)
    return refund
