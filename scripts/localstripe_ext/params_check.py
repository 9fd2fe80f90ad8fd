"""Request parameters checked against the official `stripe` package's typed params.

`stripe.params` holds one TypedDict per API method (e.g. `checkout.SessionCreateParams`);
their annotations (nested TypedDicts, List, Literal, Dict) are read with
`typing.get_type_hints`. Unknown parameters, values outside a Literal, wrongly typed
values and missing required parameters get Stripe's 400 answers.
"""
import decimal
import importlib
import re
import sys
import types
import typing

from typing_extensions import is_typeddict

from .common import stripe_error

# Sent by Stripe.js or the SDK's request options, never part of an API method's params.
REQUEST_OPTIONS = {"api_key", "stripe_version", "stripe_account", "stripe_context",
                   "max_network_retries", "idempotency_key", "content_type", "headers"}
# Also accepted on localstripe's own routes: what Stripe.js (localstripe-v3.js) sends.
STRIPE_JS = {"key", "payment_user_agent", "referrer", "client_secret", "use_stripe_sdk"}

# The extension's routes, and those whose names the generic rule below gets wrong.
EXPLICIT = {
    ("POST", "/v1/checkout/sessions"): "checkout.SessionCreateParams",
    ("GET", "/v1/checkout/sessions"): "checkout.SessionListParams",
    ("GET", "/v1/checkout/sessions/{id}"): "checkout.SessionRetrieveParams",
    ("POST", "/v1/checkout/sessions/{id}/expire"): "checkout.SessionExpireParams",
    ("GET", "/v1/checkout/sessions/{id}/line_items"): "checkout.SessionListLineItemsParams",
    ("POST", "/v1/accounts"): "AccountCreateParams",
    ("GET", "/v1/accounts"): "AccountListParams",
    ("GET", "/v1/accounts/{id}"): "AccountRetrieveParams",
    ("POST", "/v1/accounts/{id}"): "AccountUpdateParams",
    ("POST", "/v1/account_links"): "AccountLinkCreateParams",
    ("POST", "/v1/transfers"): "TransferCreateParams",
    ("GET", "/v1/transfers"): "TransferListParams",
    ("GET", "/v1/transfers/{id}"): "TransferRetrieveParams",
    ("POST", "/v1/transfers/{id}"): "TransferUpdateParams",
    ("POST", "/v1/transfers/{id}/reversals"): "TransferCreateReversalParams",
    ("GET", "/v1/transfers/{id}/reversals"): "TransferListReversalsParams",
    ("POST", "/v1/refunds"): "RefundCreateParams",
}
_EXPLICIT_RE = [(m, re.compile("^" + re.sub(r"\{id\}", "[^/]+", p) + "$"), n)
                for (m, p), n in EXPLICIT.items()]
_ID = re.compile(r"^[a-z]+_[A-Za-z0-9_]+$")

settings = {"scope": "all"}  # all | ext | off


def _camel(plural):
    singular = plural[:-1] if plural.endswith("s") else plural
    return "".join(part.capitalize() for part in singular.split("_"))


def _lookup(name):
    module = importlib.import_module("stripe.params")
    for part in name.split("."):
        module = getattr(module, part, None)
        if module is None:
            return None
    return module


def params_class(method, path):
    """(the TypedDict for a request or None when it is not checked, whether it is explicit)."""
    for m, regex, name in _EXPLICIT_RE:
        if m == method and regex.match(path):
            return _lookup(name), True
    if settings["scope"] != "all":
        return None, False
    return _generic_class(method, path), False


def _generic_class(method, path):
    parts = path.strip("/").split("/")
    if parts[0] != "v1" or len(parts) < 2 or len(parts) > 4:
        return None
    name = _camel(parts[1])
    if len(parts) == 2:
        suffix = {"POST": "Create", "GET": "List"}.get(method)
    elif len(parts) == 3:
        if method == "GET" and not _ID.match(parts[2]):
            return None  # e.g. GET /v1/invoices/upcoming
        suffix = {"POST": "Update", "GET": "Retrieve", "DELETE": "Delete"}.get(method)
    else:
        if method != "POST" or parts[3].startswith("_"):
            return None
        suffix = "".join(part.capitalize() for part in parts[3].split("_"))
    if suffix is None:
        return None
    cls = _lookup(name + suffix + "Params")
    if cls is None and suffix == "Update":
        cls = _lookup(name + "ModifyParams")
    return cls


_hints_cache = {}


def _hints(cls):
    if cls not in _hints_cache:
        from stripe._stripe_context import StripeContext
        globalns = vars(sys.modules[cls.__module__])
        _hints_cache[cls] = typing.get_type_hints(
            cls, globalns=globalns, localns={
                "StripeContext": StripeContext, "Decimal": decimal.Decimal,
                "Mapping": typing.Mapping, "Optional": typing.Optional, "Dict": typing.Dict,
                "Tuple": typing.Tuple, "Any": typing.Any, "List": typing.List})
    return _hints_cache[cls]


class Invalid(Exception):
    def __init__(self, code, message, param):
        super().__init__(message)
        self.code, self.message, self.param = code, message, param


def _join(path, key):
    return "%s[%s]" % (path, key) if path else str(key)


def _check(value, tp, path):
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is typing.Any or tp is object:
        return
    if origin in (typing.Union, types.UnionType):
        literals = [a for a in args if typing.get_origin(a) is typing.Literal]
        # `Literal[...]|str` is the SDK being lenient about future values: Stripe is not.
        alternatives = [a for a in args if not (a is str and literals)]
        errors = []
        for alt in alternatives:
            try:
                _check(value, alt, path)
                return
            except Invalid as e:
                errors.append(e)
        if literals and isinstance(value, str):
            allowed = [v for lit in literals for v in typing.get_args(lit) if v != ""]
            raise Invalid("parameter_invalid_string", "Invalid %s: must be one of %s"
                          % (path, _one_of(allowed)), path)
        raise errors[-1]
    if origin is typing.Literal:
        if value not in args:
            raise Invalid("parameter_invalid_string", "Invalid %s: must be one of %s"
                          % (path, _one_of([a for a in args if a != ""])), path)
        return
    if tp is str:
        if not isinstance(value, str):
            raise Invalid("parameter_invalid_string", "Invalid string: %s" % _show(value), path)
        return
    if tp is bool:
        if not (isinstance(value, bool) or str(value).lower() in ("true", "false")):
            raise Invalid("parameter_invalid_boolean", "Invalid boolean: %s" % _show(value), path)
        return
    if tp is int:
        if isinstance(value, bool) or not re.match(r"^-?\d+$", str(value)) \
                or isinstance(value, (dict, list)):
            raise Invalid("parameter_invalid_integer", "Invalid integer: %s" % _show(value), path)
        return
    if tp in (float, decimal.Decimal):
        try:
            float(value)
        except (TypeError, ValueError):
            raise Invalid("parameter_invalid_decimal", "Invalid decimal: %s" % _show(value), path)
        return
    if origin in (list, typing.List):
        if not isinstance(value, list):
            raise Invalid("parameter_invalid_array", "Invalid array", path)
        for i, item in enumerate(value):
            _check(item, args[0] if args else typing.Any, _join(path, i))
        return
    if origin in (dict, typing.Dict) or _is_untyped_object(tp):
        if not isinstance(value, dict):
            raise Invalid("parameter_invalid_object", "Invalid object", path)
        return
    if is_typeddict(tp):
        if not isinstance(value, dict):
            raise Invalid("parameter_invalid_object", "Invalid object", path)
        check_object(value, tp, path)
        return


def _is_untyped_object(tp):
    target = typing.get_origin(tp) or tp
    return getattr(target, "__name__", "") in ("UntypedStripeObject", "StripeObject")


def _one_of(values):
    values = [str(v) for v in values]
    if len(values) <= 1:
        return "".join(values)
    return "%s, or %s" % (", ".join(values[:-1]), values[-1])


def _show(value):
    return value if isinstance(value, str) else type(value).__name__


def check_object(data, cls, path="", top=False, extra=frozenset()):
    hints = _hints(cls)
    allowed = set(hints) - (REQUEST_OPTIONS if top else set())
    for key in data:
        if key in allowed or (top and key in extra) or (top and key == "expand"):
            continue
        param = _join(path, key)
        raise Invalid("parameter_unknown", "Received unknown parameter: %s" % param, param)
    for key in sorted(getattr(cls, "__required_keys__", ())):
        if key in allowed and key not in data:
            param = _join(path, key)
            raise Invalid("parameter_missing", "Missing required param: %s." % param, param)
    for key, value in data.items():
        if key in hints and not (top and key in extra):
            _check(value, hints[key], _join(path, key))


def check_request(method, path, data):
    """Raises Stripe's 400 error when `data` does not fit the method's typed params."""
    if settings["scope"] == "off":
        return
    cls, explicit = params_class(method, path)
    if cls is None:
        return
    try:
        check_object(data or {}, cls, top=True, extra=frozenset() if explicit else STRIPE_JS)
    except Invalid as e:
        raise stripe_error(400, e.message, code=e.code, param=e.param)
