#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for CI and local runs against a real
# server. Prints the DATABASE_URL to use. Usage: start-postgres.sh [port] [data-dir]
set -euo pipefail
PORT="${1:-5432}"
DATA_DIR="${2:-/tmp/switchboard-pg-$PORT}"
BIN_DIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN_DIR" ]; then
  echo "PostgreSQL binaries not found; install Debian's postgresql package" >&2
  exit 1
fi
if [ ! -s "$DATA_DIR/PG_VERSION" ]; then
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  chown postgres:postgres "$DATA_DIR"
  su postgres -c "$BIN_DIR/initdb -D '$DATA_DIR' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! su postgres -c "$BIN_DIR/pg_ctl -D '$DATA_DIR' status" >/dev/null 2>&1; then
  su postgres -c "$BIN_DIR/pg_ctl -D '$DATA_DIR' -l '$DATA_DIR/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=/tmp -c fsync=off -c synchronous_commit=off -c max_connections=200\" start" >/dev/null
fi
psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='switchboard'" | grep -q 1 \
  || psql -h 127.0.0.1 -p "$PORT" -U postgres -c "create database switchboard" >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/switchboard"
