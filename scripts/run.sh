#!/usr/bin/env bash
# make run: migrate the development database, seed it when empty, then serve.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"
cd "$ROOT"
bin="$(swift build "$@" --show-bin-path)/marketplace"
set -a; source "$SERVICES_ENV"; set +a
"$bin" migrate
"$bin" seed
log "serving on http://localhost:$PORT (health: /healthz)"
exec "$bin" serve
