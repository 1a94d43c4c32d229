#!/usr/bin/env bash
# Start-up time and memory of each service, one at a time, the infrastructure already up (issue 15): needs
# ./run-local running in another terminal. A second replica of each service is started from its packaged jar,
# timed from the JVM's launch to ready, warmed up with requests, and its resident memory read from /proc.
#   tools/bench/startup-bench.sh [service…]          e.g. tools/bench/startup-bench.sh rights-service
#   JVM_OPTIONS="-Xmx384m -XX:+UseSerialGC" APP_CDS=false MALLOC_ARENA_MAX=16 tools/bench/startup-bench.sh
#                                            to compare other settings (here: those before issue 15)
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -Xmx256m -XX:+UseSerialGC -Drgpd.root="$PWD" ${JVM_OPTIONS:+"-Drgpd.service.jvm-options=$JVM_OPTIONS"} \
  ${APP_CDS:+"-Drgpd.service.app-cds=$APP_CDS"} \
  -cp "local-stack/target/classes:local-stack/target/lib/*" fr.assurancemaladie.rgpd.localstack.StartupBench "$@"
