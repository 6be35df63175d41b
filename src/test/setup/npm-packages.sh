#!/usr/bin/env bash
# `npm ci` in each test folder whose packages are missing or older than its package-lock.json:
# src/test/forms (the browser tests' scripts) and src/test/lint (OpenApiLintTest). Run by every
# ./mvnw verify, so a newcomer's build runs those tests instead of skipping them. Without npm it says so
# and the build goes on: the tests that need the packages are skipped and named at the end of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
for folder in forms lint; do
  installed="$folder/node_modules/.package-lock.json"
  if [ -f "$installed" ] && [ ! "$folder/package-lock.json" -nt "$installed" ]; then
    continue
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm is missing, so src/test/$folder has no packages; the tests that need them will be skipped" >&2
    continue
  fi
  echo "setup: npm ci in src/test/$folder"
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
done
