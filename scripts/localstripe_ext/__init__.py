"""localstripe, extended for this project's development and tests.

localstripe (PyPI) is imported, not copied. This package starts its aiohttp app on
the loopback address only; the resources localstripe lacks (Checkout Sessions,
Connect accounts, transfers, idempotency keys) are added here as the commerce work
needs them.
"""
