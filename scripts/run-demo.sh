#!/usr/bin/env bash
# The main job behind `make run`: the demo region rijk-van-nijmegen on the embedded SQLite
# store, and its dashboard. Generates the region when absent, imports it into a fresh
# database when the database is absent, prints the latest indicators, and starts the server.
# Usage: scripts/run-demo.sh BINARY DEMO_DIR   (PORT=8080 by default)
set -euo pipefail
bin="$(realpath "${1:?binary}")"
demo="${2:-demo}"
port="${PORT:-8080}"
van="${DEMO_VAN:-2021-01-01}"
tot="${DEMO_TOT:-2025-12-31}"
mkdir -p "$demo"
region="$demo/rijk-van-nijmegen"
db="$demo/jeugdregie.db"

if [ ! -f "$region/bevolking.csv" ]; then
  echo "demo: regio rijk-van-nijmegen genereren ($van t/m $tot, seed 1)"
  rm -rf "$region"
  "$bin" generate --regio rijk-van-nijmegen --van "$van" --tot "$tot" --seed 1 --out "$region"
fi

if [ ! -f "$db" ]; then
  echo "demo: registers, bevolking, wijkteam en berichten inlezen in $db"
  rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
  "$bin" register --db "$db.tmp" --import "$region"
  "$bin" bevolking --db "$db.tmp" --import "$region/bevolking.csv"
  "$bin" wijkteam --db "$db.tmp" --import "$region/wijkteam.csv"
  "$bin" import --db "$db.tmp" --retour "$demo/retour" "$region/berichten" > "$demo/import.json"
  # Keep the key file with the database it belongs to.
  mv "$db.tmp.key" "$db.key"
  mv "$db.tmp" "$db"
  rm -f "$db.tmp-wal" "$db.tmp-shm"
  echo "demo: importsamenvatting in $demo/import.json"
fi

periode="${tot:0:4}H1"
"$bin" indicatoren --db "$db" --periode "$periode" --formaat tabel || true

echo
echo "demo: dashboard op http://127.0.0.1:$port/ (Ctrl-C stopt de server)"
exec "$bin" serve --db "$db" --port "$port" --vanaf "$van" --demo
