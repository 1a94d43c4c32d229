#!/usr/bin/env bash
# Benchmark: parse + structure the official register (warm JVM). Needs register-service compiled:
#   ./mvnw -q -pl register-service -am install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=${MAVEN_REPO:-$HOME/.m2/repository}
contracts=$(ls "$repo"/fr/assurancemaladie/rgpd/event-contracts/0.1.0-SNAPSHOT/event-contracts-0.1.0-SNAPSHOT.jar)
java -cp "register-service/target/classes:$contracts" tools/bench/ParseBench.java \
  register-service/src/main/resources/register/registre-des-traitements.txt "${1:-30}" "${2:-30}"
