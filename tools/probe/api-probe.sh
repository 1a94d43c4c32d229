#!/usr/bin/env bash
# The schema-driven bad-input probe (test-infrastructure's ApiProbe) against the three services of a running ./run-local,
# with real Keycloak tokens for every kind of caller. Exit code 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/../.."
KC=http://127.0.0.1:8180/realms/rgpd/protocol/openid-connect/token
token() { curl -fsS "$@" "$KC" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
user() { token -d grant_type=password -d client_id=rgpd-cli -d username="$1" -d password="$1"; }
CP=$(./mvnw -q -pl test-infrastructure dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
probe() { java -cp "test-infrastructure/target/classes:$CP" fr.assurancemaladie.rgpd.testing.ApiProbe "$@"; }
status=0
probe http://127.0.0.1:8081 citizen="$(user citoyen.paris)" dpo-national="$(user dpo.cnam)" editor="$(user editeur)" \
  admin="$(user admin)" || status=1
probe http://127.0.0.1:8082 citizen="$(user citoyen.paris)" dpo="$(user dpo.paris)" admin="$(user admin)" || status=1
probe http://127.0.0.1:8083 dpo="$(user dpo.paris)" admin="$(user admin)" publisher="$(token -d grant_type=client_credentials \
  -d client_id=sih-lifecycle -d client_secret=sih-lifecycle-dev-secret)" || status=1
exit $status
