#!/usr/bin/env bash
# Issue 15: the rights submission path with many people, against the running local stack (./run-local in another
# terminal). A caisse DPO registers paper requests (POST /api/v1/requests with nir, receivedOn, channel) for a random
# valid NIR each time — a different person almost every request, so the per-person lock of a submission is not what
# is measured — at RATE requests/s for SECONDS, after a warm-up. Open model, latency from the intended send time.
#   tools/bench/rights-many-people.sh [rate] [seconds]      defaults: 500 60
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE="${1:-500}"
SECONDS_RUN="${2:-60}"
KC=http://127.0.0.1:8180/realms/rgpd/protocol/openid-connect/token
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "[bench] machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1)"
curl -s -d grant_type=password -d client_id=rgpd-cli -d username=dpo.paris -d password=dpo.paris "$KC" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/' > "$tmp/dpo"
today=$(TZ=Europe/Paris date +%F)
printf '{"type":"ACCESS","ficheNumber":1,"message":"Demande reçue par courrier.","nir":"{nir}","receivedOn":"%s","channel":"POSTAL"}' \
  "$today" > "$tmp/body.json"
echo "[bench] submissions by a DPO for many people: POST /api/v1/requests at $RATE/s for $SECONDS_RUN s"
java -XX:+UseSerialGC -Xmx256m tools/load/HttpLoad.java http://127.0.0.1:8082/api/v1/requests "$RATE" "$SECONDS_RUN" 15 \
  --post "$tmp/body.json" --token "$tmp/dpo" | sed 's/^/[bench] /'
