#!/usr/bin/env bash
# make test: a fresh test database, then every test target.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"
cd "$ROOT"
"$ROOT/scripts/services.sh" fresh-db "$PG_TEST_DATABASE"
set -a; source "$SERVICES_ENV"; set +a
export PYTHON_VENV="$VENV_DIR"
# The local Stripe's own tests (scripts/localstripe_ext), through Stripe's official client.
(cd "$ROOT/scripts" && "$VENV_DIR/bin/python" -m unittest discover -s localstripe_ext/tests -t .)
swift build --build-tests
# XCTest only: an empty Swift Testing run would print a closing "0 tests" line.
swift test --skip-build --disable-swift-testing
