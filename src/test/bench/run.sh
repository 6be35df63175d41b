#!/usr/bin/env bash
# A/B figures of the packaged service against a same-stack floor (src/test/bench/floor: a bare Quarkus app
# of the same version that parses the same body on the event loop, as POST /v1/screenings does, and answers
# its recording of Mesoscreen's answer to that traffic shape, so the same bytes go out), on loopback only,
# with wrk (Debian package `wrk`). Absolute numbers move from machine to machine: quote the ratios.
#
# Usage (from the project root):
#   src/test/bench/run.sh [all|startup|http|soak|record|identity]     default: all (startup, then http)
#     startup  start-up to ready and idle RSS, fresh JVMs alternating, with the JVM's default flags and the Dockerfile's
#     http     every traffic shape, floor and Mesoscreen rounds alternating; a markdown table at the end
#     soak     Mesoscreen alone under load, RSS every 30 s
#     record   records Mesoscreen's answer to every shape into the floor's resources and rebuilds the floor
#     identity identity.py against PRODUCT_JAR, the CDS call signed: IDENTITY_OUT (target/bench/identity.tsv);
#              diff the files of two builds
# Settings (environment):
#   ROUNDS=3 SECONDS_PER_ROUND=10 WARMUP=20 CONNECTIONS=16    http rounds (the CDS shape also runs at 16
#                                                             connections when CONNECTIONS is another number)
#   SHAPES="findings webform webform-ru webform-tr cds"      traffic shapes: intakes/<shape>.json, or cds
#   STARTUP_RUNS=5 IDLE_SECONDS=5                             start-up runs per side and flag set; RSS read after
#                                                             IDLE_SECONDS at rest (the FHIR model is built by then)
#   JVM_FLAGS                                                 flags of the http and soak runs; default the
#                                                             Dockerfile's JAVA_TOOL_OPTIONS; JVM_FLAGS= for none
#   CDS_RATE=1000 CDS_ALG=RS384                               signed calls a second to make tokens for, at least
#                                                             (a round faster than that raises it); the algorithm the EHR signs with
#   INTAKE=findings SOAK_SECONDS=300 SOAK_INTERVAL=30         soak
#   PRODUCT_JAR (default target/quarkus-app/quarkus-run.jar) measures another build, e.g. an older one
#   FLOOR_JAR (default src/test/bench/floor/target/quarkus-app/quarkus-run.jar, the bare floor)  the floor; the
#                                                             stack floor (floor/pom.xml -Pstack: Mesoscreen's extensions
#                                                             and libraries, no code of ours) is floor/target-stack/...;
#                                                             either floor can be PRODUCT_JAR too (for the cds shape's
#                                                             tokens the bare one borrows Mesoscreen's build's jose4j)
#   MVN (default ./mvnw)                                      how a missing build is made
set -euo pipefail
cd "$(dirname "$0")/../../.."
mode=${1:-all}
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_ROUND:-10}
warmup=${WARMUP:-20}
connections=${CONNECTIONS:-16}
shapes=${SHAPES:-findings webform webform-ru webform-tr cds}
startup_runs=${STARTUP_RUNS:-5}
idle=${IDLE_SECONDS:-5}
cds_rate=${CDS_RATE:-1000}
cds_alg=${CDS_ALG:-RS384}
mvn=${MVN:-./mvnw}
bench=src/test/bench
product=${PRODUCT_JAR:-target/quarkus-app/quarkus-run.jar}
floor=${FLOOR_JAR:-$bench/floor/target/quarkus-app/quarkus-run.jar}
cds_path=/cds-services/mesoscreen-appointment-book
work=target/bench
mkdir -p "$work"

command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
# build JAR: makes a missing build of Mesoscreen, the bare floor or the stack floor.
build() {
  [ ! -f "$1" ] || return 0
  case $1 in
    target/quarkus-app/quarkus-run.jar) $mvn -B -q package -DskipTests ;;
    "$bench/floor/target/quarkus-app/quarkus-run.jar") $mvn -B -q -f $bench/floor/pom.xml package ;;
    "$bench/floor/target-stack/quarkus-app/quarkus-run.jar") $mvn -B -q -f $bench/floor/pom.xml -Pstack package ;;
    *) echo "no such build: $1" >&2; exit 1 ;;
  esac
}
build "$product"
build "$floor"
# ready_path JAR: where start-up ends: SmallRye Health's readiness where the build has it (Mesoscreen, the
# stack floor), else the floor's GET /ready.
ready_path() {
  if ls "$(dirname "$1")"/lib/main/io.quarkus.quarkus-smallrye-health-[0-9]*.jar >/dev/null 2>&1; then
    echo /q/health/ready
  else
    echo /ready
  fi
}
product_ready=$(ready_path "$product")
floor_ready=$(ready_path "$floor")
# The flags the container runs with (JAVA_TOOL_OPTIONS in the Dockerfile).
docker_flags=$(sed -n 's/.*JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)
flags=${JVM_FLAGS-$docker_flags}
flags_label=${flags:-none: the defaults of the JVM}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared: other builds may run)"
echo "\"Mesoscreen\": $product (ready at $product_ready); floor: $floor (ready at $floor_ready)"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a/b; else print "-"}'; }

# ---- the signed CDS Hooks side: an EHR key, its JWK Set served on loopback, tokens made before each round ----
jwks_port=
tokens_cp=
cds_setup() {
  [ -z "$jwks_port" ] || return 0
  local lib classes=$work/ehr-classes
  # The product's jose4j; a floor as the product (the bare one has none) borrows Mesoscreen's build's.
  lib=$(dirname "$product")/lib/main
  ls "$lib"/org.bitbucket.b_c.jose4j-*.jar >/dev/null 2>&1 || { build target/quarkus-app/quarkus-run.jar; lib=target/quarkus-app/lib/main; }
  tokens_cp="$classes:$(ls "$lib"/org.bitbucket.b_c.jose4j-*.jar):$(ls "$lib"/org.slf4j.slf4j-api-*.jar)"
  if [ ! -f "$classes/mesoscreen/bench/EhrTokens.class" ] || [ "$bench/jmh/mesoscreen/bench/EhrTokens.java" -nt "$classes/mesoscreen/bench/EhrTokens.class" ]; then
    javac -d "$classes" -cp "$tokens_cp" "$bench/jmh/mesoscreen/bench/EhrTokens.java"
  fi
  tokens 0 "http://127.0.0.1/" >/dev/null    # the key and jwks.json
  jwks_port=$(free_port)
  python3 -m http.server "$jwks_port" --bind 127.0.0.1 --directory "$work/ehr" >/dev/null 2>&1 &
  pids+=("$!")
  until curl -sf -o /dev/null "http://127.0.0.1:$jwks_port/jwks.json"; do sleep 0.05; done
  # An EHR sends today's pregnancy status, books a date ahead, and sends JSON without indentation.
  sed -e "s/@TODAY@/$(date -u +%F)/g" -e "s/@PLANNED@/$(date -u -d '+14 days' +%F)/g" $bench/cds/appointment-book.json \
    | python3 -c 'import json, sys; json.dump(json.load(sys.stdin), sys.stdout, separators=(",", ":"))' >"$work/cds.json"
}
# tokens COUNT AUDIENCE: writes $work/ehr/tokens.txt, each living long enough for a round made right after (its
# signing included), but at most the 5 minutes the service allows: a CDS round can last about 4 minutes. The
# service remembers each jti until a minute after it expires, at most 100,000 of them without Redis.
tokens() {
  local life=$(( (seconds > warmup ? seconds : warmup) + 120 ))
  java -Dslf4j.internal.verbosity=ERROR -cp "$tokens_cp" mesoscreen.bench.EhrTokens "$work/ehr" "$1" "$2" \
    "$(( life > 290 ? 290 : life ))" "$cds_alg"
}

# start NAME JAR PORT READY_PATH FLAGS: starts a JVM, waits for READY_PATH to answer 200; sets $started_pid, $ready_ms.
start() {
  local name=$1 jar=$2 port=$3 path=$4 jvm_flags=$5 t0 issuers=
  [ -z "$jwks_port" ] || issuers="https://ehr.example/cds-client|http://127.0.0.1:$jwks_port/jwks.json"
  t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$port MESOSCREEN_RULES_DIR=rules MESOSCREEN_CDS_TRUSTED_ISSUERS=$issuers \
    JAVA_TOOL_OPTIONS="$jvm_flags" java -jar "$jar" >"$work/$name.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$port$path"; do
    kill -0 "$started_pid" 2>/dev/null || { echo "$name did not start; see $work/$name.log" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

startup() {
  echo
  echo "== start-up to ready and idle RSS (after ${idle} s at rest): fresh JVMs, alternating, median of $startup_runs each"
  local table="| JVM flags | floor ready | Mesoscreen ready | ratio | floor idle RSS | Mesoscreen idle RSS | ratio |
|---|---|---|---|---|---|---|"
  local label set port
  for label in default dockerfile; do
    [ "$label" = default ] && set="" || set=$docker_flags
    local f_ms=() m_ms=() f_rss=() m_rss=()
    for _ in $(seq "$startup_runs"); do
      port=$(free_port); start floor "$floor" "$port" "$floor_ready" "$set"; sleep "$idle"
      f_ms+=("$ready_ms"); f_rss+=("$(rss "$started_pid")"); stop "$started_pid"
      port=$(free_port); start mesoscreen "$product" "$port" "$product_ready" "$set"; sleep "$idle"
      m_ms+=("$ready_ms"); m_rss+=("$(rss "$started_pid")"); stop "$started_pid"
    done
    local fm mm fr mr
    fm=$(printf '%s\n' "${f_ms[@]}" | median); mm=$(printf '%s\n' "${m_ms[@]}" | median)
    fr=$(printf '%s\n' "${f_rss[@]}" | median); mr=$(printf '%s\n' "${m_rss[@]}" | median)
    echo "$label flags: floor ready ms ${f_ms[*]}, RSS MiB ${f_rss[*]} | Mesoscreen ready ms ${m_ms[*]}, RSS MiB ${m_rss[*]}"
    table+="
| ${label}$([ "$label" = dockerfile ] && echo " (\`$set\`)") | $fm ms | $mm ms | **$(ratio "$mm" "$fm")×** | $fr MiB | $mr MiB | **$(ratio "$mr" "$fr")×** |"
  done
  echo
  echo "$table"
  echo "(targets: start-up ≤ 2.0×, idle RSS ≤ 2.0×, both ways)"
}

# wrk_run URL SECONDS CONNECTIONS: prints "requests/s p50_ms p99_ms errors tokens_sent tokens_distinct"
wrk_run() {
  wrk -t1 -c"$3" -d"${2}s" --latency -s $bench/screening.lua "$1" | awk '
    function ms(v) {if (v ~ /us$/) {sub(/us/,"",v); return v/1000} if (v ~ /ms$/) {sub(/ms/,"",v); return v+0} sub(/s$/,"",v); return v*1000}
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=ms($2)}
    /^ +99%/ {p99=ms($2)}
    /Non-2xx/ {err+=$NF}
    /Socket errors/ {gsub(/,/,""); err+=$4+$6+$8+$10}
    /^tokens:/ {sent=$2; distinct=$4}
    END {printf "%d %.2f %.2f %d %d %d\n", rps, p50, p99, err, sent, distinct}'
}

# shape_env SHAPE: the body, language and tokens of a shape, for screening.lua
shape_env() {
  export BENCH_SHAPE=$1 BENCH_LANGUAGE=en
  unset BENCH_TOKENS
  case $1 in
    cds) export BENCH_BODY=$work/cds.json BENCH_TOKENS=$work/ehr/tokens.txt ;;
    *) export BENCH_BODY=$bench/intakes/$1.json ;;
  esac
  case $1 in *-ru) BENCH_LANGUAGE=ru ;; *-tr) BENCH_LANGUAGE=tr ;; esac
}

# answer SHAPE URL: the bytes of one answer (for cds, signed with a fresh token)
answer() {
  local auth=()
  if [ "$1" = cds ]; then tokens 1 "$2" >/dev/null; auth=(-H "Authorization: Bearer $(cat "$work/ehr/tokens.txt")"); fi
  curl -s -H 'Content-Type: application/json' -H "Accept-Language: $BENCH_LANGUAGE" -H "X-Bench-Shape: $1" \
    "${auth[@]}" --data-binary @"$BENCH_BODY" "$2"
}

# make_tokens RATE SECONDS URL: as many tokens as a product round of SECONDS at RATE calls a second needs, and a half more.
make_tokens() {
  local n=$(( $1 * $2 * 3 / 2 + 500 ))
  echo "   $(tokens "$n" "$3")"
}

rows=()
# http_shape SHAPE CONNECTIONS FURL MURL
http_shape() {
  local shape=$1 conns=$2 furl=$3 murl=$4 fbytes mbytes
  shape_env "$shape"
  fbytes=$(answer "$shape" "$furl" | wc -c); mbytes=$(answer "$shape" "$murl" | wc -c)
  echo
  echo "== $shape ($BENCH_BODY, Accept-Language: $BENCH_LANGUAGE): wrk -t1 -c$conns, ${warmup} s warm-up each, $rounds x ${seconds} s alternating"
  echo "answer: Mesoscreen $mbytes bytes, floor $fbytes bytes$([ "$mbytes" = "$fbytes" ] || echo "  (DIFFERENT SIZES: run src/test/bench/run.sh record)")"
  local rate=$cds_rate
  [ "$shape" != cds ] || make_tokens "$rate" "$warmup" "$murl"
  wrk_run "$furl" "$warmup" "$conns" >/dev/null
  read -r mrps _ _ merr msent mdistinct < <(wrk_run "$murl" "$warmup" "$conns")
  if [ "$shape" = cds ]; then
    echo "   warm-up: $mrps calls/s, $merr errors$([ "$msent" -le "$mdistinct" ] || echo ", ran out of tokens: $msent sent, $mdistinct made")"
    # The warm-up runs slower than the rounds (the JIT is still at work): a round gets tokens for the faster of
    # CDS_RATE and every rate seen so far, never fewer.
    [ "$merr" -gt 0 ] || [ "$mrps" -le "$rate" ] || rate=$mrps
  fi
  local tps=() frs=() mrs=() f50s=() m50s=() f99s=() m99s=() ferrs=0 merrs=0 short=""
  for r in $(seq "$rounds"); do
    read -r frps fp50 fp99 ferr _ _ < <(wrk_run "$furl" "$seconds" "$conns")
    [ "$shape" != cds ] || make_tokens "$rate" "$seconds" "$murl"
    read -r mrps mp50 mp99 merr msent mdistinct < <(wrk_run "$murl" "$seconds" "$conns")
    if [ "$shape" = cds ]; then
      [ "$msent" -le "$mdistinct" ] || short=" (ran out of tokens: raise CDS_RATE)"
      # Else refused calls are most likely the replay memory: without Redis a replica keeps at most 100,000
      # jtis, each until a minute after its token expires (about 40 s of calls at 16 connections here).
      [ "$merr" -eq 0 ] || [ -n "$short" ] || short=" (calls refused: the replay memory was full; fewer ROUNDS)"
      [ "$mrps" -le "$rate" ] || rate=$mrps
    fi
    printf 'round %s  floor %6s req/s  p50 %6s ms  p99 %6s ms  errors %s | Mesoscreen %6s req/s  p50 %6s ms  p99 %6s ms  errors %s | throughput %sx  p99 %sx\n' \
      "$r" "$frps" "$fp50" "$fp99" "$ferr" "$mrps" "$mp50" "$mp99" "$merr" "$(ratio "$mrps" "$frps")" "$(ratio "$mp99" "$fp99")"
    tps+=("$(ratio "$mrps" "$frps")"); frs+=("$frps"); mrs+=("$mrps")
    f50s+=("$fp50"); m50s+=("$mp50"); f99s+=("$fp99"); m99s+=("$mp99")
    ferrs=$((ferrs + ferr)); merrs=$((merrs + merr))
  done
  local fr mr f50 m50 f99 m99
  fr=$(printf '%s\n' "${frs[@]}" | median); mr=$(printf '%s\n' "${mrs[@]}" | median)
  f50=$(printf '%s\n' "${f50s[@]}" | median); m50=$(printf '%s\n' "${m50s[@]}" | median)
  f99=$(printf '%s\n' "${f99s[@]}" | median); m99=$(printf '%s\n' "${m99s[@]}" | median)
  rows+=("| $shape | $conns | $mbytes | $fr | $mr | **$(printf '%s\n' "${tps[@]}" | median)×** | $f50 | $m50 | $(ratio "$m50" "$f50")× | $f99 | $m99 | **$(ratio "$m99" "$f99")×** | $ferrs / $merrs$short |")
}

http() {
  echo
  echo "== HTTP: shapes $shapes; JVM flags: $flags_label"
  local fport mport fpid mpid shape
  case " $shapes " in *" cds "*) cds_setup ;; esac
  fport=$(free_port); start floor "$floor" "$fport" "$floor_ready" "$flags"; fpid=$started_pid
  mport=$(free_port); start mesoscreen "$product" "$mport" "$product_ready" "$flags"; mpid=$started_pid
  for shape in $shapes; do
    if [ "$shape" = cds ]; then
      http_shape cds "$connections" "http://127.0.0.1:$fport$cds_path" "http://127.0.0.1:$mport$cds_path"
      [ "$connections" = 16 ] || http_shape cds 16 "http://127.0.0.1:$fport$cds_path" "http://127.0.0.1:$mport$cds_path"
    else
      http_shape "$shape" "$connections" "http://127.0.0.1:$fport/v1/screenings" "http://127.0.0.1:$mport/v1/screenings"
    fi
  done
  echo
  echo "RSS after load: floor $(rss "$fpid") MiB, Mesoscreen $(rss "$mpid") MiB"
  stop "$fpid"; stop "$mpid"
  echo
  echo "Medians of $rounds alternating rounds of ${seconds} s after ${warmup} s of warm-up; latencies in ms; JVM flags: $flags_label; load average $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| shape | connections | answer bytes | floor req/s | Mesoscreen req/s | throughput ratio | floor p50 | Mesoscreen p50 | p50 ratio | floor p99 | Mesoscreen p99 | p99 ratio | errors (floor / Mesoscreen) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo "(targets: every JSON shape ≥ 0.6× the floor with p99 ≤ 2× the floor's; cds p99 < 20 ms at 16 connections)"
}

soak() {
  local total=${SOAK_SECONDS:-300} interval=${SOAK_INTERVAL:-30} port pid done=0
  shape_env "${INTAKE:-findings}"
  echo
  echo "== soak: Mesoscreen alone, $total s of wrk -t1 -c$connections with $BENCH_BODY, RSS every $interval s"
  port=$(free_port); start mesoscreen "$product" "$port" "$product_ready" "$flags"; pid=$started_pid
  echo "t=0 s  RSS $(rss "$pid") MiB"
  local requests=0
  while [ "$done" -lt "$total" ]; do
    read -r rps _ _ err _ _ < <(wrk_run "http://127.0.0.1:$port/v1/screenings" "$interval" "$connections")
    done=$((done + interval)); requests=$((requests + rps * interval))
    echo "t=${done} s  RSS $(rss "$pid") MiB  (~$requests screenings so far, $rps req/s, errors $err)"
  done
  stop "$pid"
}

# Mesoscreen's answer to every shape, as the floor's recordings: after a change of the rules or of an intake.
record() {
  local port pid shape out=$bench/floor/src/main/resources/recorded
  cds_setup
  port=$(free_port); start mesoscreen "$product" "$port" "$product_ready" "$flags"; pid=$started_pid
  for shape in $(cd $bench/intakes && ls *.json | sed 's/\.json$//') cds; do
    shape_env "$shape"
    if [ "$shape" = cds ]; then
      answer cds "http://127.0.0.1:$port$cds_path" >"$out/$shape.json"
    else
      answer "$shape" "http://127.0.0.1:$port/v1/screenings" >"$out/$shape.json"
    fi
    echo "recorded $shape: $(wc -c <"$out/$shape.json") bytes"
  done
  stop "$pid"
  $mvn -B -q -f $bench/floor/pom.xml package
  [ ! -d $bench/floor/target-stack ] || $mvn -B -q -f $bench/floor/pom.xml -Pstack package
}

# identity.py's corpus, the CDS Hooks call included, against PRODUCT_JAR.
identity() {
  local port pid out=${IDENTITY_OUT:-$work/identity.tsv}
  cds_setup
  port=$(free_port); start mesoscreen "$product" "$port" "$product_ready" "$flags"; pid=$started_pid
  tokens 3 "http://127.0.0.1:$port$cds_path" >/dev/null
  BENCH_CDS_TOKENS=$work/ehr/tokens.txt BENCH_CDS_BODY=$work/cds.json $bench/identity.py "http://127.0.0.1:$port" >"$out"
  stop "$pid"
  echo "$(wc -l <"$out") answers of $product: $out ($(grep -c $'\t200\t' "$out") with 200)"
}

case $mode in
  identity) identity ;;
  startup) startup ;;
  http) http ;;
  soak) soak ;;
  record) record ;;
  all) startup; http ;;
  *) echo "usage: $0 [all|startup|http|soak|record|identity]" >&2; exit 2 ;;
esac
