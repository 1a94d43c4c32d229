#!/usr/bin/env bash
# Benchmark of rights-service against the running local stack (./run-local in another terminal):
#   1. submissions: POST /api/v1/requests at 200/s for 60 s (citizen token from Keycloak);
#   2. a DPO queue page with 1,000,000 requests in the database (generated once: 10% for CPAM-75, 2% of each
#      caisse's requests open, the rest closed).
# Needs psql (PostgreSQL client). Not a test: it prints figures for the README.
set -euo pipefail
cd "$(dirname "$0")/../.."
KC=http://127.0.0.1:8180/realms/rgpd/protocol/openid-connect/token
PG="psql -q -h 127.0.0.1 -p ${PGPORT:-5432} -U postgres -d rights -v ON_ERROR_STOP=1"
tmp=$(mktemp -d)
token() {
  curl -s -d grant_type=password -d client_id=rgpd-cli -d username="$1" -d password="$1" "$KC" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

. tools/bench/one-million-requests.sh

token citoyen.paris > "$tmp/citizen"
token dpo.paris > "$tmp/dpo"
echo '{"type":"ACCESS","ficheNumber":1,"message":"Je souhaite recevoir les données me concernant."}' > "$tmp/body.json"
JAVA="java -XX:+UseSerialGC -Xmx256m tools/load/HttpLoad.java"

echo "== queue page: GET /api/v1/queues/CPAM-75/requests (open requests, first page of 50, with counts)"
$JAVA 'http://127.0.0.1:8082/api/v1/queues/CPAM-75/requests?size=50' 200 60 15 --token "$tmp/dpo"
echo "== queue page, every request of the caisse (status=ALL)"
$JAVA 'http://127.0.0.1:8082/api/v1/queues/CPAM-75/requests?size=50&status=ALL' 200 60 15 --token "$tmp/dpo"
echo "== submissions: POST /api/v1/requests"
$JAVA http://127.0.0.1:8082/api/v1/requests 200 60 15 --post "$tmp/body.json" --token "$tmp/citizen"
rm -rf "$tmp"
