# Sourced by the server benchmarks: starts `jeugdregie serve` on a free loopback port for the
# database, stops it on exit, and waits until it answers. Sets `base` (the URL) and `pid`.
# Usage (after set -euo pipefail): source bench/start_server.sh BINARY DB [SERVE-OPTIONS...]
_bin="${1:?binary}"
_db="${2:?database}"
shift 2
port=$((20000 + RANDOM % 20000))
_log="$(mktemp)"
"$_bin" serve --db "$_db" --port "$port" "$@" >"$_log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$_log"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fs "$base/api/v1/perioden" >/dev/null 2>&1 && break
  sleep 0.1
done
