#!/usr/bin/env bash
# Checks src/ against src/layers.txt (the table CMakeLists.txt builds the libraries from):
#   - every #include "FOLDER/..." in src/ names an existing file of a folder its own folder
#     may call, and no private header of another folder; every #include <HEADER> that the
#     table gives to one folder stands in that folder;
#   - each include that breaks this has its `allow` line, and each `allow` line still has its
#     include (the list of allowances only shrinks);
#   - every folder of src/ has a `folder` line and a README.md whose "May call:" and
#     "Called by:" lines name exactly the folders the table says.
# Prints each problem as FILE:LINE: message and exits 1 if there is any.
# Usage: scripts/check-layers.sh [checkout]   (default: the checkout this script is in)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
table=src/layers.txt

awk -v table="$table" '
function fail(where, msg) { print where ": " msg; failed = 1 }
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
# Glob (only * and ?) to an anchored regular expression.
function glob_re(g,   r) {
  r = g
  gsub(/[.+^$(){}|\[\]\\]/, "\\\\&", r)
  gsub(/\*/, "[^/]*", r)
  gsub(/\?/, "[^/]", r)
  return "^" r "$"
}
function exists(path,   line, r) {
  if (path in known) return known[path]
  r = (getline line < path) >= 0
  close(path)
  return known[path] = r
}
# The set of folders named as "x/" on a README line, joined sorted by spaces.
function named(line,   n, i, out, w, seen, list, cnt) {
  cnt = 0
  n = split(line, w, /[^a-z_\/]+/)
  for (i = 1; i <= n; i++) {
    if (w[i] ~ /^[a-z_]+\/$/) {
      sub(/\/$/, "", w[i])
      if (w[i] in isfolder && !(w[i] in seen)) { seen[w[i]] = 1; list[++cnt] = w[i] }
    }
  }
  return sorted(list, cnt)
}
function sorted(list, cnt,   i, j, t, out) {
  for (i = 2; i <= cnt; i++)
    for (j = i; j > 1 && list[j - 1] > list[j]; j--) { t = list[j]; list[j] = list[j - 1]; list[j - 1] = t }
  out = ""
  for (i = 1; i <= cnt; i++) out = out (i > 1 ? " " : "") list[i]
  return out
}

# Pass 1: the table.
FILENAME == table {
  line = $0
  sub(/#.*/, "", line)
  line = trim(line)
  if (line == "") next
  n = split(line, w, /[ \t]+/)
  where = table ":" FNR
  if (w[1] == "folder") {
    folders[++nfolders] = w[2]; isfolder[w[2]] = 1
    wanted[w[2]] = ""
    for (i = 3; i <= n; i++) wanted[w[2]] = wanted[w[2]] " " w[i]
    wanted_at[w[2]] = where
  } else if (w[1] == "private") {
    for (i = 3; i <= n; i++) private_re[w[2], ++nprivate[w[2]]] = glob_re(w[i])
  } else if (w[1] == "system") {
    for (i = 3; i <= n; i++) system_owner[w[i]] = w[2]
  } else if (w[1] == "allow") {
    if (n != 3) { fail(where, "allow takes a file and an include"); next }
    allow[w[2], w[3]] = where; allow_file[w[2], w[3]] = w[2]; allow_inc[w[2], w[3]] = w[3]
  } else {
    fail(where, "unknown line: " line)
  }
  next
}

# Between the passes: what each folder may call, and who calls it.
FNR == 1 && !resolved {
  resolved = 1
  for (f = 1; f <= nfolders; f++) {
    me = folders[f]
    delete may
    n = split(wanted[me], w, / /)
    for (i = 1; i <= n; i++) {
      if (w[i] == "") continue
      if (w[i] == "*") { for (g = 1; g <= nfolders; g++) may[folders[g]] = 1 }
      else if (w[i] ~ /^-/) delete may[substr(w[i], 2)]
      else if (w[i] in isfolder) may[w[i]] = 1
      else fail(wanted_at[me], "folder " me " calls " w[i] ", which has no folder line")
    }
    if (me != "domain") may["domain"] = 1
    delete may[me]
    for (g in may) calls[me, g] = 1
  }
}

# Pass 2: the folder list (one path a line).
FILENAME == "-" {
  if (!($0 in isfolder)) fail("src/" $0, "folder without a folder line in " table)
  else present[$0] = 1
  next
}

# Pass 3: sources.
FILENAME !~ /README\.md$/ {
  split(FILENAME, p, "/"); me = p[2]
  if ($0 ~ /^[ \t]*#[ \t]*include[ \t]*"[^"\/]+\/[^"]*"/) {
    inc = $0; sub(/^[^"]*"/, "", inc); sub(/".*$/, "", inc)
    split(inc, q, "/"); them = q[1]
    if (!(them in isfolder)) next
    problem = ""
    if (!exists("src/" inc)) {
      fail(FILENAME ":" FNR, "#include \"" inc "\" names no file in src/")
      next
    }
    if (them != me && !((me, them) in calls))
      problem = me " -> " them " (\"" inc "\"): " me "/ may not call " them "/"
    else if (them != me) {
      rest = substr(inc, length(them) + 2)
      for (i = 1; i <= nprivate[them]; i++)
        if (rest ~ private_re[them, i]) problem = me " -> " inc ": a private header of " them "/"
    }
  } else if ($0 ~ /^[ \t]*#[ \t]*include[ \t]*<[^>]+>/) {
    inc = $0; sub(/^[^<]*</, "", inc); sub(/>.*$/, "", inc)
    if (!(inc in system_owner) || system_owner[inc] == me) next
    problem = me " -> <" inc ">: only " system_owner[inc] "/ includes it"
  } else next
  if (problem == "") { if (them != me) callers[me, them] = 1; next }
  if ((FILENAME, inc) in allow) used[FILENAME, inc] = 1
  else fail(FILENAME ":" FNR, problem " (" table ")")
}
# Pass 4: READMEs. "May call:" names the present folders the table lets it call; "Called by:"
# the folders whose files include it along an arrow (an allowance is no arrow). Each runs from
# its line to the first line that ends with a full stop.
function field_done(   cnt, f, list, want) {
  cnt = 0
  if (field == "may") {
    for (f = 1; f <= nfolders; f++) if ((fme, folders[f]) in calls && folders[f] in present) list[++cnt] = folders[f]
    want = sorted(list, cnt)
    if (named(ftext) != want)
      fail(fwhere, "May call: names \"" named(ftext) "\", " table " says \"" want "\"")
  } else {
    for (f = 1; f <= nfolders; f++) if ((folders[f], fme) in callers) list[++cnt] = folders[f]
    want = sorted(list, cnt)
    if (named(ftext) != want)
      fail(fwhere, "Called by: names \"" named(ftext) "\", the includes in src/ say \"" want "\"")
  }
  field = ""; ftext = ""
}
FILENAME ~ /^src\/[^\/]+\/README\.md$/ {
  if (FNR == 1 && field != "") field_done()
  split(FILENAME, p, "/"); me = p[2]
  readme_seen[me] = 1
  if (field == "" && $0 ~ /^\*?\*?(May call|Called by):/) {
    field = $0 ~ /May call/ ? "may" : "by"
    if (field == "may") may_line[me] = 1; else by_line[me] = 1
    fme = me; fwhere = FILENAME ":" FNR
  } else if (field == "") next
  else if ($0 ~ /^[ \t]*$/) { field_done(); next }
  ftext = ftext " " $0
  if ($0 ~ /\.[ \t]*$/) field_done()
  next
}

END {
  if (field != "") field_done()
  for (f = 1; f <= nfolders; f++) {
    me = folders[f]
    if (!(me in present)) continue
    if (!(me in readme_seen)) fail("src/" me "/README.md", "missing")
    else {
      if (!(me in may_line)) fail("src/" me "/README.md", "no \"May call:\" line")
      if (!(me in by_line)) fail("src/" me "/README.md", "no \"Called by:\" line")
    }
  }
  for (k in allow)
    if (!(k in used))
      fail(allow[k], "allow " allow_file[k] " " allow_inc[k] ": no such include any more; delete the line")
  exit failed
}
' "$table" \
  - < <(find src -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort) \
  $(find src -mindepth 2 \( -name '*.h' -o -name '*.hpp' -o -name '*.cpp' \) | sort) \
  $(find src -mindepth 2 -maxdepth 2 -name README.md | sort) \
  && echo "layers: every include in src/ follows $table"
