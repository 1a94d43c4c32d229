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

existing=$($PG -t -A -c "select count(*) from rights_request")
if [ "$existing" -lt 1000000 ]; then
  echo "generating 1,000,000 requests…"
  $PG <<'SQL'
insert into rights_request (id, group_id, type, status, scope, fiche_number, nir, subject_ref, caisse_code, channel,
                            received_on, due_on, rectification, submitted_by, created_at, updated_at)
select gen_random_uuid(), gen_random_uuid(),
       (array['ACCESS','RECTIFICATION','LIMITATION','OBJECTION','ERASURE','PORTABILITY'])[1 + i % 6],
       case when (i / 10) % 50 = 0 then 'RECEIVED' when (i / 10) % 50 = 1 then 'IN_PROGRESS' else 'CLOSED' end,
       'FICHE', 1 + i % 87, '185057505612388', md5(i::text) || md5((i + 1)::text),
       case when i % 10 = 0 then 'CPAM-75' else c.codes[1 + i % array_length(c.codes, 1)] end,
       'ONLINE', date '2024-01-01' + (i % 1000), date '2024-01-01' + (i % 1000) + 30, 'Nouvelle adresse', 'bench',
       now(), now()
from generate_series(1, 1000000) i, (select array_agg(code order by code) codes from caisse) c;
SQL
  # a production table is vacuumed: without it, index-only scans visit the heap until autovacuum passes
  $PG -c "vacuum analyze rights_request"
fi
echo "requests in the database: $($PG -t -A -c "select count(*) from rights_request")," \
  "CPAM-75: $($PG -t -A -c "select count(*) from rights_request where caisse_code = 'CPAM-75'")"

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
