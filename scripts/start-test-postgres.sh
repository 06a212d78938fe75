#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:54329 for the test suite (CI and local),
# and prints the TEST_DATABASE_URL to use. Needs Debian's postgresql package.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DIR=${PGTEST_DIR:-/tmp/gongkai-pg}
PORT=${PGTEST_PORT:-54329}
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  run "$PGBIN/initdb -D $DIR -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! run "$PGBIN/pg_ctl -D $DIR status" >/dev/null 2>&1; then
  run "$PGBIN/pg_ctl -D $DIR -l $DIR/server.log -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -w start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
