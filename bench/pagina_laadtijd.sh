#!/usr/bin/env bash
# Page-load benchmark of the dashboard (bench/pagina_laadtijd.mjs) against `jeugdregie serve`
# on a database, e.g. the demo region. With PEER_BIN (and PEER_WEB, its web directory) a
# second server, e.g. the previous version, serves PEER_DB (a copy of DB with its .key and
# .bench-wachtwoord: writes by one server, such as audit events, must not empty the other's
# caches) and its loads alternate with the measured server's. Last line:
#   RESULT pagina_p95_ms=X pagina_max_median_ms=X leeg_median_ms=X pagina_max_cpu_median_ms=X runs=N
# With JR_MEET=pagina_hoofdthread the same servers are measured by bench/pagina_hoofdthread.mjs
# (the renderer main thread's CPU per load, from a chromium trace; needs the peer).
# Usage: [PEER_BIN=... PEER_WEB=... PEER_DB=...] bench/pagina_laadtijd.sh BINARY DB [RUNS] [SERVE-OPTIONS...]
set -euo pipefail
bin="${1:?binary}"
db="${2:?database}"
runs="${3:-20}"
shift $(($# < 3 ? $# : 3))
source "$(dirname "$0")/start_server.sh" "$bin" "$db" "$@"
export JR_URL="$base" JR_SERVER_PID="$pid"
if [ -n "${PEER_BIN:-}" ]; then
  peer_port=$((port + 1))
  "$PEER_BIN" serve --db "${PEER_DB:?PEER_DB: a copy of the database}" --port "$peer_port" ${PEER_WEB:+--web "$PEER_WEB"} "$@" >/dev/null 2>&1 &
  peer_pid=$!
  trap 'kill "$pid" "$peer_pid" 2>/dev/null; wait 2>/dev/null; rm -f "$_log"' EXIT
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$peer_port/inloggen" >/dev/null 2>&1 && break
    sleep 0.1
  done
  export JR_URL_PEER="http://127.0.0.1:$peer_port" JR_PEER_PID="$peer_pid"
fi
node "$(dirname "$0")/${JR_MEET:-pagina_laadtijd}.mjs" "$runs"
