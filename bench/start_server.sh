# Sourced by the server benchmarks: starts `jeugdregie serve` on a free loopback port for the
# database, stops it on exit, and waits until it answers. Sets `base` (the URL) and `pid`,
# and logs in as a regio-wide beleidsmedewerker `bench` (created on first use; its password
# is kept beside the database in DB.bench-wachtwoord, mode 0600): exports JR_GEBRUIKER and
# JR_WACHTWOORD, and sets `cookie` ("jr_sessie=...") for curl and wrk.
# Usage (after set -euo pipefail): source bench/start_server.sh BINARY DB [SERVE-OPTIONS...]
_bin="${1:?binary}"
_db="${2:?database}"
shift 2
_ww="$_db.bench-wachtwoord"
if [ ! -f "$_ww" ]; then
  (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' > "$_ww.tmp")
  JEUGDREGIE_WACHTWOORD="$(cat "$_ww.tmp")" "$_bin" gebruiker toevoegen --db "$_db" --naam bench \
    --rol beleidsmedewerker --gemeente regio >/dev/null
  mv "$_ww.tmp" "$_ww"
fi
export JR_GEBRUIKER=bench JR_WACHTWOORD="$(cat "$_ww")"
port=$((20000 + RANDOM % 20000))
_log="$(mktemp)"
"$_bin" serve --db "$_db" --port "$port" "$@" >"$_log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$_log"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fs "$base/inloggen" >/dev/null 2>&1 && break
  sleep 0.1
done
cookie="$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"gebruikersnaam\":\"bench\",\"wachtwoord\":\"$JR_WACHTWOORD\"}" "$base/api/v1/sessie" |
  sed -n 's/^[Ss]et-[Cc]ookie: \(jr_sessie=[^;]*\).*/\1/p')"
