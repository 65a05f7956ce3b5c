#!/usr/bin/env bash
# Fills the folder named first with the FHIR packages (npm .tgz) listed in packages.txt beside
# this script, with `npm pack`, skipping those already there. The tests read them from that
# folder, so a fresh machine needs only npm.
set -euo pipefail
target=$1
list="$(dirname "$0")/packages.txt"
mkdir -p "$target"
grep -v '^\s*#' "$list" | while read -r spec; do
  [ -n "$spec" ] || continue
  name=${spec%@*}; version=${spec##*@}
  [ -f "$target/$name-$version.tgz" ] && continue
  echo "Fetching FHIR package $spec"
  npm pack --silent --pack-destination "$target" "$spec" >/dev/null 2>&1 \
    || { echo "error: npm pack $spec failed; the tests need it" >&2; exit 1; }
done
