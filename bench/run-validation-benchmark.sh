#!/usr/bin/env bash
# The validation benchmark: a plain HAPI set-up and Connectathon's validation service on its old
# and new slice-membership path, side by side in one run (ready time, first validation, IPS
# Bundles/s on 1 and 2 threads, CPU per Bundle), identical findings of old and new required, and
# a comparison of the issues with plain HAPI. Usage: bench/run-validation-benchmark.sh [ROUNDS] [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
packages=${CONNECTATHON_TEST_PACKAGES:-$HOME/.cache/connectathon/fhir-packages}
bash "$root/engine/src/test/packages/fetch.sh" "$packages"
mvn -q -B -f "$root/pom.xml" -DskipTests -pl bench -am package
exec java -cp "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")" \
  org.connectathon.bench.validation.ValidationBenchmark "$packages" "$root/bench/target/validation" "$@"
