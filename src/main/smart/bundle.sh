#!/usr/bin/env bash
# Bundles the SMART project's own JavaScript client (npm fhirclient, pinned by package-lock.json) into the jar,
# for the app EHRs launch at /smart/launch: `npm ci` here when the packages are missing or older than the lock,
# then the library's prebuilt browser build (the "pure" one: no polyfills, for current browsers) and its licence
# are copied to <out>, served as /smart/fhir-client.js. Run by every ./mvnw build (generate-resources), so the
# build needs npm (Node 18 or newer) unless node_modules is already installed here (the Dockerfile does that
# in a stage of its own).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: bundle.sh <output folder>}"
installed="$here/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$here/package-lock.json" -nt "$installed" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "build: npm (Node 18 or newer) is needed to bundle the SMART app's client library (src/main/smart)" >&2
    exit 1
  fi
  echo "build: npm ci in src/main/smart"
  # fhirclient's optional dependencies are React Native's crypto; the browser build needs none of them.
  (cd "$here" && npm ci --omit=optional --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
mkdir -p "$out"
cp "$here/node_modules/fhirclient/build/fhir-client.pure.min.js" "$out/fhir-client.js"
cp "$here/node_modules/fhirclient/LICENSE" "$out/fhir-client.LICENSE.txt"
