#!/usr/bin/env bash
# The main job behind `make run`: the demo region rijk-van-nijmegen on the embedded SQLite
# store, and its dashboard. Generates the region when absent, imports it into a fresh
# database when the database is absent, prints the latest indicators, creates the demo users
# (one per role, some scoped to Nijmegen) and an API token for the first aanbieder when they
# are missing, prints the URL and the logins, and starts the server. The demo passwords are
# random per demo directory and kept in DEMO_DIR/inloggegevens.txt (mode 0600).
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

logins="$demo/inloggegevens.txt"
if [ ! -f "$logins" ]; then
  echo "demo: gebruikers aanmaken (een per rol; wachtwoorden in $logins)"
  umask 077
  : > "$logins.tmp"
  # naam rol gemeente (0268 = Nijmegen; regio = de hele regio)
  while read -r naam rol gemeente; do
    ww="$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')"
    ww="demo-${ww:0:14}"
    if JEUGDREGIE_WACHTWOORD="$ww" "$bin" gebruiker toevoegen --db "$db" --naam "$naam" \
        --rol "$rol" --gemeente "$gemeente" >/dev/null; then
      printf '%-22s %-22s %-8s %s\n' "$naam" "$rol" "$gemeente" "$ww" >> "$logins.tmp"
    fi
  done <<'GEBRUIKERS'
beleid beleidsmedewerker regio
beleid-nijmegen beleidsmedewerker 0268
contract contractmanager regio
consulent-nijmegen jeugdconsulent 0268
regisseur-nijmegen regisseur 0268
beheer functioneelBeheerder regio
privacy privacyOfficer regio
GEBRUIKERS
  agb="$(sed -n 2p "$region/aanbieders.csv" | cut -d, -f1)"
  if [ -n "$agb" ]; then
    token="$("$bin" token maken --db "$db" --naam "demo-$agb" --aanbieder "$agb")"
    printf '%-22s %-22s %-8s %s\n' "token:demo-$agb" aanbieder "$agb" "$token" >> "$logins.tmp"
  fi
  mv "$logins.tmp" "$logins"
  umask 022
fi

periode="${tot:0:4}H1"
"$bin" indicatoren --db "$db" --periode "$periode" --formaat tabel || true

echo
echo "demo: dashboard op http://127.0.0.1:$port/ (Ctrl-C stopt de server)"
echo "demo: inloggen met (gebruiker, rol, gemeente, wachtwoord; alleen voor deze demo):"
sed 's/^/  /' "$logins"
exec "$bin" serve --db "$db" --port "$port" --vanaf "$van" --demo
