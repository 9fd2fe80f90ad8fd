"""Connect: accounts (express/standard/custom) and account links for onboarding."""
import secrets
from localstripe.resources import List, StripeObject, store, try_convert_to_bool

from .common import not_found, now, route, stripe_error

ACCOUNT_TYPES = ("express", "standard", "custom")
LINK_TYPES = ("account_onboarding", "account_update")


class Account(StripeObject):
    object = "account"
    _id_prefix = "acct_"

    def __init__(self, data):
        super().__init__()
        self.business_profile = dict(data.get("business_profile") or {})
        self.business_type = data.get("business_type")
        self.capabilities = {}
        for name, wanted in (data.get("capabilities") or {}).items():
            if isinstance(wanted, dict) and try_convert_to_bool(wanted.get("requested")) is True:
                self.capabilities[name] = "inactive"
        self.charges_enabled = False
        self.country = (data.get("country") or "US").upper()
        self.default_currency = data.get("default_currency") or (
            "eur" if self.country in ("FR", "DE", "ES", "IT", "NL", "BE", "AT", "IE", "PT")
            else "usd")
        self.details_submitted = False
        self.email = data.get("email")
        self.external_accounts = {"object": "list", "data": [], "has_more": False,
                                  "total_count": 0, "url": "/v1/accounts/%s/external_accounts" % self.id}
        self.metadata = dict(data.get("metadata") or {})
        self.payouts_enabled = False
        self.requirements = {"currently_due": ["external_account", "tos_acceptance.date"],
                             "eventually_due": [], "past_due": [], "pending_verification": [],
                             "disabled_reason": "requirements.past_due", "current_deadline": None,
                             "errors": []}
        self.settings = {}
        self.tos_acceptance = {"date": None}
        self.type = data.get("type") or "express"

    def _onboard(self):
        self.details_submitted = True
        self.charges_enabled = True
        self.payouts_enabled = True
        self.capabilities = {name: "active" for name in self.capabilities} or {
            "card_payments": "active", "transfers": "active"}
        self.requirements = dict(self.requirements, currently_due=[], past_due=[],
                                 disabled_reason=None)
        self.tos_acceptance = {"date": now()}

    @classmethod
    def _get(cls, id_, param="account"):
        obj = store.get(cls.object + ":" + str(id_))
        if obj is None:
            raise stripe_error(400, "No such account: '%s'" % id_, code="resource_missing", param=param)
        return obj


class AccountLink:
    """Not stored: Stripe cannot retrieve account links either."""

    def __init__(self, base_url, account, data):
        self.created = now()
        self.expires_at = self.created + 300
        # Each link is a new one, as on Stripe (a link works once).
        self.url = "%s/connect/onboarding/%s?return_url=%s&link=%s" % (
            base_url, account.id, data.get("return_url") or "", secrets.token_hex(8))

    def _export(self, expand=None):
        return {"object": "account_link", "created": self.created,
                "expires_at": self.expires_at, "url": self.url}


@route("POST", "/v1/accounts")
def create_account(request, data):
    if data.get("type") not in (None, "") and data["type"] not in ACCOUNT_TYPES:
        raise stripe_error(400, "Invalid type: must be one of express, standard, or custom",
                           code="parameter_invalid_string", param="type")
    country = data.get("country")
    if country not in (None, "") and (len(country) != 2 or not country.isalpha()):
        raise stripe_error(400, "Country '%s' is unknown." % country, param="country")
    return Account(data)


@route("GET", "/v1/accounts/{id}")
def retrieve_account(request, data, id):
    obj = store.get(Account.object + ":" + id)
    if obj is None:
        raise not_found("account", id, param="account")
    return obj


@route("POST", "/v1/accounts/{id}")
def update_account(request, data, id):
    account = retrieve_account(request, {}, id)
    if isinstance(data.get("metadata"), dict):
        for key, value in data["metadata"].items():
            if value == "":
                account.metadata.pop(key, None)
            else:
                account.metadata[key] = value
    for field in ("email", "business_type", "default_currency"):
        if field in data:
            setattr(account, field, data[field])
    return account


@route("GET", "/v1/accounts")
def list_accounts(request, data):
    li = List("/v1/accounts", limit=data.get("limit"), starting_after=data.get("starting_after"))
    li._list = sorted((o for k, o in list(store.items()) if k.startswith("account:")),
                      key=lambda a: a.created, reverse=True)
    return li


@route("POST", "/v1/account_links")
def create_account_link(request, data):
    for name in ("account", "type"):
        if data.get(name) in (None, ""):
            raise stripe_error(400, "Missing required param: %s." % name,
                               code="parameter_missing", param=name)
    if data["type"] not in LINK_TYPES:
        raise stripe_error(400, "Invalid type: must be one of account_onboarding or account_update",
                           code="parameter_invalid_string", param="type")
    account = Account._get(data["account"], param="account")
    if account.type == "express" and data["type"] == "account_update":
        raise stripe_error(400, "You cannot create `account_update` type Account Links for "
                           "Express accounts.", param="type")
    base_url = "%s://%s" % (request.scheme, request.host)
    return AccountLink(base_url, account, data)
