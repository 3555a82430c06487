#!/usr/bin/env bash
# Browser tests of the dashboard (make test-browser): a small generated region is imported
# into a fresh database under test-artifacts/, `jeugdregie serve --demo` serves it on a free
# loopback port, and node's test runner drives headless chromium through tests/browser/.
# A beleidsmedewerker and a contractmanager for the whole regio are created first (every page
# needs a login), and a user for each of the other demo roles.
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

export JR_GEBRUIKER=beleid JR_WACHTWOORD="browsertest-$RANDOM-$RANDOM"
JEUGDREGIE_WACHTWOORD="$JR_WACHTWOORD" "$bin" gebruiker toevoegen --db "$db" --naam "$JR_GEBRUIKER" \
  --rol beleidsmedewerker --gemeente regio >/dev/null
# The contract pages are the contractmanager's.
export JR_CONTRACT_GEBRUIKER=contract JR_CONTRACT_WACHTWOORD="browsertest-$RANDOM-$RANDOM"
JEUGDREGIE_WACHTWOORD="$JR_CONTRACT_WACHTWOORD" "$bin" gebruiker toevoegen --db "$db" \
  --naam "$JR_CONTRACT_GEBRUIKER" --rol contractmanager --gemeente regio >/dev/null

# The other demo roles, as scripts/run-demo.sh makes them (some bound to Nijmegen, 0268): the
# accessibility test opens every page as each of them.
export JR_ROLLEN_WACHTWOORD="browsertest-$RANDOM-$RANDOM"
JR_ROLLEN=""
while read -r naam rol gemeente; do
  JEUGDREGIE_WACHTWOORD="$JR_ROLLEN_WACHTWOORD" "$bin" gebruiker toevoegen --db "$db" --naam "$naam" \
    --rol "$rol" --gemeente "$gemeente" >/dev/null
  JR_ROLLEN+="$naam:$rol:$gemeente "
done <<'GEBRUIKERS'
beleid-nijmegen beleidsmedewerker 0268
consulent-nijmegen jeugdconsulent 0268
regisseur-nijmegen regisseur 0268
beheer functioneelBeheerder regio
privacy privacyOfficer regio
GEBRUIKERS
export JR_ROLLEN

port=$((20000 + RANDOM % 20000))
"$bin" serve --db "$db" --port "$port" --vanaf 2023-01-01 --demo >"$art/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/inloggen" >/dev/null 2>&1 && break
  sleep 0.1
done
JR_URL="http://127.0.0.1:$port" JR_ARTIFACTS="$art" node --test tests/browser/
