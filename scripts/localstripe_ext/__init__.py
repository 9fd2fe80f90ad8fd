"""localstripe, extended for this project's development and tests.

localstripe (PyPI) is imported, not copied. This package starts its aiohttp app on one
address and port and adds what localstripe lacks: Checkout Sessions, Connect accounts and
account links, transfers and reversals, bounded refunds, idempotency keys, parameter
checks against the `stripe` package's typed params, prompt signed webhooks and test-only
endpoints. See README.md.
"""
