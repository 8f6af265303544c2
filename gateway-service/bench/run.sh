#!/usr/bin/env bash
# Gateway benchmark (issue 15): one constant-JSON backend called, side by side in one run,
#   direct            wrk → backend (nginx; a Reactor Netty trivial server when nginx is not installed)
#   bare              wrk → Spring Cloud Gateway from nothing but its starter, one route (benchmarks/bare-gateway)
#   glasslink         wrk → gateway-service, partner route with an API key (every feature on) → backend
#   glasslink+link    wrk → gateway-service, on-prem route → link simulator (profile zero) → backend
#   fw-*              with LADDER=1, after those: wrk → benchmarks/framework-gateway (the bare gateway's route plus the
#                     framework's own features, one JVM per rung started and stopped in turn: fw-off, fw-metrics,
#                     fw-tracing, fw-security, fw-accesslog, fw-resilience, fw-all) → backend
# Each path is warmed up (WARMUP at 32 connections), then measured with wrk 2 threads / 32 connections and
# 1 thread / 1 connection for DURATION; the CPU time of every process on the path is read from /proc.
# Usage: gateway-service/bench/run.sh   (env: DURATION=10s WARMUP=20s; LADDER=1 adds the fw-* rungs; JFR=1 records both gateways' execution
# samples over the measured runs into the work directory, at some cost to both gateways: the table of record comes
# from a run without it; GATEWAY_JAVA_OPTS for both gateways' JVM flags)
# Needs: JDK 17+, wrk, curl, python3 (nginx-light optional). Builds the jars it lacks, stops all it starts on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
WORK=${BENCH_WORK:-$(mktemp -d)}
JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx512m}
# JFR's first recording in a JVM deoptimises its hot code (4× fewer req/s for half a minute), so with JFR=1 both
# gateways record from their start and the measured windows get a second recording, which costs no deoptimisation
[ "${JFR:-0}" = 1 ] && JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=name=whole,settings=default,maxage=2m"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { for _ in $(seq 1 600); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "not up: $1" >&2; exit 1; }

[ -f gateway-service/target/gateway-service.jar ] || ./mvnw -B -q -o -pl gateway-service package -DskipTests
[ -f infra/link-simulator/target/link-simulator-exec.jar ] || ./mvnw -B -q -o -pl infra/link-simulator package -DskipTests
[ -f benchmarks/bare-gateway/target/bare-gateway.jar ] || ./mvnw -B -q -o -f benchmarks/bare-gateway/pom.xml package
if [ "${LADDER:-0}" = 1 ]; then
  [ -f benchmarks/framework-gateway/target/framework-gateway.jar ] || ./mvnw -B -q -o -f benchmarks/framework-gateway/pom.xml package
  cp benchmarks/framework-gateway/target/framework-gateway.jar "$WORK/"
fi
# private copies: a rebuild during the run cannot change what is measured
cp gateway-service/target/gateway-service.jar infra/link-simulator/target/link-simulator-exec.jar \
  benchmarks/bare-gateway/target/bare-gateway.jar "$WORK/"

BACKEND=$(free_port); BARE=$(free_port); GW=$(free_port); LINK=$(free_port); LINK_CTL=$(free_port)
if command -v nginx > /dev/null || [ -x /usr/sbin/nginx ]; then
  NGINX=$(command -v nginx || echo /usr/sbin/nginx); mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<NGINX
daemon off; worker_processes 1; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;
events {}
http { access_log off; keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$BACKEND; location / { default_type application/json; return 200 '{"status":"ok"}'; }
    location /api/v2/spans { return 202; } } }
NGINX
  "$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & PIDS+=($!); P_BACKEND=$!; BACKEND_NAME=nginx
else
  java -Xmx128m -cp "$WORK/bare-gateway.jar" -Dloader.main=io.glasslink.bench.baregateway.TrivialBackend \
    org.springframework.boot.loader.launch.PropertiesLauncher "$BACKEND" > "$WORK/backend.log" 2>&1 & PIDS+=($!); P_BACKEND=$!
  BACKEND_NAME="reactor-netty"
fi

SERVER_PORT=$BARE BACKEND_URL=http://127.0.0.1:$BACKEND \
  java $JAVA_OPTS -jar "$WORK/bare-gateway.jar" > "$WORK/bare.log" 2>&1 & PIDS+=($!); P_BARE=$!
LINK_PROFILE=zero LINK_CONTROL_PORT=$LINK_CTL LINK_SUPPLY_CHAIN_LISTEN_PORT=$LINK LINK_SUPPLY_CHAIN_UPSTREAM=127.0.0.1:$BACKEND \
LINK_PLANNING_LISTEN_PORT=$(free_port) LINK_PLANNING_UPSTREAM=127.0.0.1:$BACKEND LINK_BIND_HOST=127.0.0.1 \
  java -Xmx256m -jar "$WORK/link-simulator-exec.jar" > "$WORK/link.log" 2>&1 & PIDS+=($!); P_LINK=$!
# the gateway's spans go to the backend, which takes them as Zipkin would (202): their encoding and sending are measured
SERVER_PORT=$GW BOOKING_WEB_URL=http://127.0.0.1:$BACKEND SUPPLY_CHAIN_URL=http://127.0.0.1:$LINK \
LINK_CONTROL_URL=http://127.0.0.1:$LINK_CTL PARTNER_INSURER_1_RATE_LIMIT=1000000000 ZIPKIN_ENDPOINT=http://127.0.0.1:$BACKEND/api/v2/spans \
  java $JAVA_OPTS -jar "$WORK/gateway-service.jar" > "$WORK/gateway.log" 2>&1 & PIDS+=($!); P_GW=$!

wait_http "http://127.0.0.1:$BACKEND/"; wait_http "http://127.0.0.1:$BARE/"; wait_http "http://127.0.0.1:$LINK_CTL/state"
wait_http "http://127.0.0.1:$GW/actuator/health"

declare -A URL HDR PROCS # PROCS: name=pid of each process a request crosses
CASES=(direct bare glasslink glasslink+link)
URL[direct]=http://127.0.0.1:$BACKEND/api/v1/ping;                       HDR[direct]="X-Bench: 1"
URL[bare]=http://127.0.0.1:$BARE/api/v1/ping;                            HDR[bare]="X-Bench: 1"
URL[glasslink]=http://127.0.0.1:$GW/api/v1/ping;                          HDR[glasslink]="X-API-Key: dev-partner-key-1"
URL[glasslink+link]=http://127.0.0.1:$GW/onprem/supply-chain/api/v1/ping; HDR[glasslink+link]="X-API-Key: dev-booking-web-key"
PROCS[direct]="backend=$P_BACKEND"; PROCS[bare]="gateway=$P_BARE backend=$P_BACKEND"
PROCS[glasslink]="gateway=$P_GW backend=$P_BACKEND"; PROCS[glasslink+link]="gateway=$P_GW link=$P_LINK backend=$P_BACKEND"
# measure CASE conns: wrk at that many connections for DURATION, with the CPU ticks of the case's processes around it
measure() {
  local threads; threads=$([ "$2" = 1 ] && echo 1 || echo 2)
  echo "$(ticks "${PROCS[$1]}")" > "$WORK/$1-$2.cpu0"
  wrk -t"$threads" -c"$2" -d"$DURATION" --latency -H "${HDR[$1]}" "${URL[$1]}" > "$WORK/$1-$2.txt"
  echo "$(ticks "${PROCS[$1]}")" > "$WORK/$1-$2.cpu1"
}
# CPU ticks of a process and its children (nginx answers in its worker, a child of the master started here)
ticks() { for p in $1; do local t=0; for q in ${p#*=} $(pgrep -P "${p#*=}" || true); do t=$((t + $(awk '{print $14+$15}' "/proc/$q/stat"))); done
  echo -n "${p%%=*}=$t "; done; }

for c in "${CASES[@]}"; do # every path answers 200, then warms the JITs of its processes
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "${HDR[$c]}" "${URL[$c]}")
  [ "$code" = 200 ] || { echo "$c answers $code, not 200" >&2; exit 1; }
  wrk -t2 -c32 -d"$WARMUP" -H "${HDR[$c]}" "${URL[$c]}" > /dev/null
done
if [ "${JFR:-0}" = 1 ]; then # execution samples of both gateways over the measured runs only (not start-up, not warm-up)
  jcmd "$P_BARE" JFR.start name=bench settings=default > /dev/null; jcmd "$P_GW" JFR.start name=bench settings=default > /dev/null
fi
for conns in 32 1; do
  for c in "${CASES[@]}"; do measure "$c" "$conns"; done
done

if [ "${JFR:-0}" = 1 ]; then
  jcmd "$P_BARE" JFR.dump name=bench filename="$WORK/bare.jfr" > /dev/null; jcmd "$P_GW" JFR.dump name=bench filename="$WORK/gateway.jfr" > /dev/null
  echo "flight recordings: $WORK/bare.jfr $WORK/gateway.jfr (jfr print --events jdk.ExecutionSample ...)"
fi
RUNGS=()
if [ "${LADDER:-0}" = 1 ]; then # the framework's features one by one, each rung alone on the machine with the backend
  declare -A FEATURE=([fw-off]="" [fw-metrics]=FEATURE_METRICS [fw-tracing]=FEATURE_TRACING [fw-security]=FEATURE_SECURITY
    [fw-accesslog]=FEATURE_ACCESSLOG [fw-resilience]=FEATURE_RESILIENCE [fw-all]=FEATURE_ALL)
  for c in fw-off fw-metrics fw-tracing fw-security fw-accesslog fw-resilience fw-all; do
    port=$(free_port); mkdir -p "$WORK/$c" # its working directory: fw-accesslog's and fw-all's access.log
    (cd "$WORK/$c" && exec env ${FEATURE[$c]:+${FEATURE[$c]}=true} SERVER_PORT=$port BACKEND_URL=http://127.0.0.1:$BACKEND \
      ZIPKIN_ENDPOINT=http://127.0.0.1:$BACKEND/api/v2/spans java $JAVA_OPTS -jar "$WORK/framework-gateway.jar" > "$WORK/$c.log" 2>&1) &
    P_RUNG=$!; PIDS+=($P_RUNG)
    URL[$c]=http://127.0.0.1:$port/api/v1/ping; HDR[$c]="X-API-Key: bench-key"; PROCS[$c]="gateway=$P_RUNG backend=$P_BACKEND"
    wait_http "${URL[$c]}"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "${HDR[$c]}" "${URL[$c]}")
    [ "$code" = 200 ] || { echo "$c answers $code, not 200" >&2; exit 1; }
    if [ "$c" = fw-security ] || [ "$c" = fw-all ]; then # its API-key check is really on
      code=$(curl -s -o /dev/null -w '%{http_code}' "${URL[$c]}")
      [ "$code" = 401 ] || { echo "$c answers $code without an API key, not 401" >&2; exit 1; }
    fi
    wrk -t2 -c32 -d"$WARMUP" -H "${HDR[$c]}" "${URL[$c]}" > /dev/null
    [ "${JFR:-0}" = 1 ] && jcmd "$P_RUNG" JFR.start name=bench settings=default > /dev/null
    measure "$c" 32; measure "$c" 1
    [ "${JFR:-0}" = 1 ] && jcmd "$P_RUNG" JFR.dump name=bench filename="$WORK/$c.jfr" > /dev/null
    kill "$P_RUNG"; wait "$P_RUNG" 2>/dev/null || true
    RUNGS+=("$c")
  done
  echo "ladder: fw-* logs, access logs (fw-*/access.log) and flight recordings (JFR=1) in $WORK"
fi
echo "backend: $BACKEND_NAME; $(nproc) cores; work dir $WORK; load at the end: $(uptime)"
python3 - "$WORK" "$(getconf CLK_TCK)" "${CASES[@]}" ${RUNGS[@]+"${RUNGS[@]}"} <<'PY'
import re, sys
work, hz, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def ms(v):
    n, u = float(re.match(r"[\d.]+", v).group()), re.search(r"[a-z]+$", v).group()
    return n * {"us": 0.001, "ms": 1, "s": 1000}[u]
def cpu(case, conns, requests):
    a = dict(kv.split("=") for kv in open(f"{work}/{case}-{conns}.cpu0").read().split())
    b = dict(kv.split("=") for kv in open(f"{work}/{case}-{conns}.cpu1").read().split())
    return {k: (int(b[k]) - int(a[k])) * 1000 / hz / max(requests, 1) for k in a}
def parse(case, conns):
    t = open(f"{work}/{case}-{conns}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", t).group(1)); p99 = ms(re.search(r"\s99%\s+(\S+)", t).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    requests = int(re.search(r"(\d+) requests in", t).group(1))
    return rps, p50, p99, int(bad.group(1)) if bad else 0, cpu(case, conns, requests)
print("| path | req/s (32 conns) | × bare | p50 (1 conn) | +p50 vs bare | p99 (1 conn) | non-2xx | CPU ms/req at 32 conns (per process) |")
print("|---|---|---|---|---|---|---|---|")
bare32, bare1 = parse("bare", 32), parse("bare", 1)
for c in cases:
    r32, r1 = parse(c, 32), parse(c, 1)
    procs = ", ".join(f"{k} {v:.3f}" for k, v in r32[4].items())
    print(f"| {c} | {r32[0]:,.0f} | {r32[0] / bare32[0]:.2f} | {r1[1]:.3f} ms | {r1[1] - bare1[1]:+.3f} ms | {r1[2]:.3f} ms | {r32[3] + r1[3]} | {procs} |")
PY
