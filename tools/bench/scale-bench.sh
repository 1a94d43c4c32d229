#!/usr/bin/env bash
# Scale simulation of retention-service (issue 15): the database filled by SQL (generate_series) with schedules of
# the register's shape, then at each size a sweep of 10,000 due schedules, the ingestion of 100,000 events from
# Kafka, the DPO reports and the schedules-by-person lookup, with the bytes per schedule. Embedded PostgreSQL and
# Kafka, the service as a separate process (its packaged jar). PostgreSQL gets shared_buffers=1GB (PG_SHARED_BUFFERS=…
# to change it; 128MB is its default, a production server has about a quarter of its memory). Stops, and says so, before a size the disk cannot hold.
#   tools/bench/scale-bench.sh [sizes]        default: 1000000,10000000,100000000
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES="${1:-1000000,10000000,100000000}"
./mvnw -q -B install -DskipTests -pl retention-service -am
./mvnw -B verify -pl retention-service -Drgpd.postgres.shared-buffers="${PG_SHARED_BUFFERS:-1GB}" -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ScaleBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.sizes="$SIZES" \
  -Dfailsafe.timeout=0 2>&1 | grep --line-buffered -E '^\[bench\]|Tests run|BUILD|ERROR'
