#!/bin/sh
# A private, throw-away PostgreSQL cluster for the `pg` test tier (architecture.md §1).
#
#   sh scripts/pg-test-cluster.sh start [DIR]   initdb --auth=trust in DIR (default: a fresh temp dir),
#                                               pg_ctl start on 127.0.0.1 and a free port; prints the
#                                               URL on stdout (one line); DIR on stderr
#   sh scripts/pg-test-cluster.sh stop DIR      fast shutdown, waits until the postmaster pid is gone,
#                                               removes DIR
#
# Runs the server as user `postgres` (via runuser) when started as root. Installs the Debian
# `postgresql` package first (scripts/test-deps.sh) when its server binaries are missing. fsync is
# off: the cluster holds test data only.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

pg_bin() {
  found=""
  for bin in /usr/lib/postgresql/*/bin; do
    if [ -x "$bin/initdb" ] && [ -x "$bin/postgres" ] && [ -x "$bin/pg_ctl" ]; then found="$bin"; fi
  done
  [ -n "$found" ] && echo "$found"
}

# Runs a command as the cluster owner: `postgres` when we are root (initdb refuses root), else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# True while the pid exists and is not a zombie waiting to be reaped.
alive() {
  [ -d "/proc/$1" ] || return 1
  state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
  [ "$state" != "Z" ] && [ -n "$state" ]
}

start() {
  bin=$(pg_bin || true)
  if [ -z "$bin" ]; then
    echo "pg-test-cluster: PostgreSQL server binaries missing; installing them" >&2
    sh "$here/test-deps.sh" postgresql >&2
    bin=$(pg_bin || true)
    [ -n "$bin" ] || { echo "pg-test-cluster: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin" >&2; exit 1; }
  fi
  dir="${1:-}"
  if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/kangyang-pg.XXXXXX"); fi
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
  chmod 700 "$dir"
  cd "$dir"
  as_owner "$bin/initdb" --auth=trust --username=postgres --encoding=UTF8 --locale=C -D "$dir/data" >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # A port can be taken between choosing it and binding it: try a few.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    options="-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    if as_owner "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/postgres.log" -o "$options" >"$dir/pg_ctl.log" 2>&1; then
      echo "$dir" >&2
      echo "postgres://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
    echo "pg-test-cluster: start on port $port failed (attempt $attempt)" >&2
  done
  cat "$dir/pg_ctl.log" "$dir/postgres.log" >&2 || true
  exit 1
}

stop() {
  dir="${1:?usage: pg-test-cluster.sh stop DIR}"
  [ -d "$dir/data" ] || { rm -rf "$dir"; return 0; }
  bin=$(pg_bin || true)
  pid=""
  if [ -f "$dir/data/postmaster.pid" ]; then pid=$(head -n 1 "$dir/data/postmaster.pid"); fi
  cd "$dir"
  if [ -n "$bin" ]; then as_owner "$bin/pg_ctl" stop -w -t 30 -m fast -D "$dir/data" >/dev/null 2>&1 || true; fi
  if [ -n "$pid" ]; then
    # The postmaster may linger for a moment after pg_ctl returns (orphans are reaped late).
    waited=0
    while alive "$pid"; do
      if [ "$waited" -ge 300 ]; then
        echo "pg-test-cluster: postmaster $pid still alive after 30 s; killing it" >&2
        kill -9 "$pid" 2>/dev/null || true
        sleep 1
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  fi
  cd /
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: sh scripts/pg-test-cluster.sh start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
