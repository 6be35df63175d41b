#!/usr/bin/env bash
# A/B figures of the packaged service against a same-stack floor (src/test/bench/floor: a bare
# Quarkus app of the same version that parses the same body and answers a recorded screening result
# of the same size), on loopback only, with wrk (Debian package `wrk`). Both run under the JVM flags
# of the Dockerfile. Absolute numbers move from machine to machine: quote the ratios.
#
# Usage (from the project root):
#   src/test/bench/run.sh [http|startup|soak|all]     default: all (startup, then http)
# Settings (environment): ROUNDS=3 SECONDS_PER_ROUND=10 WARMUP=20 CONNECTIONS=16 INTAKE=findings
#   SOAK_SECONDS=300 (soak: Mesoscreen alone, RSS every 30 s); JVM_FLAGS overrides the Dockerfile's;
#   PRODUCT_JAR (default target/quarkus-app/quarkus-run.jar) measures another build, e.g. an older one.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mode=${1:-all}
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_ROUND:-10}
warmup=${WARMUP:-20}
connections=${CONNECTIONS:-16}
intake=${INTAKE:-findings}
bench=src/test/bench
body="$bench/intakes/$intake.json"
product=${PRODUCT_JAR:-target/quarkus-app/quarkus-run.jar}
floor=$bench/floor/target/quarkus-app/quarkus-run.jar

command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
[ -f "$body" ] || { echo "no intake $body" >&2; exit 1; }
[ -f "$product" ] || ./mvnw -B -q package -DskipTests
[ -f "$floor" ] || ./mvnw -B -q -f $bench/floor/pom.xml package
# The flags the container runs with (JAVA_TOOL_OPTIONS in the Dockerfile), minus the log manager.
flags=${JVM_FLAGS:-$(sed -n 's/.*JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)}
echo "JVM flags: $flags"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared: other builds may run)"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }

# start NAME JAR PORT READY_PATH: starts a JVM, waits for READY_PATH to answer 200; sets $started_pid, $ready_ms.
start() {
  local name=$1 jar=$2 port=$3 path=$4 t0
  t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$port MESOSCREEN_RULES_DIR=rules JAVA_TOOL_OPTIONS="$flags" \
    java -jar "$jar" >"target/bench-$name.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$port$path"; do
    kill -0 "$started_pid" 2>/dev/null || { echo "$name did not start; see target/bench-$name.log" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

startup() {
  echo
  echo "== start-up to ready and idle RSS: fresh JVMs, alternating, $rounds each"
  local f_ms=() m_ms=() f_rss=() m_rss=() port
  for _ in $(seq "$rounds"); do
    port=$(free_port); start floor "$floor" "$port" /ready; sleep 2
    f_ms+=("$ready_ms"); f_rss+=("$(rss "$started_pid")"); stop "$started_pid"
    port=$(free_port); start mesoscreen "$product" "$port" /q/health/ready; sleep 2
    m_ms+=("$ready_ms"); m_rss+=("$(rss "$started_pid")"); stop "$started_pid"
  done
  local fm mm fr mr
  fm=$(printf '%s\n' "${f_ms[@]}" | median); mm=$(printf '%s\n' "${m_ms[@]}" | median)
  fr=$(printf '%s\n' "${f_rss[@]}" | median); mr=$(printf '%s\n' "${m_rss[@]}" | median)
  printf '%-12s ready %s ms (median of %s)   idle RSS %s MiB   [runs: %s | %s]\n' floor "$fm" "${f_ms[*]}" "$fr" "${f_ms[*]}" "${f_rss[*]}"
  printf '%-12s ready %s ms (median of %s)   idle RSS %s MiB   [runs: %s | %s]\n' mesoscreen "$mm" "${m_ms[*]}" "$mr" "${m_ms[*]}" "${m_rss[*]}"
  awk -v a="$mm" -v b="$fm" -v c="$mr" -v d="$fr" 'BEGIN {printf "ratio        start-up %.2fx (target <= 1.5x)   idle RSS %.2fx (target <= 1.5x)\n", a/b, c/d}'
}

# wrk_run URL SECONDS: prints "requests/s p99_ms errors"
wrk_run() {
  BENCH_BODY=$body wrk -t1 -c"$connections" -d"${2}s" --latency -s $bench/screening.lua "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p99=v}
    /Non-2xx/ {err+=$NF}
    /Socket errors/ {gsub(/,/,""); err+=$4+$6+$8+$10}
    END {printf "%d %.2f %d\n", rps, p99, err}'
}

http() {
  echo
  echo "== POST /v1/screenings with $body: wrk -t1 -c$connections, ${warmup} s warm-up each, $rounds x ${seconds} s alternating"
  local fport mport fpid mpid
  fport=$(free_port); start floor "$floor" "$fport" /ready; fpid=$started_pid
  mport=$(free_port); start mesoscreen "$product" "$mport" /q/health/ready; mpid=$started_pid
  local furl="http://127.0.0.1:$fport/v1/screenings" murl="http://127.0.0.1:$mport/v1/screenings"
  local bytes
  bytes=$(curl -s -H 'Content-Type: application/json' --data-binary @"$body" "$murl" | wc -c)
  echo "answer: mesoscreen $bytes bytes, floor $(curl -s -H 'Content-Type: application/json' --data-binary @"$body" "$furl" | wc -c) bytes"
  wrk_run "$furl" "$warmup" >/dev/null
  wrk_run "$murl" "$warmup" >/dev/null
  local ratios=() p99s=() f m
  for r in $(seq "$rounds"); do
    read -r frps fp99 ferr < <(wrk_run "$furl" "$seconds")
    read -r mrps mp99 merr < <(wrk_run "$murl" "$seconds")
    printf 'round %s  floor %6s req/s  p99 %6s ms  errors %s | mesoscreen %6s req/s  p99 %6s ms  errors %s | throughput %.2fx  p99 %.2fx\n' \
      "$r" "$frps" "$fp99" "$ferr" "$mrps" "$mp99" "$merr" "$(awk -v a="$mrps" -v b="$frps" 'BEGIN{print a/b}')" \
      "$(awk -v a="$mp99" -v b="$fp99" 'BEGIN{print a/b}')"
    ratios+=("$(awk -v a="$mrps" -v b="$frps" 'BEGIN{print a/b}')")
    p99s+=("$(awk -v a="$mp99" -v b="$fp99" 'BEGIN{print a/b}')")
  done
  printf 'median       throughput %.2fx (target >= 0.60x)   p99 %.2fx (target <= 3x)\n' \
    "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${p99s[@]}" | median)"
  echo "RSS after load: floor $(rss "$fpid") MiB, mesoscreen $(rss "$mpid") MiB"
  stop "$fpid"; stop "$mpid"
}

soak() {
  local total=${SOAK_SECONDS:-300} port pid done=0
  echo
  echo "== soak: Mesoscreen alone, $total s of wrk -t1 -c$connections, RSS every 30 s"
  port=$(free_port); start mesoscreen "$product" "$port" /q/health/ready; pid=$started_pid
  echo "t=0 s  RSS $(rss "$pid") MiB"
  local requests=0
  while [ "$done" -lt "$total" ]; do
    read -r rps _ err < <(wrk_run "http://127.0.0.1:$port/v1/screenings" 30)
    done=$((done + 30)); requests=$((requests + rps * 30))
    echo "t=${done} s  RSS $(rss "$pid") MiB  (~$requests screenings so far, $rps req/s, errors $err)"
  done
  stop "$pid"
}

case $mode in
  startup) startup ;;
  http) http ;;
  soak) soak ;;
  all) startup; http ;;
  *) echo "usage: $0 [http|startup|soak|all]" >&2; exit 2 ;;
esac
