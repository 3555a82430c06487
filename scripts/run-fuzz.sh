#!/usr/bin/env bash
# Runs every libFuzzer target of BUILD_DIR for SECONDS each, starting from its committed seed
# corpus: fuzz/corpus-<target>/ when there is one (the HTTP router's raw requests), otherwise
# fuzz/corpus (iJw messages) plus the published examples of the configured iJw standard (read
# from there at run time, never copied into the repository). Fails when a target finds a crash.
set -euo pipefail
build="${1:?build dir}"
seconds="${2:-30}"
top="$(cd "$(dirname "$0")/.." && pwd)"
standaard="${JEUGDREGIE_IJW_STANDAARD_DIR:-$top/../shared/ijw}"
export JEUGDREGIE_IJW_STANDAARD_DIR="$standaard"
work="$build/fuzz-run"
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
cp "$top"/fuzz/corpus/* "$work/corpus/"
if [ -d "$standaard/voorbeelden" ]; then cp "$standaard"/voorbeelden/*.xml "$work/corpus/"; fi
found=0
for target in "$build"/*_fuzz; do
  [ -x "$target" ] || continue
  found=1
  name="$(basename "$target")"
  corpus="$work/corpus"
  if [ -d "$top/fuzz/corpus-$name" ]; then
    corpus="$work/corpus-$name"
    mkdir -p "$corpus"
    cp "$top/fuzz/corpus-$name"/* "$corpus/"
  fi
  echo "fuzz: $name for ${seconds}s"
  "$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -timeout=10 -artifact_prefix="$work/artifacts/" -print_final_stats=1 2>"$work/$(basename "$target").log" \
    || { tail -50 "$work/$(basename "$target").log"; exit 1; }
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$work/$(basename "$target").log" || true
done
[ "$found" = 1 ] || { echo "fuzz: no targets in $build"; exit 1; }
