#!/usr/bin/env bash
# Install the browser the browser tests drive: Debian's chromium (no Playwright
# browser download, ever) and a CJK font so Chinese renders in screenshots.
# Idempotent, non-interactive, quiet. Needs root (or sudo) and Debian's apt.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  need+=(fonts-wqy-microhei)
fi
if [ ${#need[@]} -eq 0 ]; then
  echo "install-browser: chromium and CJK font already present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-browser: need root or sudo to install ${need[*]}" >&2; exit 1; }
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-browser: installing ${need[*]}"
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
/usr/bin/chromium --version
