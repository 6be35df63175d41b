#!/usr/bin/env bash
# The cost of a screening with and without the shared store, A/B in one run: the packaged service twice,
# with the same API key and a rate limit too high to refuse anything (so that every request is checked and
# counted, never turned away), once with each replica's own limits and once with MESOSCREEN_REDIS_URL
# naming a redis-server on loopback (Debian's). wrk (Debian package) drives both alternately, on loopback.
#
# Usage (from the project root, after ./mvnw package -DskipTests):
#   src/test/bench/shared-store.sh            ROUNDS=5 SECONDS_PER_ROUND=10 WARMUP=15 CONNECTIONS=16 INTAKE=findings
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${ROUNDS:-5}
seconds=${SECONDS_PER_ROUND:-10}
warmup=${WARMUP:-15}
connections=${CONNECTIONS:-16}
bench=src/test/bench
body="$bench/intakes/${INTAKE:-findings}.json"
jar=target/quarkus-app/quarkus-run.jar
key=bench-key-0123456789abcdef
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
[ -x /usr/bin/redis-server ] || { echo "install redis-server: apt-get install redis-server" >&2; exit 1; }
[ -f "$jar" ] || { echo "package first: ./mvnw package -DskipTests" >&2; exit 1; }
flags=${JVM_FLAGS:-$(sed -n 's/.*JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

redis_port=$(free_port)
/usr/bin/redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --requirepass bench \
  >target/bench-redis.log 2>&1 &
redis_pid=$!
pids+=("$redis_pid")

# start NAME PORT [REDIS_URL]: sets $started_pid once /q/health/ready answers.
start() {
  local name=$1 port=$2 url=${3:-}
  env -u MESOSCREEN_REDIS_URL QUARKUS_HTTP_PORT="$port" MESOSCREEN_RULES_DIR=rules JAVA_TOOL_OPTIONS="$flags" \
    MESOSCREEN_API_KEYS="bench=$key" MESOSCREEN_RATE_LIMIT_PER_MINUTE=100000000 \
    ${url:+MESOSCREEN_REDIS_URL=$url} java -jar "$jar" >"target/bench-$name.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$started_pid" 2>/dev/null || { echo "$name did not start; see target/bench-$name.log" >&2; exit 1; }
    sleep 0.05
  done
}

# CPU time of a process so far, in ms (utime + stime): what a screening costs, whatever else the machine runs.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }

# wrk_run URL SECONDS: prints "requests/s p50_ms p99_ms errors"
wrk_run() {
  BENCH_KEY=$key BENCH_BODY=$body wrk -t1 -c"$connections" -d"${2}s" --latency -s $bench/screening.lua "$1" | awk '
    function ms(v) { if (v ~ /us$/) {sub(/us/,"",v); return v/1000} if (v ~ /ms$/) {sub(/ms/,"",v); return v} sub(/s/,"",v); return v*1000 }
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=ms($2)}
    /^ +99%/ {p99=ms($2)}
    /Non-2xx/ {err+=$NF}
    /Socket errors/ {gsub(/,/,""); err+=$4+$6+$8+$10}
    END {printf "%d %.2f %.2f %d\n", rps, p50, p99, err}'
}

lport=$(free_port); start local "$lport"; lpid=$started_pid
sport=$(free_port); start shared "$sport" "redis://default:bench@127.0.0.1:$redis_port/0"; spid=$started_pid
grep -q "shared by every replica through Redis" target/bench-shared.log || { echo "shared replica is not on Redis" >&2; exit 1; }
lurl="http://127.0.0.1:$lport/v1/screenings"; surl="http://127.0.0.1:$sport/v1/screenings"
echo "== POST /v1/screenings with $body and an API key: wrk -t1 -c$connections, $warmup s warm-up each, $rounds x $seconds s alternating"
wrk_run "$lurl" "$warmup" >/dev/null
wrk_run "$surl" "$warmup" >/dev/null
ratios=() p50s=() p99s=() lcpus=() scpus=()
for r in $(seq "$rounds"); do
  c0=$(cpu_ms "$lpid")
  read -r lrps lp50 lp99 lerr < <(wrk_run "$lurl" "$seconds")
  lcpu=$(awk -v a="$(cpu_ms "$lpid")" -v b="$c0" -v n="$lrps" -v s="$seconds" 'BEGIN{printf "%.0f", (a-b)*1000/(n*s)}')
  c0=$(cpu_ms "$spid"); r0=$(cpu_ms "$redis_pid")
  read -r srps sp50 sp99 serr < <(wrk_run "$surl" "$seconds")
  scpu=$(awk -v a="$(cpu_ms "$spid")" -v b="$c0" -v n="$srps" -v s="$seconds" 'BEGIN{printf "%.0f", (a-b)*1000/(n*s)}')
  rcpu=$(awk -v a="$(cpu_ms "$redis_pid")" -v b="$r0" -v n="$srps" -v s="$seconds" 'BEGIN{printf "%.0f", (a-b)*1000/(n*s)}')
  printf 'round %s  per replica %5s req/s p50 %5s ms p99 %6s ms err %s CPU %3s µs/req | Redis %5s req/s p50 %5s ms p99 %6s ms err %s CPU %3s µs/req + redis-server %2s µs/req\n' \
    "$r" "$lrps" "$lp50" "$lp99" "$lerr" "$lcpu" "$srps" "$sp50" "$sp99" "$serr" "$scpu" "$rcpu"
  ratios+=("$(awk -v a="$srps" -v b="$lrps" 'BEGIN{print a/b}')")
  p50s+=("$(awk -v a="$sp50" -v b="$lp50" 'BEGIN{print a-b}')")
  p99s+=("$(awk -v a="$sp99" -v b="$lp99" 'BEGIN{print a/b}')")
  lcpus+=("$lcpu"); scpus+=("$((scpu + rcpu))")
done
printf 'median       throughput with Redis %.2fx of per-replica   p50 %+.2f ms   p99 %.2fx   CPU a screening %s µs per replica, %s µs with Redis (service + redis-server)\n' \
  "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${p50s[@]}" | median)" "$(printf '%s\n' "${p99s[@]}" | median)" \
  "$(printf '%s\n' "${lcpus[@]}" | median)" "$(printf '%s\n' "${scpus[@]}" | median)"
echo "redis: $(redis-cli -p "$redis_port" -a bench --no-auth-warning info commandstats | grep -E 'cmdstat_(eval|set)' | cut -d, -f1-3 | tr '\r\n' '  ')"
