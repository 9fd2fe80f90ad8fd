#!/usr/bin/env python3
"""The playground in a real browser: headless Chromium (Debian's chromium and
chromium-driver) driven by Selenium.

    playground_test.py --url http://127.0.0.1:8080 [--screenshot-dir DIR] [--require-subscription]

Opens /playground, waits for the schema (introspection), types a query with real key
events (checking that completion offers the field for a partial name), runs it with
Ctrl+Enter and checks the data in the result panel; runs an invalid query and checks the
error is shown readably; sends a pasted bearer token; prettifies, runs with variables and looks at the history; runs a
subscription and waits for at least two events; saves
screenshots (light and dark). Prints a JSON summary on stdout and exits non-zero on any
failure.

The server's schema must have `hello(name: String): String!` returning "hello <name>",
`whoami: String` returning the request's bearer token, `items(first: Int): [Item!]!` with
`Item { id title }`, and a subscription field `ticks(count: Int): Int!` emitting `count`
events (the Swift test's schema). When the server does not accept a graphql-transport-ws WebSocket at the endpoint,
the subscription part is skipped and says why (`--require-subscription` makes that a failure).
"""
import argparse
import base64
import json
import os
import shutil
import socket
import sys
import time
import traceback
import urllib.parse

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:  # the summary stays machine-readable either way
    print(json.dumps({"ok": False, "error": f"selenium is not installed ({error}): run scripts/install.sh"}))
    sys.exit(3)

TIMEOUT = 20


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="the server's base URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--screenshot-dir", default=os.path.join(".data", "screenshots"))
    parser.add_argument("--require-subscription", action="store_true",
                        help="fail (instead of skipping) when the server has no graphql-transport-ws")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver")
    args = parser.parse_args()

    summary = {"ok": False, "url": args.url, "steps": []}
    driver = None
    try:
        for path, what in ((args.chromium, "chromium"), (args.chromedriver, "chromedriver")):
            if not os.path.exists(path):
                raise Failure(f"{what} not found at {path}: install Debian's chromium and chromium-driver (scripts/install.sh)")
        driver = start_browser(args)
        run_checks(driver, args, summary)
        summary["ok"] = True
    except Failure as failure:
        summary["error"] = str(failure)
    except Exception as error:  # a Selenium error, a timeout: report it in the summary
        summary["error"] = f"{type(error).__name__}: {error}"
        summary["traceback"] = traceback.format_exc(limit=4)
    finally:
        if driver is not None:
            if not summary["ok"]:
                summary["failure_screenshot"] = screenshot(driver, args.screenshot_dir, "playground-failure.png")
                summary["result_panel"] = text_of(driver, '[data-testid="result"]')[:2000]
            summary["console"] = console_errors(driver)
            driver.quit()
    if summary["ok"] and summary.get("console"):
        summary["ok"] = False
        summary["error"] = "the page logged errors to the console (CSP violations, failed loads, exceptions)"
    print(json.dumps(summary, indent=2))
    return 0 if summary["ok"] else 1


class Failure(Exception):
    pass


def start_browser(args):
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1440,900", "--force-device-scale-factor=1", "--lang=en-US",
                 "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Both paths are given, so Selenium Manager has nothing to download.
    os.environ.setdefault("SE_OFFLINE", "true")
    driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
    driver.set_page_load_timeout(TIMEOUT)
    # The window's size includes the (headless) browser's frame: fix the page's own.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    return driver


def run_checks(driver, args, summary):
    steps = summary["steps"]
    wait = WebDriverWait(driver, TIMEOUT)
    base = args.url.rstrip("/")

    # 1. The page, and the schema loaded by introspection.
    driver.get(base + "/playground")
    driver.execute_script("localStorage.clear(); sessionStorage.clear();")
    driver.refresh()
    wait_for(wait, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-schema") in ("loaded", "error"),
             "the schema to load")
    status = text_of(driver, '[data-testid="schema-status"]')
    if driver.find_element(By.TAG_NAME, "body").get_attribute("data-schema") != "loaded":
        raise Failure(f"the schema did not load: {status!r} ({driver.find_element(By.ID, 'schema-status').get_attribute('title')})")
    steps.append({"schema": status})

    # 2. Type a query with real key events; completion offers `hello` for "hel".
    editor = driver.find_element(By.CSS_SELECTOR, '[data-testid="editor"]')
    editor.click()
    chord(driver, "a")
    editor.send_keys(Keys.BACKSPACE)
    editor.send_keys("query Greeting { hel")
    wait_for(wait, lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="completion"]').is_displayed(),
             "the completion list for 'hel'")
    labels = [li.text.split("\n")[0] for li in driver.find_elements(By.CSS_SELECTOR, '[data-testid="completion"] li .label')]
    if "hello" not in labels:
        raise Failure(f"completion for 'hel' offered {labels}, not 'hello'")
    steps.append({"completion": labels[:10]})
    editor.send_keys(Keys.TAB)  # accept `hello`
    editor.send_keys('(name: "Selenium")')
    typed = editor.get_attribute("value")
    if " ".join(typed.split()) != 'query Greeting { hello(name: "Selenium")}':
        raise Failure(f"the editor holds {typed!r} after typing")

    # 3. Run with Ctrl+Enter; the data shows in the result panel.
    chord(driver, Keys.ENTER)
    wait_for(wait, lambda d: result_state(d) in ("ok", "error", "partial"), "the query's result")
    data = result_json(driver)
    if result_state(driver) != "ok" or data.get("data", {}).get("hello") != "hello Selenium":
        raise Failure(f"unexpected result ({result_state(driver)}): {json.dumps(data)[:500]}")
    steps.append({"query": data, "meta": text_of(driver, '[data-testid="result-meta"]')})
    screenshot_path = screenshot(driver, args.screenshot_dir, "playground-query.png")

    # 4. A token pasted in the Bearer field goes with the request.
    driver.find_element(By.CSS_SELECTOR, '[data-testid="token-input"]').send_keys("playground-token")
    replace_text(driver, editor, "{ whoami }")
    chord(driver, Keys.ENTER)
    wait_for(wait, lambda d: result_state(d) in ("ok", "error", "partial"), "the whoami result")
    whoami = (result_json(driver).get("data") or {}).get("whoami")
    if whoami != "playground-token":
        raise Failure(f"the token did not reach the server as a bearer token: whoami = {whoami!r}")
    steps.append({"token": whoami})

    # 5. A bad field: the error is listed readably, with its code and location.
    replace_text(driver, editor, "{ nope }")
    chord(driver, Keys.ENTER)
    wait_for(wait, lambda d: result_state(d) == "error", "the validation error")
    errors = driver.find_element(By.CSS_SELECTOR, '[data-testid="result-errors"]').text
    if "nope" not in errors or "line 1" not in errors:
        raise Failure(f"the error list does not name the field and its location: {errors!r}")
    steps.append({"errors": errors.splitlines()[:4]})

    # 6. Prettify, then run with variables from the Variables panel; history keeps the runs.
    replace_text(driver, editor, "query Items($n:Int){items(first:$n){id title}}")
    driver.find_element(By.CSS_SELECTOR, '[data-testid="prettify-button"]').click()
    pretty = editor.get_attribute("value")
    if pretty != "query Items($n: Int) {\n  items(first: $n) {\n    id\n    title\n  }\n}\n":
        raise Failure(f"prettify gave {pretty!r}")
    variables = driver.find_element(By.CSS_SELECTOR, '[data-testid="variables"]')
    variables.click()
    variables.send_keys('{"n": 2}')
    chord(driver, Keys.ENTER)
    wait_for(wait, lambda d: result_state(d) in ("ok", "error", "partial"), "the result with variables")
    items = (result_json(driver).get("data") or {}).get("items")
    if result_state(driver) != "ok" or not isinstance(items, list) or len(items) != 2:
        raise Failure(f"unexpected result with variables: {text_of(driver, '[data-testid=result]')[:500]!r}")
    driver.find_element(By.CSS_SELECTOR, '[data-testid="history-button"]').click()
    history = [item.text for item in driver.find_elements(By.CSS_SELECTOR, '[data-testid="history-item"]')]
    if len(history) < 3 or "Items" not in history[0]:
        raise Failure(f"the history lists {history}")
    driver.find_element(By.CSS_SELECTOR, '[data-testid="history-button"]').click()
    steps.append({"prettify_and_variables": items, "history": len(history)})

    # 7. A subscription over graphql-transport-ws: at least two events.
    endpoint = base + "/graphql"
    refusal = websocket_refusal(endpoint)
    if refusal:
        if args.require_subscription:
            raise Failure(f"the subscription cannot run: {refusal}")
        summary["subscription"] = {"skipped": f"the server does not accept graphql-transport-ws at {endpoint}: {refusal}"}
    else:
        replace_text(driver, editor, "subscription Ticks { ticks(count: 3) }")
        chord(driver, Keys.ENTER)
        wait_for(wait, lambda d: len(d.find_elements(By.CSS_SELECTOR, '[data-testid="subscription-event"][data-type="next"]')) >= 2,
                 "two subscription events")
        events = [json.loads(pre.text) for pre in driver.find_elements(
            By.CSS_SELECTOR, '[data-testid="subscription-event"][data-type="next"] pre.json')]
        if any("ticks" not in (event.get("data") or {}) for event in events):
            raise Failure(f"unexpected subscription events: {events}")
        wait_for(wait, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-running") == "", "the subscription to end")
        summary["subscription"] = {"events": events, "status": text_of(driver, '[data-testid="subscription-status"]')}

    # 8. Screenshots of the final state, light and dark (the pointer off the buttons).
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, '[data-testid="result"]')).perform()
    summary["screenshot"] = screenshot(driver, args.screenshot_dir, "playground.png")
    summary["screenshot_query"] = screenshot_path
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    summary["screenshot_dark"] = screenshot(driver, args.screenshot_dir, "playground-dark.png")


def wait_for(wait, condition, what):
    try:
        wait.until(condition)
    except TimeoutException:
        raise Failure(f"timed out after {TIMEOUT} s waiting for {what}") from None


def chord(driver, key):
    """Ctrl+key as real key events (Cmd is not needed: the page takes either)."""
    ActionChains(driver).key_down(Keys.CONTROL).send_keys(key).key_up(Keys.CONTROL).perform()


def replace_text(driver, editor, text):
    editor.click()
    chord(driver, "a")
    editor.send_keys(Keys.BACKSPACE)
    editor.send_keys(text)
    # Auto-closed brackets are typed over, so the text comes out as typed.
    if editor.get_attribute("value") != text:
        raise Failure(f"the editor holds {editor.get_attribute('value')!r}, not {text!r}")


def result_state(driver):
    return driver.find_element(By.CSS_SELECTOR, '[data-testid="result"]').get_attribute("data-state")


def result_json(driver):
    text = text_of(driver, '[data-testid="result-json"]')
    try:
        return json.loads(text)
    except ValueError:
        raise Failure(f"the result panel holds no JSON: {text_of(driver, '[data-testid=result]')[:500]!r}") from None


def text_of(driver, selector):
    elements = driver.find_elements(By.CSS_SELECTOR, selector)
    return elements[0].get_attribute("textContent") if elements else ""


def screenshot(driver, directory, name):
    os.makedirs(directory, exist_ok=True)
    path = os.path.abspath(os.path.join(directory, name))
    driver.save_screenshot(path)
    return path


def console_errors(driver):
    try:
        entries = driver.get_log("browser")
    except Exception:  # not every driver keeps the log
        return []
    # Chrome logs every 4xx answer as a failed load: GraphQL over HTTP answers a request
    # error (the invalid query above) with 400, so those are expected.
    expected = "Failed to load resource: the server responded with a status of 4"
    return [entry["message"] for entry in entries
            if entry.get("level") == "SEVERE" and not ("/graphql " in entry["message"] and expected in entry["message"])]


def websocket_refusal(url):
    """Why a graphql-transport-ws handshake at `url` fails (None: it is accepted)."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.hostname}:{port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n")
    try:
        with socket.create_connection((parts.hostname, port), timeout=5) as connection:
            connection.sendall(request.encode())
            answer = b""
            while b"\r\n\r\n" not in answer and len(answer) < 65536:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                answer += chunk
    except OSError as error:
        return f"the handshake failed ({error})"
    head = answer.split(b"\r\n\r\n")[0].decode("latin-1")
    status = head.split("\r\n")[0]
    if " 101 " not in status + " ":
        return f"the upgrade was answered with {status!r}"
    if "graphql-transport-ws" not in head.lower():
        return "the server did not choose the graphql-transport-ws subprotocol"
    return None


if __name__ == "__main__":
    sys.exit(main())
