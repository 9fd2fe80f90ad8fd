"""graphql-transport-ws through a client we did not write: gql's WebsocketsTransport.

Usage: gql_ws_client.py URL

Against the test schema of GraphQLRealClientTests it runs a query, a subscription of
three events, one that echoes the token of the init payload and an invalid query, then connects again offering gql's default
subprotocols (the legacy `graphql-ws` first). It prints one JSON object a line:
{"query": result}, {"next": result} per event, {"whoami": result}, {"error": errors},
{"subprotocol": negotiated}, and exits 0.
"""

import asyncio
import json
import sys

from gql import Client, gql
from gql.transport.exceptions import TransportQueryError
from gql.transport.websockets import WebsocketsTransport


def emit(kind, value):
    print(json.dumps({kind: value}, sort_keys=True), flush=True)


async def main(url):
    transport = WebsocketsTransport(
        url=url,
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
        init_payload={"authorization": "Bearer py-token"},
    )
    async with Client(transport=transport, fetch_schema_from_transport=False) as session:
        emit("query", await session.execute(gql("{ hello }")))
        async for result in session.subscribe(gql("subscription { count(to: 3) }")):
            emit("next", result)
        async for result in session.subscribe(gql("subscription { whoami }")):
            emit("whoami", result)
        try:
            await session.execute(gql("{ nope }"))
        except TransportQueryError as error:
            emit("error", error.errors)
        emit("subprotocol", transport.subprotocol)

    # gql's defaults offer both protocols; the server must pick graphql-transport-ws.
    transport = WebsocketsTransport(url=url)
    async with Client(transport=transport, fetch_schema_from_transport=False) as session:
        async for result in session.subscribe(gql("subscription { whoami }")):
            emit("next", result)
        emit("subprotocol", transport.subprotocol)


if __name__ == "__main__":
    asyncio.run(asyncio.wait_for(main(sys.argv[1]), timeout=30))
