#!/usr/bin/env bash
# Measures the packaged service on this machine: start-up time, resident memory idle and under
# load, and POST /v1/screenings throughput with wrk (Debian package `wrk`), on loopback only.
# Usage: src/test/bench/run.sh [seconds]   (run from the project root after ./mvnw package)
set -euo pipefail
seconds=${1:-20}
port=18080
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }

log=$(mktemp)
start=$(date +%s%N)
QUARKUS_HTTP_PORT=$port java -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
until curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null; do sleep 0.05; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }

echo "start-up (process start to ready): ${ready} ms; Quarkus says: $(grep -o 'started in [0-9.]*s' "$log")"
echo "resident memory idle: $(rss) MiB"
wrk -t2 -c16 -d5s -s src/test/bench/screening.lua "http://127.0.0.1:$port/v1/screenings" >/dev/null  # warm-up
wrk -t2 -c16 -d"${seconds}s" --latency -s src/test/bench/screening.lua "http://127.0.0.1:$port/v1/screenings" \
  | grep -E 'Requests/sec|Latency|50%|99%|requests in'
echo "resident memory after load: $(rss) MiB"
