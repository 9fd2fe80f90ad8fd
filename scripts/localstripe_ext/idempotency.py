"""Idempotency keys: a POST repeated with the same `Idempotency-Key` (per API key) and the
same parameters gets the first response again; other parameters get Stripe's 400
idempotency_error. Keys are kept 24 h in memory. As on Stripe, requests rejected by
parameter validation are not saved (the params check middleware runs first)."""
import hashlib
import json
import time

from aiohttp import web
from localstripe.errors import UserError

from .common import json_response, request_data

TTL = 24 * 60 * 60
_saved = {}  # (api key, idempotency key) -> dict(fingerprint, status, body, content_type, at)
_in_flight = set()


def _error(status, message):
    return json_response({"error": {"type": "idempotency_error", "message": message}}, status)


def _purge(now):
    for key in [k for k, v in _saved.items() if now - v["at"] > TTL]:
        del _saved[key]


def forget_all():
    _saved.clear()


@web.middleware
async def idempotency_middleware(request, handler):
    key = request.headers.get("Idempotency-Key")
    if request.method != "POST" or not key:
        return await handler(request)
    scope = (request.headers.get("Authorization", ""), request.headers.get("Stripe-Account", ""),
             key)
    data = await request_data(request)
    fingerprint = hashlib.sha256(json.dumps([request.path, data], sort_keys=True)
                                 .encode("utf-8")).hexdigest()
    now = time.time()
    _purge(now)
    saved = _saved.get(scope)
    if saved is not None:
        if saved["fingerprint"] != fingerprint:
            return _error(400, "Keys for idempotent requests can only be used with the same "
                               "parameters they were first used with. Try using a key other "
                               "than '%s' if you meant to execute a different request." % key)
        response = web.Response(status=saved["status"], body=saved["body"],
                                content_type=saved["content_type"])
        response.headers["Idempotent-Replayed"] = "true"
        response.headers["Idempotency-Key"] = key
        return response
    if scope in _in_flight:
        return _error(409, "There is currently another in-progress request using this "
                           "Idempotent Key (that probably means you submitted twice, and the "
                           "other request is still going through): %s. Please try again "
                           "later." % key)
    _in_flight.add(scope)
    try:
        try:
            response = await handler(request)
        except UserError as e:
            response = e.to_response()
        if isinstance(response, web.Response) and response.status != 401 \
                and response.status < 500:
            _saved[scope] = {"fingerprint": fingerprint, "status": response.status,
                             "body": response.body, "at": now,
                             "content_type": response.content_type}
        response.headers["Idempotency-Key"] = key
        return response
    finally:
        _in_flight.discard(scope)
