#!/usr/bin/env bash
# Gateway benchmark (issue 5, "Performance"): the same trivial on-prem-like endpoint called
#   1. directly,
#   2. through the gateway with no link (partner API route),
#   3. through the gateway and the link simulator at 0 latency (profile "zero"),
#   4. through the gateway and the link simulator with the Direct Connect profile ("dx"),
#   5. directly through the link simulator with the DX profile (no gateway: the link's own RTT),
#   6. through a bare Spring Cloud Gateway (same jars, one route, none of glasslink's filters, no
#      tracing, no gateway metrics: bench/BareGateway.java) — what the framework alone costs here,
# each with wrk at 32 connections (2 threads) and at 1 connection, and prints one table.
# Usage: gateway-service/bench/run.sh   (env: DURATION=12s WARMUP=15s)
# Needs: a JDK 17+, wrk (apt-get install -y wrk), curl, python3. Starts and stops everything itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-12s}
WARMUP=${WARMUP:-15s}
WORK=${BENCH_WORK:-$(mktemp -d)}
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "not up: $1" >&2; exit 1; }

GATEWAY_JAR=gateway-service/target/gateway-service.jar
# a private copy, so that a rebuild of the link simulator during the run cannot break it
LINK_JAR=$WORK/link-simulator-exec.jar
cp "$(ls ~/.m2/repository/io/glasslink/link-simulator/0.1.0-SNAPSHOT/link-simulator-0.1.0-SNAPSHOT-exec.jar 2>/dev/null \
  || ls infra/link-simulator/target/link-simulator-exec.jar)" "$LINK_JAR"
[ -f "$GATEWAY_JAR" ] || ./mvnw -B -q -f gateway-service/pom.xml package -DskipTests
cp "$GATEWAY_JAR" "$WORK/gateway-service.jar"; GATEWAY_JAR=$WORK/gateway-service.jar

SERVER=$(free_port); GW=$(free_port); BARE=$(free_port)
java -Xmx256m -Dsun.net.httpserver.nodelay=true gateway-service/bench/TrivialServer.java "$SERVER" > "$WORK/server.log" 2>&1 & PIDS+=($!); P_SERVER=$!

start_link() { # name profile listen-port control-port
  LINK_PROFILE=$2 LINK_CONTROL_PORT=$4 LINK_SUPPLY_CHAIN_LISTEN_PORT=$3 LINK_SUPPLY_CHAIN_UPSTREAM=127.0.0.1:$SERVER \
  LINK_PLANNING_LISTEN_PORT=$(free_port) LINK_PLANNING_UPSTREAM=127.0.0.1:$SERVER LINK_BIND_HOST=127.0.0.1 \
    java -Xmx256m -jar "$LINK_JAR" > "$WORK/link-$1.log" 2>&1 & PIDS+=($!); eval "P_LINK_$1=$!"
}
ZERO=$(free_port); ZERO_CTL=$(free_port); DX=$(free_port); DX_CTL=$(free_port)
start_link zero zero "$ZERO" "$ZERO_CTL"
start_link dx dx "$DX" "$DX_CTL"

SERVER_PORT=$GW BOOKING_WEB_URL=http://127.0.0.1:$SERVER SUPPLY_CHAIN_URL=http://127.0.0.1:$ZERO \
PLANNING_URL=http://127.0.0.1:$DX PARTNER_INSURER_1_RATE_LIMIT=1000000000 LINK_CONTROL_URL=http://127.0.0.1:$DX_CTL \
  java -Xmx512m -jar "$GATEWAY_JAR" > "$WORK/gateway.log" 2>&1 & PIDS+=($!); P_GW=$!

# the bare gateway runs on the gateway jar's own libraries
java -Djarmode=tools -jar "$GATEWAY_JAR" extract --destination "$WORK/extracted" > /dev/null
javac -d "$WORK/bare" -cp "$WORK/extracted/lib/*" gateway-service/bench/BareGateway.java
java -Xmx512m -cp "$WORK/bare:$WORK/extracted/lib/*" BareGateway --server.port="$BARE" --logging.level.root=warn \
  --spring.cloud.gateway.server.webflux.routes[0].id=bare --spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$SERVER \
  "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**" \
  --management.tracing.enabled=false --spring.cloud.gateway.server.webflux.metrics.enabled=false > "$WORK/bare.log" 2>&1 & PIDS+=($!); P_BARE=$!

wait_http "http://127.0.0.1:$BARE/api/v1/ping"; wait_http "http://127.0.0.1:$ZERO_CTL/actuator/health"; wait_http "http://127.0.0.1:$DX_CTL/actuator/health"
wait_http "http://127.0.0.1:$GW/actuator/health"; sleep 1

declare -A URL HDR PATHPIDS # PATHPIDS: the processes a request crosses (their CPU time is counted per request)
PATHPIDS[direct]="$P_SERVER"; PATHPIDS[bare-scg]="$P_BARE $P_SERVER"; PATHPIDS[gateway]="$P_GW $P_SERVER"
PATHPIDS[gateway+link-zero]="$P_GW $P_LINK_zero $P_SERVER"; PATHPIDS[gateway+link-dx]="$P_GW $P_LINK_dx $P_SERVER"
PATHPIDS[link-dx]="$P_LINK_dx $P_SERVER"
ticks() { local t=0; for p in $1; do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo $t; }
CASES=(direct bare-scg gateway gateway+link-zero gateway+link-dx link-dx)
URL[direct]=http://127.0.0.1:$SERVER/api/v1/ping;                            HDR[direct]="X-Bench: 1"
URL[bare-scg]=http://127.0.0.1:$BARE/api/v1/ping;                           HDR[bare-scg]="X-Bench: 1"
URL[gateway]=http://127.0.0.1:$GW/api/v1/ping;                               HDR[gateway]="X-API-Key: dev-partner-key-1"
URL[gateway+link-zero]=http://127.0.0.1:$GW/onprem/supply-chain/api/v1/ping; HDR[gateway+link-zero]="X-API-Key: dev-booking-web-key"
URL[gateway+link-dx]=http://127.0.0.1:$GW/onprem/planning/api/v1/ping;       HDR[gateway+link-dx]="X-API-Key: dev-booking-web-key"
URL[link-dx]=http://127.0.0.1:$DX/api/v1/ping;                               HDR[link-dx]="X-Bench: 1"

for c in "${CASES[@]}"; do # warm up the JITs of every process on the path
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "${HDR[$c]}" "${URL[$c]}")" = 200 ] || { echo "$c does not answer 200" >&2; exit 1; }
  wrk -t2 -c32 -d"$WARMUP" -H "${HDR[$c]}" "${URL[$c]}" > /dev/null
done
for conns in 32 1; do
  threads=$([ "$conns" = 1 ] && echo 1 || echo 2)
  for c in "${CASES[@]}"; do
    before=$(ticks "${PATHPIDS[$c]}")
    wrk -t"$threads" -c"$conns" -d"$DURATION" --latency -H "${HDR[$c]}" "${URL[$c]}" > "$WORK/$c-$conns.txt"
    echo "$(( $(ticks "${PATHPIDS[$c]}") - before )) $(getconf CLK_TCK)" > "$WORK/$c-$conns.cpu"
  done
done

python3 - "$WORK" "${CASES[@]}" <<'PY'
import re, sys
work, cases = sys.argv[1], sys.argv[2:]
def ms(v):
    n, u = float(re.match(r"[\d.]+", v).group()), re.search(r"[a-z]+$", v).group()
    return n * {"us": 0.001, "ms": 1, "s": 1000}[u]
def parse(case, conns):
    t = open(f"{work}/{case}-{conns}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", t).group(1)); p99 = ms(re.search(r"\s99%\s+(\S+)", t).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    requests = int(re.search(r"(\d+) requests in", t).group(1))
    ticks, hz = map(int, open(f"{work}/{case}-{conns}.cpu").read().split())
    return rps, p50, p99, int(errors.group(1)) if errors else 0, ticks * 1000 / hz / max(requests, 1)
print("| case | conns | req/s | x direct | p50 ms | +p50 vs direct ms | p99 ms | non-2xx | CPU ms/req on the path |")
print("|---|---|---|---|---|---|---|---|---|")
for conns in (32, 1):
    base = parse("direct", conns)
    for c in cases:
        rps, p50, p99, err, cpu = parse(c, conns)
        print(f"| {c} | {conns} | {rps:,.0f} | {rps / base[0]:.2f} | {p50:.3f} | {p50 - base[1]:+.3f} | {p99:.3f} | {err} | {cpu:.3f} |")
PY
