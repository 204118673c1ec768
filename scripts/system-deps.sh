#!/usr/bin/env bash
# Installs the Debian packages Oresight needs: tesseract (OCR) and chromium (the dashboard's browser
# tests drive Debian's build at /usr/bin/chromium; no browser is ever downloaded). Idempotent.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "oresight setup: please install ${need[*]} (apt-get install ${need[*]}); OCR and the browser tests are off until then" >&2
    exit 0
  fi
else SUDO=""; fi
echo "oresight setup: installing ${need[*]} from Debian's packages"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
