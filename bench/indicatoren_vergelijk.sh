#!/usr/bin/env bash
# The indicator computation of jeugdregie side by side with the same computation as SQL in
# DuckDB (npm @duckdb/node-api), PostgreSQL 15 and SQLite, in one run on identical data.
#
#   bench/indicatoren_vergelijk.sh --db regio.db [--eerste-jaar 2020]
#   bench/indicatoren_vergelijk.sh --jeugdigen 1500000            (synthetic, 2019-2024)
#
# 1. build/indicatoren builds the snapshot (of the store, or synthetic), computes the full
#    indicator set for all gemeenten, regios and the total for twelve half years (timed), and
#    writes the snapshot as CSV (--export) and its answer (--uitkomst).
# 2. Each engine loads the same CSV files (not timed: tables, COPY, index, ANALYZE) and runs
#    bench/indicatoren_sql.mjs's computation (timed: from the first statement until the answer
#    is in a table). PostgreSQL is a throwaway cluster under the work directory (initdb, pg_ctl,
#    unix socket only, run as the `postgres` user when we are root), removed afterwards.
# 3. Every figure of every engine's answer must equal jeugdregie's; otherwise the script stops
#    with exit status 1 before printing a result.
# Last line: RESULT jeugdregie_s=X duckdb_s=X postgres_s=X sqlite_s=X trajecten=N
# (wall-clock seconds of the computation); the line before it gives the CPU seconds of the same
# (jeugdregie and DuckDB: the process; PostgreSQL: the postmaster and its backends and parallel
# workers; SQLite: .timer user + sys), which a shared machine disturbs less. Environment: BUILD (default build/), PGBIN (default
# /usr/lib/postgresql/15/bin), KEEP=1 keeps the work directory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${BUILD:-$root/build}"
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db | --jeugdigen | --eerste-jaar) args+=("$1" "$2"); shift 2 ;;
    *) echo "gebruik: $0 [--db PATH | --jeugdigen N] [--eerste-jaar J]" >&2; exit 2 ;;
  esac
done

for f in "$build/indicatoren" "$pgbin/initdb" "$pgbin/pg_ctl" "$pgbin/psql"; do
  [ -x "$f" ] || { echo "$f ontbreekt (cmake --build, scripts/setup.sh test)" >&2; exit 3; }
done
command -v sqlite3 >/dev/null || { echo "sqlite3 ontbreekt (scripts/setup.sh)" >&2; exit 3; }
[ -d "$here/node_modules/@duckdb/node-api" ] || { echo "@duckdb/node-api ontbreekt (scripts/setup.sh test)" >&2; exit 3; }

werk="$(mktemp -d /tmp/jr-indicatoren.XXXXXX)"
chmod 755 "$werk"
pgdata="$werk/pg"
# CPU seconds used so far by the PostgreSQL cluster: the postmaster, its children that have
# exited (cutime, cstime) and those still running.
pg_cpu() {
  local pm t
  pm="$(head -n 1 "$pgdata/postmaster.pid")"
  t="$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat")"
  for c in $(ps --ppid "$pm" -o pid=); do
    t=$((t + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  echo "$t"
}
als_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
opruimen() {
  if [ -f "$pgdata/postmaster.pid" ]; then als_postgres "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "werkmap bewaard: $werk"; else rm -rf "$werk"; fi
}
trap opruimen EXIT

echo "== jeugdregie (load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$build/indicatoren" "${args[@]}" --export "$werk" --uitkomst "$werk/jeugdregie.csv" | tee "$werk/jeugdregie.log"
result="$(tail -n 1 "$werk/jeugdregie.log")"
veld() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$result"; }
jr_s="$(veld jeugdregie_s)"
jr_cpu="$(veld jeugdregie_cpu_s)"
trajecten="$(veld trajecten)"
[ -n "$jr_s" ] && [ -n "$trajecten" ] || { echo "geen RESULT van indicatoren" >&2; exit 1; }

echo "== DuckDB (load: $(cut -d' ' -f1-3 /proc/loadavg))"
(cd "$here" && node indicatoren_sql.mjs duckdb "$werk") | tee "$werk/duckdb.log"
duck_s="$(sed -n 's/^duckdb_s=//p' "$werk/duckdb.log")"
duck_cpu="$(sed -n 's/^duckdb_cpu_s=//p' "$werk/duckdb.log")"

echo "== PostgreSQL (load: $(cut -d' ' -f1-3 /proc/loadavg))"
mkdir -p "$pgdata" "$werk/pgsock"
[ "$(id -u)" -ne 0 ] || chown postgres "$pgdata" "$werk/pgsock"
als_postgres "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Memory for the sorts and hashes of a few million rows; durability does not matter here.
als_postgres "$pgbin/pg_ctl" -D "$pgdata" -l "$werk/pgsock/pg.log" -w -o "-k $werk/pgsock -c listen_addresses= \
  -c shared_buffers=2GB -c work_mem=1GB -c maintenance_work_mem=1GB -c fsync=off \
  -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=8GB" start >/dev/null
node "$here/indicatoren_sql.mjs" laad postgres "$werk" >"$werk/postgres.laad.sql"
{
  echo '\timing on'
  node "$here/indicatoren_sql.mjs" bereken postgres
} >"$werk/postgres.sql"
"$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$werk/pgsock" -U postgres -d postgres \
  -c 'SELECT version()' -f "$werk/postgres.laad.sql" >"$werk/postgres.log"
cpu0="$(pg_cpu)"
"$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$werk/pgsock" -U postgres -d postgres \
  -f "$werk/postgres.sql" >>"$werk/postgres.log"
cpu1="$(pg_cpu)"
pg_s="$(awk '/^Time: / { s += $2 } END { printf "%.3f", s / 1000 }' "$werk/postgres.log")"
pg_cpu_s="$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", (b - a) / hz }')"
echo "postgres: $(grep -m1 -o 'PostgreSQL [0-9.]*' "$werk/postgres.log"), berekening $pg_s s (cpu $pg_cpu_s s)"
"$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$werk/pgsock" -U postgres -d postgres \
  -c "\\copy (SELECT * FROM uitkomst ORDER BY periode, niveau, sleutel) TO '$werk/postgres.csv' WITH (FORMAT csv, HEADER true)"
als_postgres "$pgbin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null

echo "== SQLite (load: $(cut -d' ' -f1-3 /proc/loadavg))"
{
  echo 'PRAGMA temp_store = MEMORY;'
  echo 'PRAGMA cache_size = -4000000;'
  node "$here/indicatoren_sql.mjs" laad sqlite "$werk"
  echo '.timer on'
  node "$here/indicatoren_sql.mjs" bereken sqlite
  echo '.timer off'
  echo '.headers on'
  echo '.mode csv'
  echo ".output $werk/sqlite.csv"
  echo 'SELECT * FROM uitkomst ORDER BY periode, niveau, sleutel;'
} >"$werk/sqlite.sql"
sqlite3 -batch -bail :memory: <"$werk/sqlite.sql" >"$werk/sqlite.log"
sqlite_s="$(awk '/^Run Time: real/ { s += $4 } END { printf "%.3f", s }' "$werk/sqlite.log")"
sqlite_cpu="$(awk '/^Run Time: real/ { s += $6 + $8 } END { printf "%.3f", s }' "$werk/sqlite.log")"
echo "sqlite: $(sqlite3 --version | cut -d' ' -f1), berekening $sqlite_s s (cpu $sqlite_cpu s)"

echo "== vergelijking"
node "$here/indicatoren_sql.mjs" vergelijk "$werk" duckdb postgres sqlite
awk -v j="$jr_s" -v d="$duck_s" -v p="$pg_s" -v s="$sqlite_s" 'BEGIN {
  printf "wall: jeugdregie %.3f s; DuckDB %.1fx, PostgreSQL %.1fx, SQLite %.1fx zo lang\n", j, d / j, p / j, s / j }'
awk -v j="$jr_cpu" -v d="$duck_cpu" -v p="$pg_cpu_s" -v s="$sqlite_cpu" 'BEGIN {
  printf "cpu:  jeugdregie %.3f s; DuckDB %.1fx, PostgreSQL %.1fx, SQLite %.1fx zo veel\n", j, d / j, p / j, s / j }'
echo "load na afloop: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "CPU jeugdregie_cpu_s=$jr_cpu duckdb_cpu_s=$duck_cpu postgres_cpu_s=$pg_cpu_s sqlite_cpu_s=$sqlite_cpu"
echo "RESULT jeugdregie_s=$jr_s duckdb_s=$duck_s postgres_s=$pg_s sqlite_s=$sqlite_s trajecten=$trajecten"
