#!/usr/bin/env bash
# Benchmark of retention-service (issue 5): ingestion of N lifecycle events from Kafka to committed schedules, side by
# side with a raw baseline (plain KafkaConsumer + JDBC batches) in the same run; then one sweep ordering M due
# schedules. Embedded PostgreSQL and Kafka, the service as a separate process (its packaged jar).
#   tools/bench/retention-bench.sh [events] [due]      defaults: 1000000 1000000
#   SWEEP_CHUNK=5000 SWEEP_WORKERS=3 tools/bench/…      to try other sweep settings
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS="${1:-1000000}"
DUE="${2:-1000000}"
./mvnw -q -B install -DskipTests -pl retention-service -am
./mvnw -B verify -pl retention-service -Drgpd.postgres.shared-buffers="${PG_SHARED_BUFFERS:-1GB}" -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=IngestionBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.events="$EVENTS" -Dbench.due="$DUE" ${SWEEP_CHUNK:+-Drgpd.retention.sweep.chunk-size=$SWEEP_CHUNK} \
  ${SWEEP_WORKERS:+-Drgpd.retention.sweep.workers=$SWEEP_WORKERS} 2>&1 | grep --line-buffered -E '^\[bench\]|Tests run|BUILD|ERROR'
