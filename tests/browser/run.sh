#!/usr/bin/env bash
# Browser tests of the dashboard (make test-browser): a small generated region is imported
# into a fresh database under test-artifacts/, `jeugdregie serve --demo` serves it on a free
# loopback port, and node's test runner drives headless chromium through tests/browser/.
# Screenshots and downloads land in test-artifacts/.
# Usage: tests/browser/run.sh BINARY
set -euo pipefail
bin="$(realpath "${1:?binary}")"
cd "$(dirname "$0")/../.."
art="test-artifacts"
mkdir -p "$art"
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

"$bin" generate --regio rijk-van-nijmegen --van 2023-01-01 --tot 2024-12-31 --seed 7 \
  --schaal 0.05 --out "$work/regio" >/dev/null
db="$work/jr.db"
"$bin" register --db "$db" --import "$work/regio" >/dev/null
"$bin" bevolking --db "$db" --import "$work/regio/bevolking.csv" >/dev/null
"$bin" wijkteam --db "$db" --import "$work/regio/wijkteam.csv" >/dev/null
"$bin" import --db "$db" "$work/regio/berichten" >/dev/null || true  # rejections are fine here

port=$((20000 + RANDOM % 20000))
"$bin" serve --db "$db" --port "$port" --vanaf 2023-01-01 --demo >"$art/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/perioden" >/dev/null 2>&1 && break
  sleep 0.1
done
JR_URL="http://127.0.0.1:$port" JR_ARTIFACTS="$art" node --test tests/browser/
