#!/usr/bin/env bash
# Issue 19's results matrix benchmark: a generated event of 500 systems by 200 columns (5,000
# graded registrations) served by the platform jar; the matrix pages measured over HTTP on H2,
# PostgreSQL or both.
# Usage: bench/run-results-matrix-benchmark.sh [h2|postgres|both] [REPETITIONS]
# CONNECTATHON_JAR=path measures another build of the platform (for a before/after comparison).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
databases=${1:-both}
repetitions=${2:-100}
mvn -q -B -f "$root/pom.xml" -DskipTests -pl platform,bench -am package
jar=${CONNECTATHON_JAR:-$root/platform/target/connectathon.jar}
[ "$databases" = both ] && databases="h2 postgres"
for database in $databases; do
  java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
    org.connectathon.bench.scale.ResultsMatrixBenchmark "$database" "$jar" "$root/bench/target/results-matrix" "$repetitions"
done
