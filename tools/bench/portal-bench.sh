#!/usr/bin/env bash
# Benchmark of the portal's DPO queue page against the running local stack (./run-local in another terminal):
#   1. 1,000,000 requests in rights-service's database (one-million-requests.sh: 100,000 for CPAM-75, 2 % open);
#   2. dpo.paris signs in through Keycloak's login form (curl, as a browser would: code flow, PKCE, cookies);
#   3. the page weight of /dpo: the HTML and everything it loads (CSS, JS, fonts, images);
#   4. GET /dpo at 50 pages/s for 60 s after a 15 s warm-up (open model: latency from the intended send time), the
#      portal rendering each page from rights-service's queue API with dpo.paris's token.
# Needs psql (PostgreSQL client) and curl. Not a test: it prints figures for the README.
#   tools/bench/portal-bench.sh [rate] [seconds]      defaults: 50 60
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE="${1:-50}"
SECONDS_="${2:-60}"
PORTAL=http://127.0.0.1:8080
PG="psql -q -h 127.0.0.1 -p ${PGPORT:-5432} -U postgres -d rights -v ON_ERROR_STOP=1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. tools/bench/one-million-requests.sh

echo "== signing in dpo.paris on the portal (Keycloak's login form)"
jar="$tmp/jar"
curl -s -c "$jar" -b "$jar" -L -o "$tmp/login.html" "$PORTAL/dpo"
action=$(grep -o 'action="[^"]*"' "$tmp/login.html" | head -1 | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g')
curl -s -c "$jar" -b "$jar" -L -o "$tmp/queue.html" --data-urlencode username=dpo.paris \
  --data-urlencode password=dpo.paris "$action"
grep -q "File des demandes" "$tmp/queue.html" || { echo "sign-in failed"; exit 1; }
# the portal's cookies (path /), not Keycloak's (path /realms/…)
awk -F'\t' '$1 ~ /127\.0\.0\.1$/ && $3 == "/" { printf "%s=%s; ", $6, $7 }' "$jar" > "$tmp/cookie"

echo "== page weight of $PORTAL/dpo (first page: 50 requests, counters, filters)"
curl -s -H "Cookie: $(cat "$tmp/cookie")" -o "$tmp/page.html" "$PORTAL/dpo"
grep -q "File des demandes" "$tmp/page.html" || { echo "the session cookie does not open /dpo"; exit 1; }
total=$(wc -c < "$tmp/page.html")
printf '  %-45s %8d bytes\n' "HTML" "$total"
assets=$(grep -oE '(href|src)="/static/[^"]+"' "$tmp/page.html" | sed -E 's/^(href|src)="//; s/"$//' | sort -u)
# the modules those scripts import (import … from "./x.js", relative to the script)
for script in $(echo "$assets" | grep '\.js$'); do
  for imported in $(curl -s "$PORTAL$script" | grep -oE 'from "\./[^"]+"' | sed -E 's/^from "\.\///; s/"$//'); do
    assets="$assets
${script%/*}/$imported"
  done
done
for asset in $(echo "$assets" | sort -u); do
  size=$(curl -s "$PORTAL$asset" | wc -c)
  total=$((total + size))
  printf '  %-45s %8d bytes\n' "$asset" "$size"
done
# what the CSS pulls in (fonts, images): none is expected, the design system is built with system fonts
for url in $(grep -ohE 'url\([^)]+\)' portal/target/classes/META-INF/resources/static/*.css portal/target/classes/META-INF/resources/static/ds/*.css \
    | grep -v 'data:' | sort -u); do
  echo "  also loaded by the CSS: $url"
done
printf '  %-45s %8d bytes (%d KB)\n' "total" "$total" $((total / 1024))

echo "== GET /dpo at $RATE pages/s for $SECONDS_ s (15 s warm-up)"
java -XX:+UseSerialGC -Xmx256m tools/load/HttpLoad.java "$PORTAL/dpo" "$RATE" "$SECONDS_" 15 --cookie "$tmp/cookie"
