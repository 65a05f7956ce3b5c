#!/usr/bin/env bash
# Issue 13's acceptance from outside: runs a public collection's server-side TestScripts, unchanged,
# against the engine's reference server loaded with the collection's own test data, and prints one
# line per script: outcome and first failing (or erring) action.
#
# Usage: bench/run-outside-testscripts.sh [options] SCRIPT_OR_FOLDER...
#   --loader PATH        a loader TestScript of the collection, run first (repeatable)
#   --preload LOADER     load the fixtures that the loader script LOADER declares straight into
#                        the server at start, after filling in Touchstone's date placeholders
#                        (see below): measures the searches apart from whether the engine can
#                        run the loader scripts (repeatable)
#   --fhir-version V     release of the reference server: r4 (default) or r5
#   --port P             port of the reference server (default 18090)
#   --out DIR            where reports, logs and results.md go (default bench/target/outside)
#   --variable N=V       passed to every run (repeatable)
#
# Test data written for Touchstone carries placeholders such as ${DATE, T, D, -5} (today minus five
# days) and ${CURRENTDATE} that the reference server's --load does not understand; --preload copies
# the loader's fixtures and fills those in with today's date (T is today, as the collections'
# loaders define it). The scripts themselves are never changed.
#
# CONNECTATHON_JAR=path runs another build (for a before/after comparison).
# REFERENCE_SERVER=unpacked runs the reference server from the jar's classes unpacked on a plain
# class path instead of `java -jar` (before issue 13's fixes, searches in the packed jar's server
# matched nothing, see docs/testscript-engine.md).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
loaders=() preloads=() release=r4 port=18090 out="$root/bench/target/outside" variables=() samples=()
while [ $# -gt 0 ]; do
  case $1 in
    --loader) loaders+=("$2"); shift 2 ;;
    --preload) preloads+=("$2"); shift 2 ;;
    --fhir-version) release=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --variable) variables+=(--variable "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) samples+=("$1"); shift ;;
  esac
done
[ ${#samples[@]} -gt 0 ] || { echo "error: give the sample's scripts or folders (see --help)" >&2; exit 2; }
for tool in java jq perl; do
  command -v $tool >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done

jar=${CONNECTATHON_JAR:-$root/platform/target/connectathon.jar}
if [ -z "${CONNECTATHON_JAR:-}" ] && [ ! -f "$jar" ]; then
  mvn -q -B -f "$root/pom.xml" -DskipTests -pl platform -am package
fi
rm -rf "$out" && mkdir -p "$out"
base="http://localhost:$port/fhir"

load_args=()
if [ ${#preloads[@]} -gt 0 ]; then
  mkdir -p "$out/preload"
  for loader in "${preloads[@]}"; do
    # the fixtures' references, XML (<reference value="..."/>) or JSON ("reference": "..."),
    # relative to the loader's folder; references that are no file (profiles, #contained) are skipped
    grep -oE '<reference value="[^"#]+"|"reference" *: *"[^"#]+"' "$loader" | sed -E 's/.*"([^"]+)"$/\1/' |
      while read -r reference; do
        file="$(dirname "$loader")/$reference"
        [ -f "$file" ] && cp "$file" "$out/preload/$(basename "$(dirname "$file")")-$(basename "$file")"
      done || true
  done
  # ${DATE, T, D|M|Y, ±N}, ${CURRENTDATE} and ${CURRENTDATETIME}, relative to today
  find "$out/preload" -type f \( -name '*.xml' -o -name '*.json' \) -exec perl -MTime::Piece -MTime::Seconds -pi -e '
    BEGIN { $today = localtime; }
    sub shifted { my ($unit, $n) = @_;
      return ($unit eq "D" ? $today + $n * ONE_DAY : $unit eq "M" ? $today->add_months($n) : $today->add_years($n))->ymd; }
    s/\$\{DATE,\s*T,\s*([DMY]),\s*([-+]?\d+)\}/shifted($1, $2)/ge;
    s/\$\{CURRENTDATETIME\}/$today->datetime . ($today->strftime("%z") =~ s{(\d\d)(\d\d)$}{$1:$2}r)/ge;
    s/\$\{CURRENTDATE\}/$today->ymd/ge;' {} +
  load_args=(--load "$out/preload")
fi

server_command=(-jar "$jar")
if [ "${REFERENCE_SERVER:-}" = unpacked ]; then
  mkdir -p "$out/unpacked" && (cd "$out/unpacked" && jar xf "$jar" BOOT-INF)
  server_command=(-cp "$out/unpacked/BOOT-INF/classes:$out/unpacked/BOOT-INF/lib/*"
    org.connectathon.platform.cli.ConnectathonCommand)
fi
java ${CONNECTATHON_JAVA_OPTS:-} "${server_command[@]}" reference-server --port "$port" --fhir-version "$release" \
  "${load_args[@]}" >"$out/reference-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q 'Ctrl-C stops it' "$out/reference-server.log" && break
  kill -0 $server 2>/dev/null || { cat "$out/reference-server.log" >&2; exit 1; }
  sleep 1
done
head -1 "$out/reference-server.log"

# Rows of the table from one run's reports: script id, outcome, first failing (or erring) action.
table_rows() { # reports-folder
  jq -r '.scripts[] | [.id, .result, .testReport] | @tsv' "$1/summary.json" | while IFS=$'\t' read -r id result report; do
    detail=$(jq -r '[.setup.action[]?, .test[]?.action[]?, .teardown.action[]?]
        | map(.operation // .assert) | map(select(.result == "fail" or .result == "error"))
        | first | if . == null then "" else (.result + ": " + (.message // "")) end' "$1/$report")
    row "$id" "$result" "$detail"
  done
}
row() { # script outcome detail
  local detail=${3//|/\\|}
  printf '| %s | %s | %s |\n' "$1" "${2^^}" "$(printf '%s' "$detail" | tr '\n' ' ' | cut -c1-400)" >>"$out/results.md"
}

# Runs scripts in one JVM (the validator starts once). A script the engine cannot load stops the
# whole run (exit code 2, the file named in the message): it is reported as ERROR and the rest run
# again without it.
run_scripts() { # label file...
  local label=$1 attempt=0; shift
  local files=("$@")
  while [ ${#files[@]} -gt 0 ]; do
    attempt=$((attempt + 1))
    local dir="$out/reports/$label-$attempt" status=0
    mkdir -p "$dir"
    java ${CONNECTATHON_JAVA_OPTS:-} -jar "$jar" run --server "$base" --out "$dir" --parallel "${PARALLEL:-2}" \
      "${variables[@]}" "${files[@]}" >"$dir/console.txt" 2>&1 || status=$?
    if [ -f "$dir/summary.json" ]; then
      table_rows "$dir"
      return
    fi
    local message culprit="" remaining=()
    message=$(grep -m1 -E 'CTN-' "$dir/console.txt" || head -1 "$dir/console.txt")
    for file in "${files[@]}"; do
      if [ -z "$culprit" ] && [[ $message == *"$file"* ]]; then culprit=$file; else remaining+=("$file"); fi
    done
    if [ -z "$culprit" ]; then # not one script's fault: every script gets the message
      for file in "${files[@]}"; do row "$(basename "${file%.*}")" ERROR "exit $status: $message"; done
      return
    fi
    row "$(basename "${culprit%.*}")" ERROR "$message"
    files=("${remaining[@]}")
  done
}

printf '| script | outcome | first failing action |\n|---|---|---|\n' >"$out/results.md"
absolute() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
if [ ${#loaders[@]} -gt 0 ]; then
  loader_files=()
  for loader in "${loaders[@]}"; do loader_files+=("$(absolute "$loader")"); done
  PARALLEL=1 run_scripts loader "${loader_files[@]}"
fi
printf '| | | |\n' >>"$out/results.md"
files=()
for sample in "${samples[@]}"; do
  if [ -d "$sample" ]; then
    while IFS= read -r file; do files+=("$(absolute "$file")"); done \
      < <(find "$sample" -type f \( -name '*.json' -o -name '*.xml' \) | sort)
  else
    files+=("$(absolute "$sample")")
  fi
done
run_scripts sample "${files[@]}"

cat "$out/results.md"
echo
awk -F' \\| ' 'past && NF > 2 { count[$2]++; total++ } /^\| \| \| \|$/ { past = 1 }
  END { printf "sample: %d scripts;", total; for (o in count) printf " %s %d", o, count[o]; print "" }' "$out/results.md"
