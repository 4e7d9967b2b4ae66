#!/usr/bin/env bash
# The browser consumer test needs Chromium. Tools' own browser downloads fail on this machine, so
# use Debian's package: install it when it is missing (as root, or with sudo).
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then exit 0; fi
echo "ensure-chromium: $path is missing; installing Debian's chromium" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "ensure-chromium: need root to apt-get install chromium" >&2; exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
test -x "$path"
