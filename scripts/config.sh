# Local services: every port and path in one place. Sourced by the other scripts.
# Override any of these in the environment.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DATA_DIR="${DATA_DIR:-$ROOT/.data}"
VENV_DIR="${VENV_DIR:-$ROOT/.venv}"
SERVICES_ENV="$DATA_DIR/services.env"

PG_PORT="${PG_PORT:-54329}"
PG_USER="${PG_USER:-marketplace}"
PG_PASSWORD="${PG_PASSWORD:-marketplace}"
PG_DATABASE="${PG_DATABASE:-marketplace}"
PG_TEST_DATABASE="${PG_TEST_DATABASE:-marketplace_test}"
PG_DATA="$DATA_DIR/postgres"
PG_RUN="$DATA_DIR/postgres-run"

STRIPE_PORT="${STRIPE_PORT:-8420}"
# localstripe accepts any key that looks like a Stripe test key.
STRIPE_SECRET_KEY_LOCAL="sk_test_localstripe_development_key"
STRIPE_WEBHOOK_SECRET_LOCAL="whsec_localdevelopmentsecret"

S3_PORT="${S3_PORT:-9310}"
S3_BUCKET_LOCAL="marketplace-local"

APP_PORT="${APP_PORT:-8080}"

# glibc hands freed heap back to the OS once 128 KB sit free at its top, so a request that
# builds and drops a few megabytes (a large document's AST, a large response) makes the
# next one page-fault the same memory back in: on a 1 MB document that halves parse
# throughput. The server (and the benchmarks, to measure what the server runs) keep 64 MB.
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.trim_threshold=67108864:glibc.malloc.top_pad=16777216}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a command as root (directly when we are root, through sudo otherwise).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
