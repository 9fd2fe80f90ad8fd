"""Runs localstripe on one address and port: python -m localstripe_ext --host H --port P."""
import argparse
import logging

from aiohttp import web
from localstripe.server import app


def main() -> None:
    parser = argparse.ArgumentParser(prog="localstripe_ext")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8420)
    args = parser.parse_args()
    # Start from an empty store every time: state from an earlier run would leak into tests.
    logging.basicConfig(level=logging.INFO)
    web.run_app(app, host=args.host, port=args.port, access_log=logging.getLogger("aiohttp.access"))


if __name__ == "__main__":
    main()
