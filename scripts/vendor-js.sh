#!/usr/bin/env bash
# Fetches the chart libraries the dashboard serves itself (no CDN): pinned vega, vega-lite and vega-embed
# tarballs from the npm registry, each checked against the sha512 `integrity` of its registry metadata,
# and copies their minified browser builds (and licences) into src/oresight/web/static/vendor/ (gitignored).
# Idempotent: does nothing when the pinned versions are already there. Called by `make setup`.
# Without network it warns and leaves the charts off (every chart has a table with the same numbers);
# a tarball that does not match its pinned hash is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/oresight/web/static/vendor
REGISTRY="${NPM_REGISTRY:-https://registry.npmjs.org}"

# name  version  integrity (dist.integrity in the registry's metadata of that version)  file in the tarball
PINS=(
  "vega 6.4.0 sha512-rHXCq2LpEWCLMjXBEj7hocY9G0/i5TGYRayGGSj06VTF4+l2IG2Z7oeZKCjWbUh/7hTE/mVhbaOPB72wCElh6g== build/vega.min.js"
  "vega-lite 6.5.0 sha512-fMXF6s0MrIg0UTWnLIfeFtgSLzVhyzSKobzGrh5rhS+mL6FOYFG3m7ouJ4U23gj65EK+gl9FIIT5w7wLNaAzkA== build/vega-lite.min.js"
  "vega-embed 7.3.0 sha512-wQ8s5GaSzqoKgmRfbRolgBrjE2CP7ZKHXqH7NijxMqPjpdWxSs4Dn8tvp9g0giQvh2cK+3p56sxjWWM0wNngGw== build/vega-embed.min.js"
)
# vega-embed bundles vega-interpreter, so charts render with `ast: true` under a CSP without 'unsafe-eval'.

want="$(printf '%s\n' "${PINS[@]}")"
complete=1
for pin in "${PINS[@]}"; do
  read -r name _ _ _ <<<"$pin"
  [ -s "$DEST/$name.min.js" ] || complete=0
done
if [ "$complete" = 1 ] && [ -f "$DEST/PINS" ] && [ "$(cat "$DEST/PINS")" = "$want" ]; then
  exit 0
fi

sha512_b64() {
  if command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha512 -binary "$1" | base64 | tr -d '\n'
  else
    python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode(), end="")' "$1"
  fi
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for pin in "${PINS[@]}"; do
  read -r name version integrity file <<<"$pin"
  url="$REGISTRY/$name/-/$name-$version.tgz"
  if ! curl -fsSL --retry 3 --connect-timeout 10 --max-time 120 -o "$tmp/$name.tgz" "$url"; then
    echo "oresight setup: could not download $url; the dashboard's charts stay off (tables only) until scripts/vendor-js.sh runs with network" >&2
    exit 0
  fi
  got="sha512-$(sha512_b64 "$tmp/$name.tgz")"
  if [ "$got" != "$integrity" ]; then
    echo "oresight setup: $name-$version.tgz does not match its pinned integrity ($got); refusing it" >&2
    exit 1
  fi
  mkdir -p "$tmp/$name"
  tar -xzf "$tmp/$name.tgz" -C "$tmp/$name" "package/$file" package/LICENSE
done
mkdir -p "$DEST"
for pin in "${PINS[@]}"; do
  read -r name version _ file <<<"$pin"
  install -m 0644 "$tmp/$name/package/$file" "$DEST/$name.min.js"
  install -m 0644 "$tmp/$name/package/LICENSE" "$DEST/$name.LICENSE"
done
printf '%s\n' "$want" >"$DEST/PINS"
echo "oresight setup: vega, vega-lite and vega-embed installed in $DEST"
