"""Shared helpers: Stripe-shaped errors, JSON responses, form decoding, the extension's routes.

The extension's routes are dispatched by a middleware placed inside localstripe's own
middlewares (errors, auth), so they take precedence over localstripe's routes of the same
path (POST /v1/refunds) and need no change to localstripe's router.
"""
import json
import re
import time

from aiohttp import web
from localstripe.errors import UserError
from localstripe.server import unflatten_data

API_VERSION = "2024-06-20"

_routes = []  # (method, compiled regex, handler)


def route(method, pattern):
    """Registers `handler(request, data, **path_params)` for METHOD and a path like /v1/x/{id}."""
    regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern) + "$")

    def decorator(handler):
        _routes.append((method, regex, handler))
        return handler
    return decorator


def match_route(method, path):
    for m, regex, handler in _routes:
        if m == method:
            found = regex.match(path)
            if found:
                return handler, found.groupdict()
    return None, None


def now():
    return int(time.time())


def json_response(body, status=200):
    return web.json_response(body, status=status,
                             dumps=lambda x: json.dumps(x, indent=2, sort_keys=True) + "\n")


def stripe_error(status, message, code=None, param=None, type_="invalid_request_error", **extra):
    """An exception localstripe's error middleware turns into Stripe's error body."""
    contents = {}
    if code is not None:
        contents["code"] = code
    if param is not None:
        contents["param"] = param
    contents.update(extra)
    err = UserError(status, message, contents)
    err.body["error"]["type"] = type_
    return err


def not_found(kind, id_, param="id"):
    return stripe_error(404, "No such %s: '%s'" % (kind, id_), code="resource_missing", param=param)


_EMPTY_BRACKETS = re.compile(r"\[\]\[")


def _index_empty_brackets(pairs):
    """Turns `a[][c]=1&a[][d]=2&a[][c]=3` into `a[0][c]=1&a[0][d]=2&a[1][c]=3` as Stripe does:
    a new element starts when a key already seen in the current element repeats."""
    out = []
    state = {}  # prefix -> (index, set of seen suffixes)
    for key, value in pairs:
        while True:
            m = _EMPTY_BRACKETS.search(key)
            if not m:
                break
            prefix, suffix = key[:m.start()], key[m.end() - 1:]
            index, seen = state.get(prefix, (0, set()))
            if suffix in seen:
                index, seen = index + 1, set()
            seen.add(suffix)
            state[prefix] = (index, seen)
            key = "%s[%d]%s" % (prefix, index, suffix)
        out.append((key, value))
    return out


async def request_data(request):
    """The request's parameters as nested dicts and lists (POST body or query string)."""
    if request.method == "POST":
        raw = await request.read()
        ctype = request.headers.get("Content-Type", "")
        if raw and "json" in ctype:
            try:
                data = json.loads(raw)
                return data if isinstance(data, dict) else {}
            except ValueError:
                raise stripe_error(400, "Invalid JSON body")
        form = await request.post()
    else:
        form = request.query
    if not form:
        return {}
    from multidict import MultiDict
    return unflatten_data(MultiDict(_index_empty_brackets(list(form.items()))))


def to_int(value, param):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise stripe_error(400, "Invalid integer: %s" % value, code="parameter_invalid_integer",
                           param=param)


def require(data, *names):
    for name in names:
        if data.get(name) in (None, ""):
            raise stripe_error(400, "Missing required param: %s." % name,
                               code="parameter_missing", param=name)


def money(amount, currency):
    """$12.34 style formatting used in Stripe's amount messages."""
    symbol = {"usd": "$", "eur": "€", "gbp": "£"}.get((currency or "").lower(), "$")
    return "%s%.2f" % (symbol, amount / 100)
