#!/usr/bin/env bash
# Typecheck time of TypeScript 5.9 (the JavaScript compiler, installed on the side) against the
# project's TypeScript 7 (native), alternated in one run so both see the same machine load.
# Usage: npm exec -- bash scripts/typecheck-timing.sh [rounds]   (one line per run, on stderr)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
old=$(mktemp -d)
trap 'rm -rf "$old"' EXIT
npm install --prefix "$old" --no-save --no-audit --no-fund --silent typescript@5.9 >/dev/null
# Wall time and CPU time (user + system, all threads): on a shared machine the CPU time is the steadier figure.
run() {
  local label=$1 tsc=$2
  /usr/bin/time -f "$label ($("$tsc" --version)): %e s wall, %U s user + %S s system CPU, %M KB peak" "$tsc" --noEmit -p tsconfig.json
}
for ((i = 1; i <= rounds; i++)); do
  run "tsc 5.9" "$old/node_modules/.bin/tsc"
  run "tsc 7" node_modules/.bin/tsc
done
