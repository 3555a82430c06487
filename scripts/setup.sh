#!/usr/bin/env bash
# Installs what jeugdregie needs on a fresh Debian 12 machine, and nothing twice.
# Usage: scripts/setup.sh [build|test]   (test adds what only the test suite needs)
set -euo pipefail
what="${1:-build}"

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libxml2-dev libxml2-utils zlib1g-dev libzstd-dev libsqlite3-dev sqlite3 libsodium-dev libssl-dev libpq-dev
  libmicrohttpd-dev libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
if [ "$what" = "test" ]; then
  packages+=(clang libclang-rt-14-dev clang-format postgresql wrk curl)
  packages+=(chromium)  # browser tests of the dashboard (headless)
fi
# The dashboard's files come from npm (web/package-lock.json): node and npm.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# web/ dependencies from the committed lock file, only when they are missing or stale.
if [ -f web/package-lock.json ]; then
  if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    echo "setup: npm ci in web/"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
# bench/: DuckDB (@duckdb/node-api) for the indicator comparison; with the test tools.
if [ "$what" = "test" ] && [ -f bench/package-lock.json ]; then
  if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
    # npm install, not npm ci: the lock holds only this platform's optional DuckDB binding,
    # and npm ci refuses a lock without the other platforms' (an npm quirk); the versions
    # installed are still the locked ones.
    echo "setup: npm install in bench/"
    (cd bench && npm install --no-audit --no-fund --loglevel=error)
  fi
fi
