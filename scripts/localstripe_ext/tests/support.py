"""Starts one fake Stripe server (subprocess, free port) and one webhook receiver for the
whole test run; gives a `stripe.StripeClient` pointed at it."""
import atexit
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import stripe

SCRIPTS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SECRET = "whsec_test_cli"
API_KEY = "sk_test_x"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver:
    """A tiny webhook endpoint remembering every (headers, body) it got."""

    def __init__(self):
        self.received = []
        self.cond = threading.Condition()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.cond:
                    receiver.received.append((dict(self.headers), body))
                    receiver.cond.notify_all()
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/webhooks/stripe" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, predicate, timeout=5.0):
        """The first (headers, body, event) whose parsed event satisfies `predicate`."""
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for headers, body in self.received:
                    event = json.loads(body)
                    if predicate(event):
                        return headers, body, event
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError("no matching webhook within %.1f s" % timeout)
                self.cond.wait(left)


class Server:
    def __init__(self):
        self.receiver = Receiver()
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        env = dict(os.environ, PYTHONPATH=SCRIPTS)
        self.log_path = os.path.join(tempfile.gettempdir(), "localstripe_ext-%d.log" % self.port)
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "localstripe_ext", "--host", "127.0.0.1", "--port",
             str(self.port), "--webhook-url", self.receiver.url, "--webhook-secret", SECRET],
            cwd=SCRIPTS, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        atexit.register(self.stop)
        deadline = time.time() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("the fake Stripe server did not start, see " + self.log_path)
                time.sleep(0.05)
        self.client = stripe.StripeClient(API_KEY, base_addresses={"api": self.base},
                                          max_network_retries=0)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.receiver.server.shutdown()
        self.receiver.server.server_close()
        self.log.close()

    def http(self, method, path, form=None, headers=None, auth=True):
        """A raw request: (status, parsed JSON body, response headers)."""
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if auth:
            req.add_header("Authorization", "Bearer " + API_KEY)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, json.loads(r.read() or b"null"), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null"), dict(e.headers)


_server = []


def server():
    if not _server:
        _server.append(Server())
    return _server[0]


def session_params(**overrides):
    params = {
        "mode": "payment",
        "success_url": "https://shop.test/ok?cs={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://shop.test/cancel",
        "customer_email": "buyer@example.com",
        "client_reference_id": "order_42",
        "metadata": {"order_id": "42"},
        "payment_intent_data": {"transfer_group": "order_42", "metadata": {"order_id": "42"}},
        "line_items": [
            {"price_data": {"currency": "usd", "unit_amount": 1500,
                            "product_data": {"name": "Vase"}}, "quantity": 2},
            {"price_data": {"currency": "usd", "unit_amount": 500,
                            "product_data": {"name": "Shipping"}}, "quantity": 1},
        ],
    }
    params.update(overrides)
    return params


def paid_session(**overrides):
    """A completed checkout session (3500 usd) and its charge."""
    srv = server()
    session = srv.client.v1.checkout.sessions.create(params=session_params(**overrides))
    status, body, _ = srv.http("POST", "/_test/checkout/sessions/%s/complete" % session.id,
                               auth=False)
    assert status == 200, body
    pi = srv.client.v1.payment_intents.retrieve(body["payment_intent"])
    return srv.client.v1.checkout.sessions.retrieve(session.id), pi
