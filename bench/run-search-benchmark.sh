#!/usr/bin/env bash
# Issue 13's search benchmark: 100,000 resources in the in-process reference server, token,
# reference and chained searches with _include over HTTP (median and 95th percentile), load time
# and heap. Usage: bench/run-search-benchmark.sh [REPETITIONS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mvn -q -B -f "$root/pom.xml" -DskipTests -pl bench -am package
exec java ${BENCH_JVM_OPTS:--Xmx3g} -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  org.connectathon.bench.search.ReferenceServerSearchBenchmark "$@"
