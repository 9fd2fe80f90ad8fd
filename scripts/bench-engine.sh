#!/usr/bin/env bash
# make bench-engine: our GraphQL engine against GraphQLSwift 4.3.0 (in process) and
# graphql-js 16 (node), in one run, on the workloads in Benchmarks/Workloads.
# Prints one line per benchmark on stdout:
#   bench <name>: ours <x> <unit>, GraphQLSwift <y>, graphql-js <z>, ratio <r1>x GraphQLSwift, <r2>x graphql-js
# Arguments go to the runner: --quick (or BENCH_QUICK=1) for 0.2 s rounds,
# --filter parse (or BENCH_FILTER), --verbose for every round, --no-node, --list.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"
BENCH_DIR="$ROOT/Benchmarks"

# graphql-js: Debian's node-graphql (under /usr/share/nodejs/graphql, which this
# node's require() may not search; node/bench.js falls back to that directory).
if ! command -v node >/dev/null || { [ ! -d /usr/share/nodejs/graphql ] && ! node -e "require('graphql')" 2>/dev/null; }; then
  log "installing nodejs and node-graphql"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs node-graphql >/dev/null
fi

# Release build: whole-module optimization (-O -wmo) for our engine and GraphQLSwift.
log "building the engine benchmarks (release)"
swift build -c release --package-path "$BENCH_DIR" --product EngineBenchmarks >&2
BIN="$(swift build -c release --package-path "$BENCH_DIR" --show-bin-path)"

log "running (each figure: median of 5 rounds after a warm-up)"
exec "$BIN/EngineBenchmarks" --root "$BENCH_DIR" "$@"
