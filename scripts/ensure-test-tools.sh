#!/usr/bin/env bash
# Run by `npm test` before vitest: the browser tests drive Debian's Chromium (with a CJK font so the
# screenshots show Chinese) and the integration tests start DynamoDB Local, a Java program. Installs
# whatever is missing once per machine; where it cannot, says in one line what to install and stops.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list :lang=zh family 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
[ ${#need[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(none); fi
fi
if [ "${as_root[*]}" = none ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "npm test needs ${need[*]} (Debian: apt-get install ${need[*]}); cannot install them here without root and apt-get." >&2
  exit 1
fi

echo "npm test: installing ${need[*]} with apt-get (once per machine; the browser and local-stack tests need them)"
log=$(mktemp)
# Several checkouts may provision at once; wait for the dpkg lock instead of failing on it.
if ! { "${as_root[@]}" apt-get update -qq -o DPkg::Lock::Timeout=600 &&
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${need[@]}"; } >"$log" 2>&1; then
  tail -n 5 "$log" >&2
  echo "npm test needs ${need[*]}; apt-get install failed (above). Install them and run npm test again." >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
