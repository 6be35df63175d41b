#!/usr/bin/env bash
# Installs the Debian packages that the tests start, when they are missing: Chromium for the browser
# tests (IntakeFormIT, LhcFormsIT), redis-server for the shared-store tests (Shared*Test, SharedStoreIT).
# Run by `./mvnw verify -Psetup` (the README's test command) and so by .ci/run. Needs root, or sudo.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: the tests need these Debian packages (or your system's equivalents): ${missing[*]}" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "setup: installing ${missing[*]} from Debian's packages"
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
