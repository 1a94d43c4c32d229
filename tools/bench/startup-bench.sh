#!/usr/bin/env bash
# Start-up time and memory of each service, one at a time, the infrastructure already up (issue 15): needs
# ./run-local running in another terminal. A second replica of each service is started from its packaged jar,
# timed from the JVM's launch to ready, warmed up with requests, and its resident memory read from /proc.
#   tools/bench/startup-bench.sh [service…]          e.g. tools/bench/startup-bench.sh rights-service
#   JVM_OPTIONS="-Xmx384m -XX:+UseSerialGC" tools/bench/startup-bench.sh     to compare other JVM options
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -Xmx256m -XX:+UseSerialGC -Drgpd.root="$PWD" ${JVM_OPTIONS:+"-Drgpd.service.jvm-options=$JVM_OPTIONS"} \
  -cp "local-stack/target/classes:local-stack/target/lib/*" fr.assurancemaladie.rgpd.localstack.StartupBench "$@"
