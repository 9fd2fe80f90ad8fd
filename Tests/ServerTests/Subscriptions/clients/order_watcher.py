"""Watches an order's status through clients we did not write: gql's WebsocketsTransport
(graphql-transport-ws) or httpx with httpx-sse (GraphQL over SSE).

Usage: order_watcher.py ws|sse URL TOKEN ORDER_ID COUNT

Subscribes to orderStatusChanged(orderId: ORDER_ID) with TOKEN as the bearer token and
prints one JSON object a line, {"status": status}, for the first COUNT events, then exits 0.
"""

import asyncio
import json
import sys

import httpx
from gql import Client, GraphQLRequest
from gql.transport.websockets import WebsocketsTransport
from httpx_sse import connect_sse

QUERY = "subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status } }"


def emit(status):
    print(json.dumps({"status": status}), flush=True)


async def over_websocket(url, token, order, count):
    transport = WebsocketsTransport(
        url=url,
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        init_payload={"authorization": f"Bearer {token}"},
    )
    async with Client(transport=transport, fetch_schema_from_transport=False) as session:
        seen = 0
        request = GraphQLRequest(QUERY, variable_values={"id": order})
        async for result in session.subscribe(request):
            emit(result["orderStatusChanged"]["status"])
            seen += 1
            if seen == count:
                break


def over_sse(url, token, order, count):
    with httpx.Client(timeout=60) as client:
        with connect_sse(client, "POST", url, json={"query": QUERY, "variables": {"id": order}},
                         headers={"Authorization": f"Bearer {token}"}) as source:
            seen = 0
            for event in source.iter_sse():
                if event.event != "next":
                    raise SystemExit(f"unexpected event {event.event}: {event.data}")
                emit(json.loads(event.data)["data"]["orderStatusChanged"]["status"])
                seen += 1
                if seen == count:
                    return


if __name__ == "__main__":
    transport, url, token, order, count = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
    if transport == "ws":
        asyncio.run(asyncio.wait_for(over_websocket(url, token, order, count), timeout=60))
    else:
        over_sse(url, token, order, count)
