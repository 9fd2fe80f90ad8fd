"""GraphQL over SSE through clients we did not write: httpx streams the response and
httpx-sse parses the events.

Usage: sse_client.py URL QUERY

POSTs {"query": QUERY} accepting text/event-stream and prints one JSON object a line:
{"status": code, "contentType": type}, then {"event": name, "data": parsed data or null}
per event, and exits 0 when the response ends.
"""

import json
import sys

import httpx
from httpx_sse import connect_sse


def main(url, query):
    with httpx.Client(timeout=30) as client:
        with connect_sse(client, "POST", url, json={"query": query}) as source:
            response = source.response
            print(json.dumps({"status": response.status_code,
                              "contentType": response.headers.get("content-type")}), flush=True)
            for event in source.iter_sse():
                data = json.loads(event.data) if event.data else None
                print(json.dumps({"event": event.event, "data": data}, sort_keys=True), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
