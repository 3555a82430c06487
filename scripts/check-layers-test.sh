#!/usr/bin/env bash
# Tests of scripts/check-layers.sh (the ctest `layers_check_test`): on a copy of src/, each case
# breaks one rule and the check must fail naming it; the untouched copy and a listed allowance
# must pass. Without this, a check that passes everything would look the same as a tree that
# follows the rules.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
check="$root/scripts/check-layers.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

fresh() {
  rm -rf "$work/tree"
  mkdir -p "$work/tree"
  cp -r "$root/src" "$work/tree/src"
}
prepend() {  # FILE LINE: LINE becomes the file's first line
  printf '%s\n' "$2" | cat - "$1" > "$1.nieuw" && mv "$1.nieuw" "$1"
}
expect_pass() {  # NAME
  if ! "$check" "$work/tree" > "$work/out" 2>&1; then
    echo "FAIL $1: the check failed:"; cat "$work/out"; failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}
expect_fail() {  # NAME TEXT: the check fails and says TEXT
  if "$check" "$work/tree" > "$work/out" 2>&1; then
    echo "FAIL $1: the check passed"; failures=$((failures + 1))
  elif ! grep -qF -- "$2" "$work/out"; then
    echo "FAIL $1: the check failed without \"$2\":"; cat "$work/out"; failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}

fresh
expect_pass "the tree as it is"

fresh
prepend "$work/tree/src/indicators/kpi.cpp" '#include "store/store.h"'
expect_fail "an include against the arrows" "indicators/ may not call store/"

fresh
prepend "$work/tree/src/contracts/beheer.cpp" '#include "store/sqlite_store.h"'
expect_fail "a private header of another folder" "a private header of store/"

fresh
prepend "$work/tree/src/server/router.cpp" '#include <sqlite3.h>'
expect_fail "a system header another folder owns" "only store/ includes it"

fresh
prepend "$work/tree/src/model/snapshot.cpp" '#include "model/bestaat_niet.h"'
expect_fail "an include of a file that is not there" "names no file in src/"

fresh
prepend "$work/tree/src/indicators/kpi.cpp" '#include "store/store.h"'
echo "allow src/indicators/kpi.cpp store/store.h" >> "$work/tree/src/layers.txt"
expect_pass "a violation with its allowance"

fresh
echo "allow src/indicators/kpi.cpp store/store.h" >> "$work/tree/src/layers.txt"
expect_fail "an allowance whose include is gone" "no such include any more"

fresh
sed -i 's|^May call: .*$|May call: domain/.|' "$work/tree/src/indicators/README.md"
expect_fail "a README that leaves out a folder it may call" "May call: names \"domain\""

fresh
sed -i 's|^Called by: \(.*\)$|Called by: generate/, \1|' "$work/tree/src/model/README.md"
expect_fail "a README that names a caller that includes nothing of it" "Called by: names"

fresh
mkdir "$work/tree/src/nieuw"
expect_fail "a folder without a line in layers.txt" "folder without a folder line"

if ((failures > 0)); then
  echo "check-layers-test: $failures case(s) failed" >&2
  exit 1
fi
echo "check-layers-test: every case gave the expected verdict"
