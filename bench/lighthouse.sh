#!/usr/bin/env bash
# Lighthouse (mobile preset) on a page of a running server, with the system Chromium.
# Usage: bash bench/lighthouse.sh http://localhost:3000/api/share/<token>
# Prints the category scores; the share pages must score performance 100, accessibility 100,
# best practices >= 95 (SEO is low by design: they are noindex).
set -euo pipefail
url="${1:?usage: bash bench/lighthouse.sh <url>}"
out="$(mktemp -d)/report.json"
CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" npx -y lighthouse@13.5.0 "$url" --quiet --form-factor=mobile \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic" \
  --output=json --output-path="$out" >/dev/null 2>&1
node -e "const r=require(process.argv[1]); for (const [k,v] of Object.entries(r.categories)) console.log(k.padEnd(18), Math.round(v.score*100))" "$out"
