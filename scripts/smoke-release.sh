#!/usr/bin/env bash
# A short run of a Release (-O3) binary, for `make release` (part of `make test`): the build a
# packager makes must not only compile but work. Validates a published example message,
# generates a small region, imports it and computes its indicators; fails on any error or on
# an answer without jongeren met jeugdhulp.
# Usage: scripts/smoke-release.sh BINARY
set -euo pipefail
bin="$(realpath "${1:?binary}")"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

voorbeeld=../shared/ijw/voorbeelden/JW301.xml
"$bin" ijw validate "$voorbeeld" > "$work/validate.txt" ||
  { cat "$work/validate.txt"; echo "smoke: ijw validate $voorbeeld failed" >&2; exit 1; }

regio="$work/zutphen"
"$bin" generate --regio zutphen --van 2024-01-01 --tot 2024-06-30 --seed 7 --schaal 0.2 \
  --out "$regio" > /dev/null
db="$work/smoke.db"
"$bin" register --db "$db" --import "$regio" > /dev/null
"$bin" bevolking --db "$db" --import "$regio/bevolking.csv" > /dev/null
"$bin" import --db "$db" "$regio/berichten" > "$work/import.json"
"$bin" indicatoren --db "$db" --periode 2024H1 --formaat json > "$work/indicatoren.json"
# The region's total: a whole number of jongeren met jeugdhulp above zero.
if ! grep -Eq '"jongerenMetJeugdhulp": *[1-9][0-9]*' "$work/indicatoren.json"; then
  head -c 2000 "$work/indicatoren.json"
  echo "smoke: no jongeren met jeugdhulp in the indicators of the generated region" >&2
  exit 1
fi
echo "smoke: $bin validates, generates, imports and computes indicators"
