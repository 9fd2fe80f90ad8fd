"""Runs localstripe with the extension on one address and port:
python -m localstripe_ext --host H --port P [--webhook-url URL --webhook-secret S]."""
import argparse
import logging
import os

from aiohttp import web


def main() -> None:
    parser = argparse.ArgumentParser(prog="localstripe_ext")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8420)
    parser.add_argument("--webhook-url", default=os.environ.get("STRIPE_WEBHOOK_URL"),
                        help="where events are POSTed (default: $STRIPE_WEBHOOK_URL)")
    parser.add_argument("--webhook-secret", default=os.environ.get("STRIPE_WEBHOOK_SECRET"),
                        help="signing secret, whsec_... (default: $STRIPE_WEBHOOK_SECRET)")
    parser.add_argument("--webhook-delay", type=float,
                        default=float(os.environ.get("STRIPE_WEBHOOK_DELAY", "0")),
                        help="seconds to wait before sending an event (default 0)")
    parser.add_argument("--check-params", choices=("all", "ext", "off"), default="all",
                        help="check parameters against stripe.params on every /v1 route (all), "
                             "only on the extension's routes (ext), or not at all")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    from .app import build
    # Start from an empty store every time: state from an earlier run would leak into tests.
    app = build(args.webhook_url, args.webhook_secret, args.webhook_delay, args.check_params)
    web.run_app(app, host=args.host, port=args.port, access_log=logging.getLogger("aiohttp.access"))


if __name__ == "__main__":
    main()
