#!/usr/bin/env bash
# Issue 5's scale benchmark: a generated event (500 systems, 20 profiles, 50,000 test instances)
# served by the platform jar, measured over HTTP on H2, PostgreSQL or both.
# Usage: bench/run-event-scale-benchmark.sh [h2|postgres|both] [REPETITIONS]
# CONNECTATHON_JAR=path measures another build of the platform (for a before/after comparison);
# BENCH_JVM_OPTS adds options to the platform's JVM (for example a JFR recording).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
databases=${1:-both}
repetitions=${2:-200}
mvn -q -B -f "$root/pom.xml" -DskipTests -pl platform,bench -am package
jar=${CONNECTATHON_JAR:-$root/platform/target/connectathon.jar}
[ "$databases" = both ] && databases="h2 postgres"
for database in $databases; do
  java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
    org.connectathon.bench.scale.EventScaleBenchmark "$database" "$jar" "$root/bench/target/event-scale" "$repetitions"
done
