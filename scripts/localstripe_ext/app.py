"""Puts the extension into localstripe's aiohttp app (imported, never copied).

Middlewares, outermost first: localstripe's errors, [ext: test pages and /_test/ without
API key], localstripe's auth and store saving, [ext: params check, idempotency, routes].
"""
from aiohttp import web
from localstripe import resources
from localstripe.server import app

from . import checkout, connect, events, refunds, test_endpoints, transfers  # noqa: F401 (routes)
from . import params_check
from .common import json_response, match_route, request_data
from . import idempotency
from .idempotency import idempotency_middleware

UNAUTHENTICATED = ("/_test/", "/checkout/", "/connect/onboarding/")


async def _dispatch(request, handler_, params):
    data = await request_data(request)
    expand = data.pop("expand", None) if isinstance(data, dict) else None
    result = handler_(request, data, **params)
    if isinstance(result, web.StreamResponse):
        return result
    if hasattr(result, "_export"):
        result = result._export(expand=expand)
    return json_response(result)


@web.middleware
async def public_routes_middleware(request, handler):
    if request.method == "DELETE" and request.path == "/_config/data":
        idempotency.forget_all()  # localstripe empties its store: forget saved responses too
    if request.path.startswith(UNAUTHENTICATED):
        ext_handler, params = match_route(request.method, request.path)
        if ext_handler is not None:
            return await _dispatch(request, ext_handler, params)
    return await handler(request)


@web.middleware
async def params_check_middleware(request, handler):
    if request.path.startswith("/v1/"):
        params_check.check_request(request.method, request.path, await request_data(request))
    return await handler(request)


@web.middleware
async def routes_middleware(request, handler):
    ext_handler, params = match_route(request.method, request.path)
    if ext_handler is not None:
        return await _dispatch(request, ext_handler, params)
    return await handler(request)


def _export_latest_charge_as_id(original):
    """Stripe returns PaymentIntent.latest_charge as an id unless expanded; localstripe
    returns the whole Charge."""
    def _export(self, expand=None):
        obj = original(self, expand=expand)
        expanded = any(p == "latest_charge" or p.startswith("latest_charge.")
                       for p in (expand or []))
        if isinstance(obj.get("latest_charge"), dict) and not expanded:
            obj["latest_charge"] = obj["latest_charge"]["id"]
        return obj
    return _export


_installed = []


def build(webhook_url=None, webhook_secret=None, webhook_delay=0.0, params_scope="all"):
    """Returns localstripe's app with the extension installed (once)."""
    if not _installed:
        # Start from an empty store, kept in memory only: localstripe pickles it to a shared
        # /tmp file on every write, which several instances (tests, dev) would fight over.
        resources.store.dump_to_disk = lambda: None
        resources.PaymentIntent._export = _export_latest_charge_as_id(
            resources.PaymentIntent._export)
        app.middlewares.insert(1, public_routes_middleware)
        app.middlewares.extend([params_check_middleware, idempotency_middleware,
                                routes_middleware])
        _installed.append(True)
    events.install(webhook_url, webhook_secret, webhook_delay)
    params_check.settings["scope"] = params_scope
    return app
