#!/usr/bin/env bash
# make test: a fresh test database, then every test target.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"
cd "$ROOT"
"$ROOT/scripts/services.sh" fresh-db "$PG_TEST_DATABASE"
set -a; source "$SERVICES_ENV"; set +a
export PYTHON_VENV="$VENV_DIR"
swift build --build-tests
swift test --skip-build
