#!/usr/bin/env bash
# Issue 4's validation benchmark: Connectathon's validation service against a plain HAPI set-up,
# side by side in one run (ready time, first validation, IPS Bundles/s on 1 and 2 threads, and
# a comparison of the issues). Usage: bench/run-validation-benchmark.sh [ROUNDS] [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
packages=${CONNECTATHON_TEST_PACKAGES:-$HOME/.cache/connectathon/fhir-packages}
bash "$root/engine/src/test/packages/fetch.sh" "$packages"
mvn -q -B -f "$root/pom.xml" -DskipTests -pl bench -am package
exec java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  org.connectathon.bench.validation.ValidationBenchmark "$packages" "$root/bench/target/validation" "$@"
