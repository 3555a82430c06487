#!/usr/bin/env bash
# Load benchmark of the overzicht API: wrk, 50 connections, 30 s, against `jeugdregie serve`
# on a demo database (loopback only). Prints wrk's report and, last, one line:
#   RESULT requests_per_s=X p99_ms=X url=...
# Usage: bench/server_wrk.sh BINARY DB [SECONDS] [CONNECTIONS]
set -euo pipefail
bin="${1:?binary}"
db="${2:?database}"
seconds="${3:-30}"
conns="${4:-50}"
command -v wrk >/dev/null || { echo "server_wrk: wrk ontbreekt (apt-get install wrk)" >&2; exit 2; }

source "$(dirname "$0")/start_server.sh" "$bin" "$db"
periode="$(curl -fs "$base/api/v1/perioden" | sed -n 's/.*"laatste":"\([^"]*\)".*/\1/p')"
[ -n "$periode" ] || { echo "server_wrk: geen perioden in $db" >&2; exit 1; }
url="$base/api/v1/kerncijfers?periode=$periode"
curl -fs "$url" >/dev/null  # warm the cache once, as a first page view would
out="$(wrk -t2 -c"$conns" -d"${seconds}s" --latency "$url")"
echo "$out"
rps="$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')"
p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
to_ms() {
  case "$1" in
    *us) awk -v v="${1%us}" 'BEGIN {printf "%.3f", v / 1000}' ;;
    *ms) echo "${1%ms}" ;;
    *s) awk -v v="${1%s}" 'BEGIN {printf "%.3f", v * 1000}' ;;
  esac
}
echo "RESULT requests_per_s=$rps p99_ms=$(to_ms "$p99") url=/api/v1/kerncijfers?periode=$periode connections=$conns seconds=$seconds"
