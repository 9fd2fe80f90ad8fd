"""Events and webhook delivery.

localstripe keeps its webhook targets in `localstripe.webhooks._webhooks` (filled by
`POST /_config/webhooks/{id}`) and sends each event after sleeping 1 s. This module
replaces that sender with one whose delay is configurable (default 0 s), registers the
target given on the command line, and emits the extension's events as localstripe
`Event` objects (stored, so `GET /v1/events/{id}` works).
"""
import asyncio
import hashlib
import hmac
import json
import logging

import aiohttp
from localstripe import webhooks as ls_webhooks
from localstripe.resources import Event

from .common import API_VERSION

log = logging.getLogger("localstripe_ext.events")

settings = {"delay": 0.0}


def sign(secret, timestamp, payload):
    """Stripe-Signature header for a payload (bytes): HMAC-SHA256 of "{t}.{body}"."""
    signed = b"%d.%s" % (timestamp, payload)
    digest = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    return "t=%d,v1=%s" % (timestamp, digest)


async def _send_webhook(event):
    payload = json.dumps(event._export(), indent=2, sort_keys=True).encode("utf-8")
    if settings["delay"] > 0:
        await asyncio.sleep(settings["delay"])
    for webhook in list(ls_webhooks._webhooks.values()):
        if webhook.events is not None and event.type not in webhook.events:
            continue
        headers = {"Content-Type": "application/json; charset=utf-8",
                   "Stripe-Signature": sign(webhook.secret, event.created, payload)}
        try:
            async with aiohttp.ClientSession() as session:
                async with session.post(webhook.url, data=payload, headers=headers) as r:
                    log.info('webhook "%s" %s -> %s: %d', event.type, event.id, webhook.url, r.status)
        except (aiohttp.ClientError, OSError) as e:
            log.info('webhook "%s" %s -> %s failed: %s', event.type, event.id, webhook.url, e)


def install(webhook_url=None, webhook_secret=None, delay=0.0):
    """Replaces localstripe's sender (used for its own events too) and registers a target."""
    settings["delay"] = delay
    ls_webhooks._send_webhook = _send_webhook
    if webhook_url:
        if not webhook_secret:
            raise SystemExit("--webhook-url needs --webhook-secret (or STRIPE_WEBHOOK_SECRET)")
        ls_webhooks.register_webhook("cli", webhook_url, webhook_secret, None)


def emit(type_, obj):
    """Creates, stores and sends an event whose data.object is `obj` exported now."""
    event = Event(type_, obj)
    event.api_version = API_VERSION
    event.pending_webhooks = len(ls_webhooks._webhooks)
    event.request = {"id": None, "idempotency_key": None}
    ls_webhooks.schedule_webhook(event)
    return event
