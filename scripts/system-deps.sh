#!/usr/bin/env bash
# Installs the Debian packages Oresight needs (tesseract for OCR). Idempotent.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "oresight setup: please install ${need[*]} (apt-get install ${need[*]}); OCR is off until then" >&2
    exit 0
  fi
else SUDO=""; fi
echo "oresight setup: installing ${need[*]} from Debian's packages"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
