#!/usr/bin/env bash
# Issue 17, item 4: wall time of a one-off `connectathon validate` of one IPS Bundle through
# bin/connectathon, with a cold and with a warm home, with the packed jar as before
# (CONNECTATHON_CDS=off) and with the class-data-sharing archive, and with --server on a running
# platform; then checks that a changed jar and a damaged archive still start.
# Usage: bench/run-validation-start-benchmark.sh [REPEATS (2)] [BUNDLE (IPS Bundle-bundle-minimal)]
# CONNECTATHON_JAR=path measures another build. Figures are wall and process CPU seconds (user +
# system); on a shared machine read them with the load average printed beside them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repeats=${1:-2}
packages=${CONNECTATHON_TEST_PACKAGES:-$HOME/.cache/connectathon/fhir-packages}
bash "$root/engine/src/test/packages/fetch.sh" "$packages"
export CONNECTATHON_JAR=${CONNECTATHON_JAR:-$root/platform/target/connectathon.jar}
[ -f "$CONNECTATHON_JAR" ] || mvn -q -B -f "$root/pom.xml" -DskipTests -pl platform -am package
work="$root/bench/target/validation-start"
rm -rf "$work" && mkdir -p "$work"
bundle=${2:-}
if [ -z "$bundle" ]; then
  tar xzf "$packages/hl7.fhir.uv.ips-2.0.0.tgz" -C "$work" package/example/Bundle-bundle-minimal.json
  bundle="$work/package/example/Bundle-bundle-minimal.json"
fi
launcher="$root/bin/connectathon"
files=(--ig "$packages/hl7.fhir.uv.ips-2.0.0.tgz" --ig "$packages/hl7.terminology.r4-7.0.1.tgz"
  --ig "$packages/hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz")

# measure LABEL EXPECTED_EXIT command...: one line of figures; stops when the exit code differs
measure() {
  local label=$1 expected=$2; shift 2
  local status=0
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || status=$?
  read -r wall user system <"$work/time"
  printf '%-48s %7.2f s wall %7.2f s CPU  exit %d  (load %s)\n' "$label" "$wall" \
    "$(echo "$user + $system" | bc)" "$status" "$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$status" != "$expected" ]; then
    echo "error: expected exit code $expected from: $*" >&2
    cat "$work/out" "$work/err" >&2
    exit 1
  fi
}

echo "Bundle: $bundle"
echo "Jar: $CONNECTATHON_JAR"
echo
echo "== one-off validate, packed jar (before) =="
export CONNECTATHON_HOME="$work/home-packed"
measure "cold home (packages, core definitions)" 0 env CONNECTATHON_CDS=off "$launcher" validate "${files[@]}" "$bundle"
for i in $(seq "$repeats"); do
  measure "warm home, run $i" 0 env CONNECTATHON_CDS=off "$launcher" validate "${files[@]}" "$bundle"
done

echo "== one-off validate, class-data sharing (after) =="
export CONNECTATHON_HOME="$work/home-cds"
measure "cold home (+ extract jar, write archive at exit)" 0 "$launcher" validate "${files[@]}" "$bundle"
ls "$CONNECTATHON_HOME"/cds/*/validate.jsa >/dev/null
for i in $(seq "$repeats"); do
  measure "warm home, run $i" 0 "$launcher" validate "${files[@]}" "$bundle"
done

echo "== checks: a changed jar and a damaged archive still start =="
cp "$CONNECTATHON_JAR" "$work/changed.jar" && touch -d '2 minutes ago' "$work/changed.jar"
measure "changed jar (new stamp: extract, new archive)" 0 env CONNECTATHON_JAR="$work/changed.jar" \
  "$launcher" validate "${files[@]}" "$bundle"
[ "$(ls -d "$CONNECTATHON_HOME"/cds/*/ | wc -l)" = 1 ] || { echo "error: the old jar's folder was kept" >&2; exit 1; }
archive=$(ls "$CONNECTATHON_HOME"/cds/*/validate.jsa)
head -c 4096 /dev/urandom >"$archive"
measure "damaged archive (ignored by the JVM)" 0 env CONNECTATHON_JAR="$work/changed.jar" \
  "$launcher" validate "${files[@]}" "$bundle"
grep -q "1 file: 1 valid" "$work/out" || { echo "error: no summary after a damaged archive" >&2; exit 1; }

echo "== validate --server on a running platform =="
export CONNECTATHON_HOME="$work/home-server"
mkdir -p "$CONNECTATHON_HOME" && cp -r "$work/home-cds/packages" "$CONNECTATHON_HOME/"
port=${CONNECTATHON_BENCH_PORT:-18517}
"$launcher" admin create-user --username bench --password bench-password --role PARTICIPANT \
  --organization Bench >/dev/null 2>&1
token=$("$launcher" admin create-token --username bench 2>/dev/null)
"$launcher" serve --port "$port" --no-demo >"$work/serve.log" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://localhost:$port/api/validate"; do
  kill -0 $serve_pid 2>/dev/null || { echo "error: the platform did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 1
done
ips=(--ig hl7.fhir.uv.ips#2.0.0)
measure "first call (the platform's validator starts)" 0 "$launcher" validate --server "http://localhost:$port" \
  --token "$token" "${ips[@]}" "$bundle"
for i in $(seq "$repeats"); do
  measure "warm platform, run $i" 0 "$launcher" validate --server "http://localhost:$port" --token "$token" \
    "${ips[@]}" "$bundle"
done
# where a --server run's second goes: the platform's part alone, as a client that costs nothing
# sees it (curl), and the client's part alone, against a server that answers at once
for i in $(seq "$repeats"); do
  seconds=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/fhir+json' --data-binary @"$bundle" \
    "http://localhost:$port/api/validate?ig=hl7.fhir.uv.ips%232.0.0")
  printf '%-48s %7.2f s wall (the platform validating, seen by curl)\n' "platform alone, run $i" "$seconds"
done
kill $serve_pid 2>/dev/null || true
wait $serve_pid 2>/dev/null || true
python3 "$root/bench/instant-validation-server.py" "$port" &
instant_pid=$!
trap 'kill $instant_pid 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://localhost:$port/"; do sleep 0.2; done
for i in $(seq "$repeats"); do
  measure "client alone (a server answering at once), run $i" 0 "$launcher" validate --server \
    "http://localhost:$port" --token "$token" "${ips[@]}" "$bundle"
done
