#!/usr/bin/env bash
# Starts or stops the local services: PostgreSQL (a cluster under .data/postgres),
# localstripe and moto_server, all on 127.0.0.1. Writes .data/services.env.
#   scripts/services.sh start | stop | status | env
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/config.sh"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || dir=$(dirname "$(command -v initdb || echo /nonexistent/initdb)")
  [ -x "$dir/initdb" ] || die "PostgreSQL's initdb was not found; run scripts/install.sh"
  echo "$dir"
}

# initdb and pg_ctl refuse to run as root: then run them as the postgres user.
pg_run() {
  if [ "$(id -u)" -eq 0 ]; then
    local cmd
    printf -v cmd '%q ' "$@"
    su -s /bin/bash postgres -c "$cmd"
  else
    "$@"
  fi
}

start_postgres() {
  local bin; bin=$(pg_bin)
  mkdir -p "$DATA_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    # The postgres user must be able to reach the data folder.
    local d="$DATA_DIR"
    while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "creating the PostgreSQL cluster in $PG_DATA"
    rm -rf "$PG_DATA"; mkdir -p "$PG_DATA"
    local pwfile="$DATA_DIR/.pgpass-init"
    printf '%s\n' "$PG_PASSWORD" > "$pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DATA" "$pwfile"; fi
    chmod 700 "$PG_DATA"
    pg_run "$bin/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  mkdir -p "$PG_RUN"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_RUN"
  if pg_run "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "PostgreSQL is running on 127.0.0.1:$PG_PORT"
  else
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg_run "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_RUN/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_RUN -c max_connections=200 -c fsync=off -c full_page_writes=off" \
      start >/dev/null || { tail -n 20 "$PG_RUN/postgres.log" >&2; die "PostgreSQL did not start"; }
  fi
  ensure_database "$PG_DATABASE"
}

psql_admin() {
  PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

ensure_database() {
  local db="$1"
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    log "creating database $db"
    psql_admin -c "CREATE DATABASE \"$db\""
  fi
}

# Drops and creates a database, so that a test run starts from nothing.
fresh_database() {
  local db="$1"
  psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  psql_admin -c "CREATE DATABASE \"$db\""
}

# start_python NAME PORT HEALTH_URL VERSION COMMAND...: starts a background service once,
# records its pid. A running one is reused only while VERSION (a hash of its code) is the
# same: after a change to scripts/localstripe_ext, the next start runs the new code.
start_python() {
  local name="$1" port="$2" url="$3" version="$4"; shift 4
  local pidfile="$DATA_DIR/$name.pid" versionfile="$DATA_DIR/$name.version"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    if [ "$(cat "$versionfile" 2>/dev/null)" = "$version" ]; then
      log "$name is running on 127.0.0.1:$port"
      return
    fi
    log "$name's code changed: restarting it"
    stop_pid "$name"
  fi
  # Something else answering on the port would be mistaken for the service started here.
  if curl -sS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
    die "port $port is in use by another process: stop it, or choose another port in scripts/config.sh"
  fi
  log "starting $name on 127.0.0.1:$port"
  mkdir -p "$DATA_DIR/logs"
  nohup "$@" > "$DATA_DIR/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  echo "$version" > "$versionfile"
  for _ in $(seq 1 100); do
    # Any HTTP answer means the server is up (localstripe answers 401 without a key).
    curl -sS -o /dev/null --max-time 2 "$url" 2>/dev/null && return
    kill -0 "$(cat "$pidfile")" 2>/dev/null || break
    sleep 0.2
  done
  tail -n 20 "$DATA_DIR/logs/$name.log" >&2
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
  die "$name did not start (log: $DATA_DIR/logs/$name.log)"
}

# A hash of files, to tell whether a running service runs the code of the working tree.
code_version() {
  cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1
}

start_stripe() {
  start_python localstripe "$STRIPE_PORT" "http://127.0.0.1:$STRIPE_PORT/v1/customers?limit=1" \
    "$(code_version "$ROOT"/scripts/localstripe_ext/*.py "$ROOT/scripts/requirements.txt")" \
    env PYTHONPATH="$ROOT/scripts" "$VENV_DIR/bin/python" -m localstripe_ext --host 127.0.0.1 --port "$STRIPE_PORT" \
      --webhook-url "http://127.0.0.1:$APP_PORT/webhooks/stripe" --webhook-secret "$STRIPE_WEBHOOK_SECRET_LOCAL"
}

start_s3() {
  start_python moto_server "$S3_PORT" "http://127.0.0.1:$S3_PORT/moto-api/" \
    "$(code_version "$ROOT/scripts/requirements.txt")" \
    "$VENV_DIR/bin/moto_server" -H 127.0.0.1 -p "$S3_PORT"
  # moto keeps buckets in memory: create ours (an existing bucket answers 409, which is fine).
  curl -fsS -o /dev/null -X PUT "http://127.0.0.1:$S3_PORT/$S3_BUCKET_LOCAL" 2>/dev/null || true
}

write_env() {
  mkdir -p "$DATA_DIR"
  cat > "$SERVICES_ENV" <<ENV
# Written by scripts/services.sh: the local services' settings. marketplace reads this
# file for the variables the environment does not set.
DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DATABASE
TEST_DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_TEST_DATABASE
STRIPE_API_BASE=http://127.0.0.1:$STRIPE_PORT
STRIPE_SECRET_KEY=$STRIPE_SECRET_KEY_LOCAL
STRIPE_WEBHOOK_SECRET=$STRIPE_WEBHOOK_SECRET_LOCAL
S3_ENDPOINT=http://127.0.0.1:$S3_PORT
S3_BUCKET=$S3_BUCKET_LOCAL
S3_REGION=us-east-1
AWS_ACCESS_KEY_ID=test
AWS_SECRET_ACCESS_KEY=test
PORT=$APP_PORT
ENV
}

stop_pid() {
  local name="$1" pidfile="$DATA_DIR/$1.pid"
  if [ -f "$pidfile" ]; then
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping $name ($pid)"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  fi
}

case "${1:-}" in
  start)
    start_postgres
    start_stripe
    start_s3
    write_env
    ;;
  fresh-db)
    fresh_database "${2:?database name}"
    ;;
  stop)
    stop_pid localstripe
    stop_pid moto_server
    if [ -f "$PG_DATA/PG_VERSION" ] && pg_run "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
      log "stopping PostgreSQL"
      pg_run "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    fi
    ;;
  status)
    for name in localstripe moto_server; do
      if [ -f "$DATA_DIR/$name.pid" ] && kill -0 "$(cat "$DATA_DIR/$name.pid")" 2>/dev/null; then echo "$name: running"; else echo "$name: stopped"; fi
    done
    if [ -f "$PG_DATA/PG_VERSION" ] && pg_run "$(pg_bin)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then echo "postgres: running"; else echo "postgres: stopped"; fi
    ;;
  *)
    echo "usage: $0 start | stop | status | fresh-db NAME" >&2; exit 2 ;;
esac
