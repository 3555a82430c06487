#!/usr/bin/env bash
# Import throughput: `jeugdregie import` (safe parse, XSD, in-message and berichtoverstijgende
# rules, one savepoint per message, durable batch commits, sealed raw XML, retour messages)
# on a stream of JW305, JW307 and JW323 messages of a generated region, side by side in the
# same run with `xmllint --noout --schema` (and `jeugdregie ijw validate`) validating exactly
# the same files, one invocation per berichttype over many files.
#
# Usage: bench/import.sh BINARY [WORKDIR]
#   JR_BENCH_SCHAAL (default 2.0): --schaal of rijk-van-nijmegen; 2.0 over 2023-2024 gives
#   about 54,000 JW305/JW307/JW323 messages.
#   JEUGDREGIE_IJW_STANDAARD_DIR (default ../shared/ijw beside the checkout).
# The region is generated once per WORKDIR and schaal and reused; the database is new each
# run. The JW315 and JW301 messages the stream depends on are imported first, untimed, with
# the few JW317s (verzoeken om wijziging) of the region's last weeks.
# Prints a table and, last, one line:
#   RESULT import_msg_per_cpu_s=X xmllint_msg_per_cpu_s=X ratio=X berichten=N ...
# (also the CPU of importing the same stream a second time, all of it skipped, as a
# percentage of the first import's, and the first import's peak resident memory).
set -euo pipefail
bin="$(realpath "${1:?binary}")"
work="${2:-/tmp/jr-bench-import}"
schaal="${JR_BENCH_SCHAAL:-2.0}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
export JEUGDREGIE_IJW_STANDAARD_DIR="${JEUGDREGIE_IJW_STANDAARD_DIR:-$repo/../shared/ijw}"
xsd="$JEUGDREGIE_IJW_STANDAARD_DIR/xsd"
command -v xmllint >/dev/null || { echo "import.sh: xmllint ontbreekt (libxml2-utils)" >&2; exit 2; }
[ -d "$xsd" ] || { echo "import.sh: geen XSD's in $xsd" >&2; exit 2; }

mkdir -p "$work"
regio="$work/regio-$schaal"
if [ ! -f "$regio/.klaar" ]; then
  rm -rf "$regio"
  "$bin" generate --regio rijk-van-nijmegen --van 2023-01-01 --tot 2024-12-31 --seed 1 \
    --schaal "$schaal" --out "$regio" >/dev/null
  # Hard links: the prerequisites (JW315, JW301) and the timed stream, each in sorted order.
  mkdir -p "$regio/pre" "$regio/stroom"
  cp -al "$regio/berichten" "$regio/pre/"
  cp -al "$regio/berichten" "$regio/stroom/"
  find "$regio/pre" -name '*.xml' ! -name '*-JW301.xml' ! -name '*-JW315.xml' \
    ! -name '*-JW317.xml' -delete
  find "$regio/stroom" -name '*.xml' \( -name '*-JW301.xml' -o -name '*-JW315.xml' \
    -o -name '*-JW317.xml' \) -delete
  touch "$regio/.klaar"
fi

db="$work/bench.sqlite"
rm -f "$db" "$db-wal" "$db-shm" "$db.key"
"$bin" register --db "$db" --import "$regio" >/dev/null
"$bin" import --db "$db" "$regio/pre" >"$work/pre.json"

types=(JW305 JW307 JW323)
for t in "${types[@]}"; do
  find "$regio/stroom" -name "*-$t.xml" | sort >"$work/$t.lst"
done
n_totaal=$(cat "$work"/JW3{05,07,23}.lst | wc -l)
bytes=$(cat "$work"/JW3{05,07,23}.lst | xargs cat | wc -c)  # also warms the page cache

load_voor="$(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%R %U %S'

# Times a command (stdout and stderr to files); prints "wall cpu" (cpu = user + sys of the
# command and all its children).
meet() {
  local out="$1" err="$2"
  shift 2
  local t
  t=$({ time "$@" >"$out" 2>"$err"; } 2>&1) || true
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' <<<"$t"
}

# 1. jeugdregie import of the whole stream (sorted order, the default batch size); its peak
# resident memory from GNU time.
read -r imp_wall imp_cpu < <(meet "$work/import.json" "$work/import.err" \
  /usr/bin/time -f '%M' -o "$work/import.rss" "$bin" import --db "$db" "$regio/stroom")
imp_rss_mb=$(awk '{printf "%.0f", $1 / 1024}' "$work/import.rss")
python3 - "$work/import.json" <<'EOF' >"$work/import.tellers"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["totaal"]
print(t["ontvangen"], t["geaccepteerd"] + t["deels"], t["afgekeurd"], t["fout"])
EOF
read -r ontvangen opgeslagen afgekeurd fout <"$work/import.tellers"
if [ "$ontvangen" != "$n_totaal" ] || [ "$fout" != 0 ]; then
  echo "import.sh: import ontving $ontvangen van $n_totaal berichten, $fout fouten" >&2
  cat "$work/import.err" >&2
  exit 1
fi

# 1b. The same stream again onto the store that now holds it (resume: every message is known
# by its content hash and skipped before it is parsed).
read -r her_wall her_cpu < <(meet "$work/herimport.json" "$work/herimport.err" \
  "$bin" import --db "$db" "$regio/stroom")
her_overgeslagen=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totaal"]["overgeslagen"])' \
  "$work/herimport.json")
if [ "$her_overgeslagen" != "$n_totaal" ]; then
  echo "import.sh: herimport sloeg $her_overgeslagen van $n_totaal berichten over" >&2
  exit 1
fi

# 2. xmllint and 3. jeugdregie ijw validate, per berichttype, many files per invocation.
declare -A xl_wall xl_cpu jv_wall jv_cpu
for t in "${types[@]}"; do
  read -r xl_wall[$t] xl_cpu[$t] < <(meet /dev/null "$work/xmllint-$t.err" \
    xargs -a "$work/$t.lst" xmllint --noout --schema "$xsd/$t.xsd")
  ok=$(grep -c ' validates$' "$work/xmllint-$t.err" || true)
  n=$(wc -l <"$work/$t.lst")
  [ "$ok" = "$n" ] || { echo "import.sh: xmllint: $ok van $n $t geldig" >&2; exit 1; }
  read -r jv_wall[$t] jv_cpu[$t] < <(meet "$work/validate-$t.out" /dev/null \
    xargs -a "$work/$t.lst" "$bin" ijw validate)
  ok=$(grep -c ': OK$' "$work/validate-$t.out" || true)
  [ "$ok" = "$n" ] || { echo "import.sh: ijw validate: $ok van $n $t geldig" >&2; exit 1; }
done
load_na="$(cut -d' ' -f1-3 /proc/loadavg)"

per_s() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.0f\n", (s > 0 ? n / s : 0)}'; }
som() { awk '{s += $1} END {printf "%.3f", s}'; }
xl_cpu_tot=$(for t in "${types[@]}"; do echo "${xl_cpu[$t]}"; done | som)
xl_wall_tot=$(for t in "${types[@]}"; do echo "${xl_wall[$t]}"; done | som)
jv_cpu_tot=$(for t in "${types[@]}"; do echo "${jv_cpu[$t]}"; done | som)
jv_wall_tot=$(for t in "${types[@]}"; do echo "${jv_wall[$t]}"; done | som)

echo "import.sh: rijk-van-nijmegen --schaal $schaal, 2023-2024; $n_totaal berichten" \
  "($(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}') MiB):" \
  "$(for t in "${types[@]}"; do printf '%s %s ' "$t" "$(wc -l <"$work/$t.lst")"; done)"
echo "import: $opgeslagen opgeslagen, $afgekeurd afgekeurd, $fout fout"
echo "load average voor: $load_voor, na: $load_na"
echo
printf '| %-44s | %8s | %8s | %16s |\n' "run" "wall s" "CPU s" "berichten/CPU-s"
printf '|%s|%s|%s|%s|\n' "----------------------------------------------" "----------" \
  "----------" "------------------"
printf '| %-44s | %8s | %8s | %16s |\n' "jeugdregie import (alle $n_totaal)" "$imp_wall" \
  "$imp_cpu" "$(per_s "$n_totaal" "$imp_cpu")"
printf '| %-44s | %8s | %8s | %16s |\n' "jeugdregie import opnieuw (alles bekend)" "$her_wall" \
  "$her_cpu" "$(per_s "$n_totaal" "$her_cpu")"
printf '| %-44s | %8s | %8s | %16s |\n' "xmllint --noout --schema (alle)" "$xl_wall_tot" \
  "$xl_cpu_tot" "$(per_s "$n_totaal" "$xl_cpu_tot")"
printf '| %-44s | %8s | %8s | %16s |\n' "jeugdregie ijw validate (alle)" "$jv_wall_tot" \
  "$jv_cpu_tot" "$(per_s "$n_totaal" "$jv_cpu_tot")"
for t in "${types[@]}"; do
  n=$(wc -l <"$work/$t.lst")
  printf '| %-44s | %8s | %8s | %16s |\n' "xmllint $t ($n)" "${xl_wall[$t]}" "${xl_cpu[$t]}" \
    "$(per_s "$n" "${xl_cpu[$t]}")"
  printf '| %-44s | %8s | %8s | %16s |\n' "jeugdregie ijw validate $t ($n)" "${jv_wall[$t]}" \
    "${jv_cpu[$t]}" "$(per_s "$n" "${jv_cpu[$t]}")"
done
imp_rate=$(per_s "$n_totaal" "$imp_cpu")
xl_rate=$(per_s "$n_totaal" "$xl_cpu_tot")
ratio=$(awk -v a="$imp_rate" -v b="$xl_rate" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
echo
her_pct=$(awk -v a="$her_cpu" -v b="$imp_cpu" 'BEGIN {printf "%.1f", (b > 0 ? 100 * a / b : 0)}')
echo "import / xmllint (berichten per CPU-seconde): ${ratio}x"
echo "herimport: ${her_pct} % van de CPU van de eerste import; piekgeheugen import: ${imp_rss_mb} MB"
echo "RESULT import_msg_per_cpu_s=$imp_rate xmllint_msg_per_cpu_s=$xl_rate ratio=$ratio" \
  "berichten=$n_totaal import_wall_s=$imp_wall import_cpu_s=$imp_cpu herimport_cpu_s=$her_cpu" \
  "herimport_pct=$her_pct import_rss_mb=$imp_rss_mb"
