#!/usr/bin/env bash
# Page-load benchmark of the dashboard (bench/pagina_laadtijd.mjs) against `jeugdregie serve`
# on a database, e.g. the demo region. Last line:
#   RESULT pagina_p95_ms=X pagina_max_median_ms=X leeg_median_ms=X pagina_max_cpu_median_ms=X runs=N
# Usage: bench/pagina_laadtijd.sh BINARY DB [RUNS] [SERVE-OPTIONS...]
set -euo pipefail
bin="${1:?binary}"
db="${2:?database}"
runs="${3:-20}"
shift $(($# < 3 ? $# : 3))
source "$(dirname "$0")/start_server.sh" "$bin" "$db" "$@"
JR_URL="$base" JR_SERVER_PID="$pid" node "$(dirname "$0")/pagina_laadtijd.mjs" "$runs"
