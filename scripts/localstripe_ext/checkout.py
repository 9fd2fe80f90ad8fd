"""Checkout Sessions (mode=payment, inline price_data): create, retrieve, list, expire."""
from localstripe.resources import List, StripeObject, store

from . import events
from .common import not_found, now, require, route, stripe_error, to_int

MIN_EXPIRY, MAX_EXPIRY = 30 * 60, 24 * 60 * 60


class CheckoutSession(StripeObject):
    object = "checkout.session"
    _id_prefix = "cs_test_"

    def __init__(self, base_url, line_items, currency, amount, expires_at, data):
        super().__init__()
        pi_data = data.get("payment_intent_data") or {}
        self._line_items = line_items
        self._payment_intent_data = pi_data
        self._failed_payment_intents = []
        self.after_expiration = None
        self.allow_promotion_codes = None
        self.amount_subtotal = amount
        self.amount_total = amount
        self.automatic_tax = {"enabled": False, "liability": None, "status": None}
        self.billing_address_collection = None
        self.cancel_url = data.get("cancel_url")
        self.client_reference_id = data.get("client_reference_id")
        self.client_secret = None
        self.currency = currency
        self.customer = data.get("customer")
        self.customer_creation = "if_required"
        self.customer_details = None
        self.customer_email = data.get("customer_email")
        self.expires_at = expires_at
        self.invoice = None
        self.locale = data.get("locale")
        self.metadata = dict(data.get("metadata") or {})
        self.mode = "payment"
        self.payment_intent = None
        self.payment_link = None
        self.payment_method_types = data.get("payment_method_types") or ["card"]
        self.payment_status = "unpaid"
        self.status = "open"
        self.submit_type = data.get("submit_type")
        self.success_url = data.get("success_url")
        self.total_details = {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0}
        self.ui_mode = "hosted"
        self.url = "%s/checkout/%s" % (base_url, self.id)

    def _refresh(self):
        """Sessions whose expires_at has passed expire, as on Stripe."""
        if self.status == "open" and now() >= self.expires_at:
            self._expire()
        return self

    def _expire(self):
        self.status = "expired"
        self.url = None
        events.emit("checkout.session.expired", self)

    @classmethod
    def _get(cls, id_):
        obj = store.get(cls.object + ":" + id_)
        if obj is None:
            raise not_found("checkout.session", id_, param="session")
        return obj._refresh()


def _parse_line_items(items):
    if not isinstance(items, list) or not items:
        raise stripe_error(400, "Missing required param: line_items.", code="parameter_missing",
                           param="line_items")
    parsed, currencies, total = [], set(), 0
    for i, item in enumerate(items):
        p = "line_items[%d]" % i
        if not isinstance(item, dict):
            raise stripe_error(400, "Invalid object", code="parameter_invalid_string", param=p)
        if item.get("price") is not None:
            raise stripe_error(400, "No such price: '%s'" % item["price"], code="resource_missing",
                               param=p + "[price]")
        pd = item.get("price_data")
        if not isinstance(pd, dict):
            raise stripe_error(400, "You must specify either `price` or `price_data` in each line item.",
                               param=p)
        if pd.get("currency") in (None, ""):
            raise stripe_error(400, "Missing required param: %s[price_data][currency]." % p,
                               code="parameter_missing", param=p + "[price_data][currency]")
        if pd.get("unit_amount") is None and pd.get("unit_amount_decimal") is None:
            raise stripe_error(400, "Missing required param: %s[price_data][unit_amount]." % p,
                               code="parameter_missing", param=p + "[price_data][unit_amount]")
        if pd.get("unit_amount") is not None:
            unit = to_int(pd["unit_amount"], p + "[price_data][unit_amount]")
        else:
            unit = int(round(float(pd["unit_amount_decimal"])))
        if unit < 0:
            raise stripe_error(400, "This value must be greater than or equal to 0.",
                               code="parameter_invalid_integer", param=p + "[price_data][unit_amount]")
        product_data = pd.get("product_data") or {}
        if pd.get("product") is None and not product_data.get("name"):
            raise stripe_error(400, "Missing required param: %s[price_data][product_data][name]." % p,
                               code="parameter_missing", param=p + "[price_data][product_data][name]")
        if item.get("quantity") is None:
            raise stripe_error(400, "Missing required param: %s[quantity]." % p,
                               code="parameter_missing", param=p + "[quantity]")
        qty = to_int(item["quantity"], p + "[quantity]")
        if qty < 1:
            raise stripe_error(400, "This value must be greater than or equal to 1.",
                               code="parameter_invalid_integer", param=p + "[quantity]")
        currencies.add(pd["currency"].lower())
        total += unit * qty
        parsed.append({"description": product_data.get("name"), "quantity": qty,
                       "amount_subtotal": unit * qty, "amount_total": unit * qty,
                       "currency": pd["currency"].lower(), "unit_amount": unit})
    if len(currencies) > 1:
        raise stripe_error(400, "All line items must use the same currency.", param="line_items")
    return parsed, currencies.pop(), total


@route("POST", "/v1/checkout/sessions")
def create_session(request, data):
    mode = data.get("mode")
    require(data, "mode")
    if mode != "payment":
        raise stripe_error(400, "This fake Stripe only supports mode=payment.", param="mode")
    ui_mode = data.get("ui_mode", "hosted")
    if ui_mode == "hosted":
        require(data, "success_url")
    line_items, currency, amount = _parse_line_items(data.get("line_items"))
    created = now()
    expires_at = created + MAX_EXPIRY
    if data.get("expires_at") not in (None, ""):
        expires_at = to_int(data["expires_at"], "expires_at")
        if expires_at - created < MIN_EXPIRY:
            raise stripe_error(400, "The `expires_at` timestamp must be at least 30 minutes from "
                               "Checkout Session creation.", code="parameter_invalid_integer",
                               param="expires_at")
        if expires_at - created > MAX_EXPIRY:
            raise stripe_error(400, "The `expires_at` timestamp must be less than 24 hours from "
                               "Checkout Session creation.", code="parameter_invalid_integer",
                               param="expires_at")
    base_url = "%s://%s" % (request.scheme, request.host)
    session = CheckoutSession(base_url, line_items, currency, amount, expires_at, data)
    return session


@route("GET", "/v1/checkout/sessions/{id}")
def retrieve_session(request, data, id):
    return CheckoutSession._get(id)


@route("GET", "/v1/checkout/sessions/{id}/line_items")
def session_line_items(request, data, id):
    session = CheckoutSession._get(id)
    items = [dict(item, object="item", id="li_%s_%d" % (session.id[8:], i))
             for i, item in enumerate(session._line_items)]
    return {"object": "list", "data": items, "has_more": False,
            "url": "/v1/checkout/sessions/%s/line_items" % session.id}


@route("GET", "/v1/checkout/sessions")
def list_sessions(request, data):
    li = List("/v1/checkout/sessions", limit=data.get("limit"),
              starting_after=data.get("starting_after"))
    sessions = [o._refresh() for k, o in list(store.items())
                if k.startswith(CheckoutSession.object + ":")]
    pi = data.get("payment_intent")
    if pi:
        sessions = [s for s in sessions
                    if s.payment_intent == pi or pi in s._failed_payment_intents]
    sessions.sort(key=lambda s: s.created, reverse=True)
    li._list = sessions
    return li


@route("POST", "/v1/checkout/sessions/{id}/expire")
def expire_session(request, data, id):
    session = CheckoutSession._get(id)
    if session.status != "open":
        raise stripe_error(400, 'Only Checkout Sessions with a status in ["open"] can be expired. '
                           'This Checkout Session has a status of "%s".' % session.status)
    session._expire()
    return session
