#!/usr/bin/env bash
# Issue 14's proxy benchmark: a FHIR read on the engine's reference server (in the benchmark's JVM),
# sent directly and through the platform jar's recording proxy in one run, at a fixed rate and at
# saturation, with the captures stored counted against the exchanges sent.
# Usage: bench/run-proxy-benchmark.sh [h2|postgres] [SECONDS] [RATE] [CLIENTS]   (h2 20 500 16)
# CONNECTATHON_JAR=path measures another build of the platform; BENCH_JVM_OPTS adds options to its JVM
# (for example -XX:StartFlightRecording=filename=proxy.jfr,settings=profile). On postgres the benchmark drops and
# makes again the database connectathon_proxy_bench, or the one BENCH_POSTGRES_DATABASE names.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
database=${1:-h2}
mvn -q -B -f "$root/pom.xml" -DskipTests -pl platform,bench -am package
jar=${CONNECTATHON_JAR:-$root/platform/target/connectathon.jar}
java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  org.connectathon.bench.proxy.ProxyBenchmark "$database" "$jar" "$root/bench/target/proxy" "${2:-20}" "${3:-500}" "${4:-16}"
