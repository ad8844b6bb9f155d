#!/usr/bin/env bash
# The browser tests drive the system's headless Chromium (and a CJK font, so screenshots of the
# Chinese UI are readable). Install Debian's packages when they are missing and we may; else say
# what to install. ANJIE_CHROMIUM names another Chromium binary.
set -euo pipefail
chromium="${ANJIE_CHROMIUM:-/usr/lib/chromium/chromium}"
have_font() { command -v fc-list >/dev/null && fc-list :lang=zh family | grep -qi .; }
if [ -x "$chromium" ] && have_font; then
  exit 0
fi
packages="chromium fonts-wqy-microhei"
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "installing $packages for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
elif command -v apt-get >/dev/null && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  echo "installing $packages for the browser tests"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
else
  echo "The browser tests need Chromium at $chromium and a Chinese font:" >&2
  echo "  apt-get install chromium fonts-wqy-microhei   (or set ANJIE_CHROMIUM)" >&2
  exit 1
fi
