#!/usr/bin/env bash
# DataSense benchmarks, run on demand (not part of the test suite). See docs/BENCHMARKS.md.
#
#   bash bench/run.sh [cache-hit|cold|all]          (default: all; cold: upload and cold questions against DuckDB,
#                                   on the fresh node and again after BENCH_WARM_ASKS (160) questions warmed its JIT)
#   bash bench/run.sh metrics-overhead   cache hits on two nodes at once, metrics and the request log off
#                                   (DATASENSE_METRICS=false DATASENSE_REQUEST_LOG=false) and on, measured in
#                                   alternating rounds (BENCH_ROUNDS, default 4, of BENCH_DURATION s); to see one of
#                                   the two alone, leave the other off on the "on" node: BENCH_ON_METRICS=false or
#                                   BENCH_ON_REQUEST_LOG=false
#   bash bench/run.sh auth-overhead      the same with DATASENSE_AUTH=none against required (a JWT per request)
#   BENCH_BASE_JAR=<jar> bash bench/run.sh builds   the same cache hits on two builds at once: "off" is the
#                                   base jar (e.g. an older commit's), "on" this one (BENCH_JAR); same settings
#   bash bench/run.sh planning      offline planner speed alone (needs only the compiled agent-graph and tools
#                                   classes: mvn -q -o install -DskipTests; no node, no wrk)
#   bash bench/run.sh page          the dashboard in headless Chromium: page weight, Enter to the first step event
#                                   and to the answer (cold and cached), a board of 8 tiles on a 1M-row file
#                                   (verticles/src/test/java/datasense/DashboardBench.java through failsafe; needs
#                                   chromium and chromium-driver; builds its modules in the reactor (-am); no wrk)
#   bash bench/run.sh [redis-cache-hit|scale-out|failover|infra]   Redis cache hits, tools-node scale-out, failover
#                                   (infra: all three; ~7 min); their settings: the comment above each scenario
#
# Expects the built jar (mvn -B -q -o -DskipTests package -> verticles/target/datasense.jar); builds nothing.
# Each scenario starts its own fresh node (port $BENCH_PORT, default 18080, data in a temporary folder under
# /tmp) and stops it on exit. Raw outputs are kept in $BENCH_OUT (default /tmp/datasense-bench-<time>).
#
# Settings (environment): BENCH_JAR (the jar to run, default the built one), BENCH_PORT (18080), BENCH_OUT, BENCH_DURATION (20, seconds of the measured wrk run),
# BENCH_WARMUP (10, seconds of the JIT warm-up wrk run), BENCH_THREADS (2), BENCH_CONNECTIONS (100),
# BENCH_ROWS (1000000, rows of the cold CSV), BENCH_JAVA_OPTS (extra JVM options for the node).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BENCH_LIB="$ROOT/bench"   # python helpers of the summaries (wrk_report.py)
JAR="${BENCH_JAR:-$ROOT/verticles/target/datasense.jar}"   # BENCH_JAR: another build, e.g. an older commit to compare
# the bench's own Java helpers (generators, DuckDB references) always run on this tree's build, whatever BENCH_JAR is
HELPER_JAR="$ROOT/verticles/target/datasense.jar"
PORT="${BENCH_PORT:-18080}"
BASE="http://localhost:$PORT"
DURATION="${BENCH_DURATION:-20}"
WARMUP="${BENCH_WARMUP:-10}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-100}"
ROWS="${BENCH_ROWS:-1000000}"
OUT="${BENCH_OUT:-/tmp/datasense-bench-$(date +%Y%m%d-%H%M%S)}"
SCENARIO="${1:-all}"

NODE_PID=""
OTHER_PID=""
SAMPLER_PID=""
WORK=""

die() { echo "bench: $*" >&2; exit 1; }

case "$SCENARIO" in
    cache-hit|cold|all|planning|page|redis-cache-hit|scale-out|failover|infra|metrics-overhead|auth-overhead|builds) ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown scenario '$SCENARIO' (use cache-hit, cold, all, planning, redis-cache-hit, scale-out, failover, infra, metrics-overhead, auth-overhead or builds)" ;;
esac

# ---- scenario: offline planning speed (no node; runs before the node prerequisites) -----------------------
if [[ "$SCENARIO" == planning ]]; then
    CP_FILE="$(mktemp /tmp/datasense-bench-cp.XXXXXX)"
    # packaged in the same reactor run, so tools resolves from its own target/ (nothing installed in ~/.m2)
    (cd "$ROOT" && mvn -o -q -pl tools,agent-graph -DskipTests package dependency:build-classpath \
        -Dmdep.outputFile="$CP_FILE" >/dev/null) \
        || die "could not build tools and agent-graph or resolve their classpath offline"
    echo "== planning: java -cp <classpath> bench/PlanningBench.java ${BENCH_ROUNDS:-300}"
    java -cp "$(cat "$CP_FILE"):$ROOT/agent-graph/target/classes:$ROOT/tools/target/classes" \
        "$ROOT/bench/PlanningBench.java" "${BENCH_ROUNDS:-300}"
    rm -f "$CP_FILE"
    exit 0
fi

# ---- scenario: the dashboard page in a real browser (no node of its own here: the bench class starts one) ------
if [[ "$SCENARIO" == page ]]; then
    [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] \
        || die "chromium and chromium-driver are missing; install them with: apt-get install -y chromium chromium-driver"
    mkdir -p "$OUT"
    echo "== page: mvn -B -o verify -pl verticles -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.failIfNoSpecifiedTests=false -Dit.test=DashboardBench" \
        "-Dbench.reps=${BENCH_REPS:-9} -Dbench.askRows=${BENCH_ASK_ROWS:-100000} -Dbench.boardRows=$ROWS"
    (cd "$ROOT" && mvn -B -o verify -pl verticles -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.failIfNoSpecifiedTests=false -Dit.test=DashboardBench \
        -Dbench.reps="${BENCH_REPS:-9}" -Dbench.askRows="${BENCH_ASK_ROWS:-100000}" -Dbench.boardRows="$ROWS" \
        >"$OUT/page-mvn.log" 2>&1) || { tail -40 "$OUT/page-mvn.log"; die "the page benchmark failed; see $OUT/page-mvn.log"; }
    cp "$ROOT/verticles/target/bench/dashboard-page.txt" "$OUT/"
    cat "$OUT/dashboard-page.txt"
    exit 0
fi

# ---- prerequisites (checked, never installed) --------------------------------------------------------------
command -v wrk >/dev/null || die "wrk is not installed; install it with: apt-get update && apt-get install -y wrk"
for tool in java jstat curl python3 getconf; do
    command -v "$tool" >/dev/null || die "$tool is required but not on PATH"
done
[[ -f "$JAR" ]] || die "$JAR is missing; build it first: cd $ROOT && mvn -B -q -o -DskipTests package"
if curl -s -o /dev/null --max-time 1 "$BASE/health"; then
    die "something already answers on port $PORT; stop it or set BENCH_PORT"
fi

WORK="$(mktemp -d /tmp/datasense-bench-work.XXXXXX)"
mkdir -p "$OUT"
CLK_TCK="$(getconf CLK_TCK)"

cleanup() {
    local rc=$?
    [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
    stop_node
    [[ -n "$OTHER_PID" ]] && kill "$OTHER_PID" 2>/dev/null || true
    declare -F infra_cleanup >/dev/null && infra_cleanup
    [[ -n "$WORK" && -d "$WORK" ]] && rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- node lifecycle --------------------------------------------------------------------------------------
start_node() { # $1: name of the run (log file, data folder)
    local name="$1"
    # generated boards off: their questions, asked after an upload, would warm the cache a cold benchmark measures
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    DATASENSE_PORT="$PORT" DATASENSE_DATA_DIR="$WORK/data-$name" DATASENSE_GENERATED_BOARDS=false \
        java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$OUT/node-$name.log" 2>&1 &
    NODE_PID=$!
    local i
    for i in $(seq 1 120); do
        kill -0 "$NODE_PID" 2>/dev/null || die "the node exited during start; see $OUT/node-$name.log"
        if curl -sf -o /dev/null --max-time 1 "$BASE/health"; then
            echo "node started (pid $NODE_PID, port $PORT, log $OUT/node-$name.log)"
            return 0
        fi
        sleep 0.5
    done
    die "the node did not answer /health within 60 s; see $OUT/node-$name.log"
}

stop_node() {
    if [[ -n "$NODE_PID" ]] && kill -0 "$NODE_PID" 2>/dev/null; then
        kill "$NODE_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do
            kill -0 "$NODE_PID" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$NODE_PID" 2>/dev/null || true
        wait "$NODE_PID" 2>/dev/null || true
    fi
    NODE_PID=""
}

# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat; the command name in
# field 2 may hold spaces, so count from after its closing parenthesis)
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# busy and total ticks of the whole machine (first line of /proc/stat)
machine_ticks() { awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6 }' /proc/stat; }

ask() { # $1: file id, $2: question; prints the body, then a tab and curl's time_total
    local body
    body="$(python3 -c 'import json,sys; print(json.dumps({"file_id": sys.argv[1], "question": sys.argv[2]}))' "$1" "$2")"
    curl -s -X POST "$BASE/ask" -H 'Content-Type: application/json' -d "$body" -w '\t%{time_total}'
}

verdict() { # $1: measured, $2: comparison (lt|ge), $3: target
    python3 -c 'import sys; m, op, t = float(sys.argv[1]), sys.argv[2], float(sys.argv[3]); print("meets" if (m < t if op == "lt" else m >= t) else "MISSES")' "$1" "$2" "$3"
}

# ---- scenario 1: cache hits ---------------------------------------------------------------------------
cache_hit() {
    echo "== cache-hit: POST /ask on the sample dataset, answered from the cache"
    start_node cache-hit
    local warm
    warm="$(ask f_abc123 'total sales by region')"
    [[ "$warm" == *'"cached":false'* ]] || die "the warming /ask did not run a job: ${warm:0:300}"
    warm="$(ask f_abc123 'total sales by region')"
    [[ "$warm" == *'"cached":true'* ]] || die "the second /ask was not a cache hit: ${warm:0:300}"
    echo "cached reply: $(printf '%s' "${warm%$'\t'*}" | wc -c) bytes"

    echo "JIT warm-up (not measured): wrk -t$THREADS -c$CONNECTIONS -d${WARMUP}s --latency -s bench/ask.lua $BASE/ask"
    wrk "-t$THREADS" "-c$CONNECTIONS" "-d${WARMUP}s" --latency -s "$ROOT/bench/ask.lua" "$BASE/ask" >"$OUT/wrk-warmup.txt"
    grep -E 'Requests/sec|requests in' "$OUT/wrk-warmup.txt" | sed 's/^/  warm-up: /'

    echo "measured: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s bench/ask.lua $BASE/ask"
    local t0 t1 m0 m1
    t0="$(cpu_ticks "$NODE_PID")"; m0="$(machine_ticks)"
    wrk "-t$THREADS" "-c$CONNECTIONS" "-d${DURATION}s" --latency -s "$ROOT/bench/ask.lua" "$BASE/ask" | tee "$OUT/wrk-cache-hit.txt"
    t1="$(cpu_ticks "$NODE_PID")"; m1="$(machine_ticks)"
    stop_node

    python3 - "$OUT/wrk-cache-hit.txt" "$t0" "$t1" "$m0" "$m1" "$CLK_TCK" <<'PY' | tee "$OUT/cache-hit-summary.txt"
import re, sys
text = open(sys.argv[1]).read()
t0, t1, tck = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[6])
mb0, mt0 = map(int, sys.argv[4].split()); mb1, mt1 = map(int, sys.argv[5].split())
sys.path.insert(0, __import__("os").environ["BENCH_LIB"])
from wrk_report import parse
w = parse(text)
rps, requests, secs, p50, p99, non2xx, errors = (w[k] for k in ("rps", "requests", "secs", "p50", "p99", "non2xx", "errors"))
node_cpu_s = (t1 - t0) / tck
us_per_req = node_cpu_s * 1e6 / requests
machine_busy = (mb1 - mb0) / (mt1 - mt0)  # fraction of all cores busy during the run
ncpu = __import__("os").cpu_count()
node_cores = node_cpu_s / secs
def verdict(ok): return "meets" if ok else "MISSES"
print("-- cache-hit figures")
print(f"requests/s          {rps:,.0f}   (target >= 30,000: {verdict(rps >= 30000)})")
print(f"p50 latency         {p50:.2f} ms")
print(f"p99 latency         {p99:.2f} ms   (target < 10 ms: {verdict(p99 < 10)})")
print(f"non-2xx responses   {non2xx}" + (f"; socket errors: {errors.group(1)}" if errors else "; no socket errors"))
print(f"node CPU            {node_cpu_s:.2f} s over {requests:,} requests = {us_per_req:.1f} us/request   (target < 35 us: {verdict(us_per_req < 35)})")
print(f"cores busy          node {node_cores:.2f} of {ncpu}; whole machine {machine_busy * ncpu:.2f} of {ncpu} (the rest is mostly wrk and the kernel)")
PY
}

# ---- metrics overhead: the cache-hit path with metrics off and on, in the same run ----------------------------
# Two nodes at once (PORT: DATASENSE_METRICS=false, PORT+1: true), each warmed like cache-hit, then rounds of wrk
# alternating between them, so both see the same background load; node CPU per request from /proc per round.
# ab_overhead NAME TARGET OFF_ENV ON_ENV: cache-hit /ask on two nodes at once, the "off" node on $PORT and the "on"
# node on $PORT+1, each started with its settings (space-separated VAR=value), in alternating wrk rounds; the
# node CPU per request of each, and on/off. ASK_AUTHORIZATION (read by ask.lua) is sent to the "on" node only.
ab_overhead() {
    local name="$1" target="$2" off_env="$3" on_env="$4"
    echo "== $name: cache-hit /ask, [$off_env] (port $PORT) against [$on_env] (port $((PORT + 1)))"
    local rounds="${BENCH_ROUNDS:-4}" on_port=$((PORT + 1)) off_pid on_pid i
    # shellcheck disable=SC2086 # the settings are a list of VAR=value words
    env $off_env DATASENSE_PORT="$PORT" DATASENSE_DATA_DIR="$WORK/data-$name-off" \
        java ${BENCH_JAVA_OPTS:-} -jar "${OFF_JAR:-$JAR}" >"$OUT/node-$name-off.log" 2>&1 &
    off_pid=$!
    NODE_PID="$off_pid"
    # shellcheck disable=SC2086
    env $on_env DATASENSE_PORT="$on_port" DATASENSE_DATA_DIR="$WORK/data-$name-on" \
        java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$OUT/node-$name-on.log" 2>&1 &
    on_pid=$!
    OTHER_PID="$on_pid"
    local port pid
    for port in "$PORT" "$on_port"; do
        for i in $(seq 1 120); do
            curl -sf -o /dev/null --max-time 1 "http://localhost:$port/health" && break
            kill -0 "$off_pid" 2>/dev/null && kill -0 "$on_pid" 2>/dev/null || die "a node exited during start; see $OUT/node-$name-*.log"
            sleep 0.5
        done
    done
    local auth_on="${ASK_AUTHORIZATION:-}"
    for port in "$PORT" "$on_port"; do
        local header=()
        [[ "$port" == "$on_port" && -n "$auth_on" ]] && header=(-H "Authorization: $auth_on")
        for i in 1 2; do
            curl -s -X POST "http://localhost:$port/ask" -H 'Content-Type: application/json' "${header[@]}" \
                -d '{"file_id":"f_abc123","question":"total sales by region"}' -o /dev/null
        done
        ASK_AUTHORIZATION="$([[ "$port" == "$on_port" ]] && echo "$auth_on")" \
            wrk "-t$THREADS" "-c$CONNECTIONS" "-d${WARMUP}s" -s "$ROOT/bench/ask.lua" "http://localhost:$port/ask" >"$OUT/wrk-warmup-$port.txt"
    done
    : >"$OUT/rounds.tsv"
    local r mode t0 t1 auth
    for r in $(seq 1 "$rounds"); do
        for mode in off on; do
            if [[ "$mode" == off ]]; then port="$PORT"; pid="$off_pid"; auth=""; else port="$on_port"; pid="$on_pid"; auth="$auth_on"; fi
            t0="$(cpu_ticks "$pid")"
            ASK_AUTHORIZATION="$auth" wrk "-t$THREADS" "-c$CONNECTIONS" "-d${DURATION}s" --latency -s "$ROOT/bench/ask.lua" \
                "http://localhost:$port/ask" >"$OUT/wrk-$mode-$r.txt"
            t1="$(cpu_ticks "$pid")"
            printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$mode" "$t0" "$t1" "$OUT/wrk-$mode-$r.txt" >>"$OUT/rounds.tsv"
        done
    done
    python3 - "$OUT/rounds.tsv" "$CLK_TCK" "$target" <<'PY' | tee "$OUT/$name-summary.txt"
import statistics, sys, os
sys.path.insert(0, os.environ["BENCH_LIB"])
from wrk_report import parse
tck = int(sys.argv[2])
per = {"off": [], "on": []}
print("round mode  requests/s  p99 ms  non-2xx  node us/request")
for line in open(sys.argv[1]):
    r, mode, t0, t1, path = line.rstrip("\n").split("\t")
    w = parse(open(path).read())
    us = (int(t1) - int(t0)) / tck * 1e6 / w["requests"]
    per[mode].append(us)
    print(f"{r:>5} {mode:4} {w['rps']:>11,.0f} {w['p99']:>7.2f} {w.get('non2xx', 0):>8} {us:>16.1f}")
off, on = statistics.median(per["off"]), statistics.median(per["on"])
target = "" if sys.argv[3] == "-" else f"; target within +{sys.argv[3]}%"
print(f"median node CPU per request: off {off:.1f} us, on {on:.1f} us: on/off = {on / off:.3f} ({(on / off - 1) * 100:+.1f}%{target})")
PY
}

metrics_overhead() {
    ab_overhead metrics-overhead 15 "DATASENSE_METRICS=false DATASENSE_REQUEST_LOG=false" "DATASENSE_METRICS=${BENCH_ON_METRICS:-true} DATASENSE_REQUEST_LOG=${BENCH_ON_REQUEST_LOG:-true}"
    curl -s "http://localhost:$((PORT + 1))/metrics" | grep -c '^vertx_http_server_requests_total' \
        | sed 's/^/metrics-on node: series vertx_http_server_requests_total: /'
}

# builds: the same cache hit on two builds, BENCH_BASE_JAR ("off") against this one ("on"), no setting changed.
builds() {
    [[ -f "${BENCH_BASE_JAR:-}" ]] || die "set BENCH_BASE_JAR to the jar of the build to compare with"
    OFF_JAR="$BENCH_BASE_JAR" ab_overhead builds - "DATASENSE_METRICS=true" "DATASENSE_METRICS=true"
}

# auth-overhead: the same cache hit with DATASENSE_AUTH=none against required, a JWT verified on every request.
auth_overhead() {
    local secret
    secret="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    local token
    token="$(DATASENSE_AUTH=required DATASENSE_JWT_SECRET="$secret" java -jar "$JAR" token --tenant default --ttl 2h)"
    ASK_AUTHORIZATION="Bearer $token" ab_overhead auth-overhead 20 "DATASENSE_AUTH=none" \
        "DATASENSE_AUTH=required DATASENSE_JWT_SECRET=$secret"
}

# ---- scenario 2: upload and cold questions on a 1M-row file, side by side with DuckDB (issue 13) ----------------
# The 21-column orders CSV (bench/ProfileBench.java csv). DuckDB's figures come from bench/ColdReference.java in
# processes of their own on the same machine in the same run: read_csv of the same file into a table, and the very
# statements each answer ran (the reply's `sql`) on the node's Parquet loaded into memory, 2 threads and 1.
COLD_QUESTIONS=(
    "total sales by region"
    "average profit by category"
    "number of orders by ship mode"
    "top 5 products by profit"
    "monthly trend of sales"
    "total quantity by segment in 2023"
    "average discount by state for Technology"
    "correlation between sales and profit"
    "distribution of profit"
    "summary statistics of sales, profit and quantity"
)
# The same ten kinds of question with other plans, asked after the node has answered BENCH_WARM_ASKS (160) distinct
# questions on the sample file: a fresh JVM spends much of its first hundred answers compiling (C2), so the first ten
# above measure JIT warm-up as much as the cold path; these measure a node that has been running a while.
COLD_QUESTIONS_WARM=(
    "total profit by category"
    "average sales by region"
    "number of orders by segment"
    "top 5 customers by sales"
    "monthly trend of profit"
    "total sales by ship mode in 2022"
    "average profit by region for Furniture"
    "correlation between quantity and profit"
    "distribution of sales"
    "summary statistics of profit and discount"
)
cold() {
    echo "== cold: upload a ${ROWS}-row, 21-column orders CSV, then ${#COLD_QUESTIONS[@]} questions with distinct plans, each once"
    local csv="$WORK/orders21.csv"
    java -cp "$HELPER_JAR" "$ROOT/bench/ProfileBench.java" csv "$ROWS" "$csv"
    echo "DuckDB read_csv of the same file: java -cp $HELPER_JAR bench/ColdReference.java read_csv $csv 3"
    java -cp "$HELPER_JAR" "$ROOT/bench/ColdReference.java" read_csv "$csv" 3 | tee "$OUT/duckdb-read-csv.txt"
    start_node cold
    local hwm0 status upload_s
    hwm0="$(awk '/VmHWM/ { print $2 }' "/proc/$NODE_PID/status")"
    echo "upload: curl -X POST '$BASE/files?name=orders21.csv' -H 'Content-Type: text/csv' --data-binary @$csv"
    read -r status upload_s < <(curl -s -o "$OUT/upload-reply.json" -w '%{http_code} %{time_total}\n' \
        -X POST "$BASE/files?name=orders21.csv" -H 'Content-Type: text/csv' --data-binary "@$csv")
    [[ "$status" == 201 ]] || die "upload answered $status: $(head -c 400 "$OUT/upload-reply.json")"
    local hwm1 fid table parquet
    hwm1="$(awk '/VmHWM/ { print $2 }' "/proc/$NODE_PID/status")"
    read -r fid table parquet < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["file_id"], d["table"], d["parquet_key"])' "$OUT/upload-reply.json")
    # a fresh node's first /ask pays class loading and JIT: taken on the sample dataset (another file, so no
    # cache entry of the measured file is made) and reported apart
    local first
    first="$(ask f_abc123 'average profit per category')"
    [[ "$first" == *'"cached":false'* ]] || die "the warm-up /ask was not a miss: ${first:0:300}"
    cold_asks "$fid" "$OUT/cold-asks.tsv" "${COLD_QUESTIONS[@]}"
    local warm_asks="${BENCH_WARM_ASKS:-160}"
    echo "JIT warm-up: $warm_asks distinct questions on the sample file (f_abc123), then ${#COLD_QUESTIONS_WARM[@]} more cold ones"
    warm_node "$warm_asks"
    cold_asks "$fid" "$OUT/cold-asks-warm.tsv" "${COLD_QUESTIONS_WARM[@]}"
    python3 - "$OUT/cold-asks.tsv" "$OUT/cold-asks-warm.tsv" >"$OUT/cold-sql.tsv" <<'PY'
import fileinput, json, sys
for line in fileinput.input(sys.argv[1:]):
    q, ticks, body, t = line.rstrip("\n").split("\t")
    d = json.loads(body)
    if d.get("cached"):
        sys.exit(f"{q!r} was answered from the cache; the cold figures would be wrong")
    print("\t".join([q] + [s.replace("\t", " ").replace("\n", " ") for s in d.get("sql", [])]))
PY
    local parquet_path="$WORK/data-cold/$parquet"
    stop_node   # DuckDB's figures are taken with the node gone, so the two never share the cores
    echo "DuckDB on the same statements: java -cp $HELPER_JAR bench/ColdReference.java queries <data.parquet> $table $OUT/cold-sql.tsv 5"
    java -cp "$HELPER_JAR" "$ROOT/bench/ColdReference.java" queries "$parquet_path" "$table" "$OUT/cold-sql.tsv" 5 | tee "$OUT/duckdb-queries.txt"
    python3 - "$OUT/cold-asks.tsv" "$OUT/cold-asks-warm.tsv" "$OUT/duckdb-queries.txt" "$OUT/duckdb-read-csv.txt" \
        "$OUT/upload-reply.json" "$upload_s" "$hwm0" "$hwm1" "$CLK_TCK" "${first##*$'\t'}" "$warm_asks" <<'PY' | tee "$OUT/cold-summary.txt"
import json, re, statistics, sys
asks_fresh, asks_warm, duck, readcsv, upload, upload_s, hwm0, hwm1, tck, first, warm_n = sys.argv[1:]
ref = {}
for line in open(duck):
    threads, ms, q = line.rstrip("\n").split("\t")
    ref[(threads, q)] = float(ms)
csv_ms = float(re.search(r"duckdb_read_csv_ms=([\d.]+)", open(readcsv).read()).group(1))
csv_rss = int(re.search(r"peak_rss_mib=(\d+)", open(readcsv).read()).group(1))
u = json.load(open(upload))
up_ms = float(upload_s) * 1000
def p95(v):
    v = sorted(v); return v[min(len(v) - 1, round(0.95 * (len(v) - 1)))]
print(f"-- upload: {u['rows']:,} rows, {u['bytes'] / 1e6:.1f} MB, {u['rows_rejected']} rejected")
print(f"upload to ready        {up_ms:8.0f} ms   DuckDB read_csv {csv_ms:.0f} ms   ratio {up_ms / csv_ms:.2f}   (target <= 2)")
print(f"node peak RSS (VmHWM)  {int(hwm0) / 1024:.0f} MiB after start, {int(hwm1) / 1024:.0f} MiB after the upload (target <= 1024); DuckDB read_csv process {csv_rss} MiB")
print(f"first /ask of the fresh node (sample file, class loading and JIT): {float(first) * 1000:.0f} ms")
print("-- cold /ask (curl's time; DuckDB: the reply's statements on the table in memory, median of 5 each, summed;")
print("   DuckDB pq: the same on a view of the product's own Parquet file, 2 threads)")

def cold_set(asks, title):
    print(f"-- {title}")
    print(f"{'question':52} {'product':>9} {'DuckDB 2t':>9} {'ratio':>6} {'DuckDB 1t':>9} {'DuckDB pq':>9} {'ratio pq':>8} {'node CPU':>9}  steps (ms)")
    ratios, pq_ratios, times, cpu, charts = [], [], [], [], []
    for line in open(asks):
        q, ticks, body, t = line.rstrip("\n").split("\t")
        d = json.loads(body); t = float(t) * 1000
        d2, d1, dp = ref[("threads=2", q)], ref[("threads=1", q)], ref[("threads=2p", q)]
        c = int(ticks) * 1000 / int(tck)
        steps = ", ".join(f"{s.get('tool') or s['node']} {s['duration_ms']:.0f}" for s in d["trace"] if s["node"] != "reflect")
        charts += [s["duration_ms"] for s in d["trace"] if s.get("tool") == "chart"]
        ratios.append(t / d2 if d2 > 0 else float("inf")); pq_ratios.append(t / dp if dp > 0 else float("inf"))
        times.append(t); cpu.append(c)
        print(f"{q:52} {t:9.1f} {d2:9.1f} {t / d2:6.1f} {d1:9.1f} {dp:9.1f} {t / dp:8.1f} {c:9.0f}  {steps}")
    print(f"ratio product / DuckDB (2 threads): median {statistics.median(ratios):.2f} (target <= 3), p95 {p95(ratios):.2f} (target <= 5)")
    print(f"ratio product / DuckDB on the product's Parquet (2 threads): median {statistics.median(pq_ratios):.2f}, p95 {p95(pq_ratios):.2f}")
    print(f"slowest answer {max(times):.0f} ms (target: none above 300 ms); median {statistics.median(times):.0f} ms")
    print(f"node CPU per cold question (all roles on one node): median {statistics.median(cpu):.0f} ms")
    if charts:
        print(f"chart step (draw, encode, store, over the bus): median {statistics.median(charts):.1f} ms, max {max(charts):.1f} ms over {len(charts)} (target <= 10 ms)")

cold_set(asks_fresh, "a fresh node (one /ask before these)")
cold_set(asks_warm, f"the same node after {warm_n} questions on the sample file (JIT warmed)")
PY
}

cold_asks() { # $1: file id, $2: output .tsv, then the questions: each asked once, with the node's CPU around it
    local fid="$1" out="$2" q reply t0 t1
    shift 2
    : >"$out"
    for q in "$@"; do
        t0="$(cpu_ticks "$NODE_PID")"
        reply="$(ask "$fid" "$q")"
        t1="$(cpu_ticks "$NODE_PID")"
        printf '%s\t%s\t%s\n' "$q" "$((t1 - t0))" "$reply" >>"$out"
    done
}

warm_node() { # $1: how many distinct questions to ask on the sample file (each its own plan; the answers are not kept)
    local n=0 agg m d
    for agg in total average maximum minimum; do
        for m in sales profit quantity discount; do
            for d in region category segment "ship mode" state sub-category "customer name" "product name" city "order date"; do
                ((n < $1)) || return 0
                ask f_abc123 "$agg $m by $d" >/dev/null
                n=$((n + 1))
            done
        done
    done
}

# ---- infrastructure scenarios: Redis cache hits, tool-node scale-out, worker failover (helpers: bench/infra.sh) ----
# shellcheck source=bench/infra.sh
source "$ROOT/bench/infra.sh"
# ---- scenario: cache hits with Redis as the answer cache -------------------------------------------------------
# Like cache-hit, but the node runs with REDIS_URL: every hit is a GET to a local redis-server (bench/infra.sh
# finds or extracts it). CPU per request counts the node AND redis-server. Settings: BENCH_REDIS_PORT (16379).
redis_cache_hit() {
    echo "== redis-cache-hit: POST /ask on the sample dataset, answered from the cache in Redis"
    INFRA_TAG=redis
    local rport="${BENCH_REDIS_PORT:-16379}"
    start_redis "$rport"
    start_ds_node redis-node "" "$WORK/data-redis" DATASENSE_PORT="$PORT" REDIS_URL="redis://127.0.0.1:$rport"
    local node="$LAST_PID"
    local health
    health="$(curl -s "$BASE/health")"
    echo "health: $health"
    [[ "$health" == *'"backend":"redis"'* && "$health" == *'"status":"ready"'* ]] || die "the node does not use Redis: $health"
    local warm
    warm="$(ask f_abc123 'total sales by region')"
    [[ "$warm" == *'"cached":false'* ]] || die "the warming /ask did not run a job: ${warm:0:300}"
    warm="$(ask f_abc123 'total sales by region')"
    [[ "$warm" == *'"cached":true'* ]] || die "the second /ask was not a cache hit: ${warm:0:300}"
    echo "cached reply: $(printf '%s' "${warm%$'\t'*}" | wc -c) bytes; redis keys: $(redis_cmd "$rport" DBSIZE)"

    echo "JIT warm-up (not measured): wrk -t$THREADS -c$CONNECTIONS -d${WARMUP}s --latency -s bench/ask.lua $BASE/ask"
    wrk "-t$THREADS" "-c$CONNECTIONS" "-d${WARMUP}s" --latency -s "$ROOT/bench/ask.lua" "$BASE/ask" >"$OUT/wrk-redis-warmup.txt"
    grep -E 'Requests/sec|requests in' "$OUT/wrk-redis-warmup.txt" | sed 's/^/  warm-up: /'

    echo "measured: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s bench/ask.lua $BASE/ask"
    local t0 t1 r0 r1 m0 m1 g0 g1
    g0="$(redis_calls "$rport" get)"
    redis_cmd "$rport" INFO commandstats >"$OUT/redis-commandstats-before.txt"
    proc_snapshot "$WORK/procs-before"
    t0="$(cpu_ticks "$node")"; r0="$(cpu_ticks "$REDIS_PID")"; m0="$(machine_ticks)"
    wrk "-t$THREADS" "-c$CONNECTIONS" "-d${DURATION}s" --latency -s "$ROOT/bench/ask.lua" "$BASE/ask" | tee "$OUT/wrk-redis-cache-hit.txt"
    t1="$(cpu_ticks "$node")"; r1="$(cpu_ticks "$REDIS_PID")"; m1="$(machine_ticks)"
    proc_snapshot "$WORK/procs-after"
    g1="$(redis_calls "$rport" get)"
    proc_top "$WORK/procs-before" "$WORK/procs-after" "$CLK_TCK" "$DURATION" | tee "$OUT/redis-cache-hit-procs.txt"
    redis_cmd "$rport" INFO commandstats >"$OUT/redis-commandstats.txt"
    stop_all_infra

    python3 - "$OUT/wrk-redis-cache-hit.txt" "$t0" "$t1" "$r0" "$r1" "$m0" "$m1" "$CLK_TCK" "$g0" "$g1" <<'PY' | tee "$OUT/redis-cache-hit-summary.txt"
import os, re, sys
text = open(sys.argv[1]).read()
t0, t1, r0, r1, tck, g0, g1 = (int(sys.argv[i]) for i in (2, 3, 4, 5, 8, 9, 10))
mb0, mt0 = map(int, sys.argv[6].split()); mb1, mt1 = map(int, sys.argv[7].split())
sys.path.insert(0, __import__("os").environ["BENCH_LIB"])
from wrk_report import parse
w = parse(text)
rps, requests, secs, p50, p99, non2xx, errors = (w[k] for k in ("rps", "requests", "secs", "p50", "p99", "non2xx", "errors"))
node_s, redis_s = (t1 - t0) / tck, (r1 - r0) / tck
ncpu = os.cpu_count()
busy = (mb1 - mb0) / (mt1 - mt0) * ncpu
def verdict(ok): return "meets" if ok else "MISSES"
print("-- redis-cache-hit figures")
print(f"requests/s          {rps:,.0f}   (target >= 25,000: {verdict(rps >= 25000)})")
print(f"p50 latency         {p50:.2f} ms")
print(f"p99 latency         {p99:.2f} ms   (target < 10 ms: {verdict(p99 < 10)})")
print(f"non-2xx responses   {non2xx}" + (f"; socket errors: {errors.group(1)}" if errors else "; no socket errors"))
print(f"redis GET calls     {g1 - g0:,} during the run = {(g1 - g0) / requests:.2f} per request (every hit read from Redis)")
print(f"CPU per request     node {node_s * 1e6 / requests:.1f} us + redis-server {redis_s * 1e6 / requests:.1f} us = "
      f"{(node_s + redis_s) * 1e6 / requests:.1f} us   ({node_s:.2f} s + {redis_s:.2f} s over {requests:,} requests)")
print(f"cores busy          node {node_s / secs:.2f}, redis-server {redis_s / secs:.2f}, whole machine {busy:.2f} of {ncpu} (the rest is mostly wrk and the kernel)")
def stats(path):
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^cmdstat_(\w+):calls=(\d+)", open(path).read(), re.M)}
before, after = stats(os.path.join(os.path.dirname(sys.argv[1]), "redis-commandstats-before.txt")), stats(os.path.join(os.path.dirname(sys.argv[1]), "redis-commandstats.txt"))
ran = {c: after[c] - before.get(c, 0) for c in after if after[c] - before.get(c, 0) > 0}
print("redis commands      " + ", ".join(f"{c} {n / requests:.3f}" for c, n in sorted(ran.items(), key=lambda x: -x[1])) + " per request")
PY
}

# ---- scenario: tool nodes scale out ---------------------------------------------------------------------------
# One node with roles api,agent,writer,ingest (not pinned unless BENCH_SCALE_API_CPUS is set) and two, then one
# tools-only nodes (DATASENSE_ROLES=tools), each pinned to one core (tools-0: taskset -c 0, tools-1: taskset
# -c 1), all clustered (--cluster, a Hazelcast file of the bench's own) on one DATASENSE_DATA_DIR. A stream of
# distinct cold questions (bench/cold_stream.py; every reply must say cached:false) at a fixed concurrency on a
# large file; throughput = questions/s; the figure is the ratio two/one. The same CSV is uploaded three times
# (the answer cache is per file): a warm-up file and one file per round, so both rounds ask the same questions
# and all are cold. The round with two tools nodes runs first, after a warm-up on the warm-up file that
# JIT-compiles all three JVMs; then tools-1 stops (SIGTERM: it leaves the cluster), a short warm-up settles the
# new topology, and the one-node round runs on the same, still warm, api node and tools-0. The warm-up is long
# on purpose: a JVM's CPU per question falls for its first ~150 questions (the JIT), which skews a short one.
# Settings: BENCH_SCALE_MIX (analytics, the default: summary statistics and distributions under year/slice
# filters, ~140 ms of tool CPU per question on 3M rows; aggregates: grouped aggregates with filters, ~110 ms on
# 5M rows, where the api node's ~30 ms per question caps the ratio near 1.4; see bench/cold_stream.py),
# BENCH_SCALE_ROWS (analytics 3000000, aggregates 5000000), BENCH_SCALE_COUNT (measured questions per round:
# 150), BENCH_SCALE_WARMUP (300), BENCH_SCALE_CONCURRENCY (6), BENCH_SCALE_API_CPUS ("" = not pinned).
scale_out() {
    local mix="${BENCH_SCALE_MIX:-analytics}"
    local small=$([[ "$mix" == analytics ]] && echo 1 || echo 0)
    local rows="${BENCH_SCALE_ROWS:-$((small ? 3000000 : 5000000))}" count="${BENCH_SCALE_COUNT:-150}"
    local warm="${BENCH_SCALE_WARMUP:-300}"
    local conc="${BENCH_SCALE_CONCURRENCY:-6}" api_cpus="${BENCH_SCALE_API_CPUS:-}"
    INFRA_TAG=scale
    echo "== scale-out: distinct cold questions ($mix) on a ${rows}-row file, two then one tools nodes (one core each)"
    local csv="$WORK/orders-scale.csv" data="$WORK/data-scale" cfg n fids=()
    java -cp "$JAR" datasense.tools.ingest.SampleData "$rows" "$csv"
    cfg="$(bench_cluster_config)"
    local cluster=(DATASENSE_CLUSTER=true DATASENSE_CLUSTER_CONFIG="$cfg")
    start_ds_node api "$api_cpus" "$data" "${cluster[@]}" DATASENSE_PORT="$PORT" DATASENSE_ROLES=api,agent,writer,ingest
    local pids=("$LAST_PID")
    start_ds_node tools-0 0 "$data" "${cluster[@]}" DATASENSE_ROLES=tools
    pids+=("$LAST_PID")
    start_ds_node tools-1 1 "$data" "${cluster[@]}" DATASENSE_ROLES=tools
    pids+=("$LAST_PID")
    wait_members 3
    echo "upload (3 times: warm-up, round 1, round 2): curl -X POST '$BASE/files?name=orders_scale.csv' --data-binary @$csv"
    local warm_fid
    warm_fid="$(upload_file "$csv" orders_scale_warmup.csv)"
    fids+=("$(upload_file "$csv" orders_scale_1.csv)")
    fids+=("$(upload_file "$csv" orders_scale_2.csv)")
    echo "file_ids: warm-up $warm_fid, rounds ${fids[*]}"
    : >"$OUT/scale-out-rounds.txt"
    local warm_from=0 measure_from=$((small ? 0 : 1000))
    for n in 2 1; do
        local fid="${fids[$((n - 1))]}"
        echo "-- round: $n tools node(s), file $fid"
        if [[ "$n" == 1 ]]; then
            echo "stopping tools-1 (SIGTERM)"
            stop_pid "${pids[2]}"
            unset 'pids[2]'
            wait_members 2
            warm=$((warm < 30 ? warm : 30))  # settles the new topology; every JVM is warm already
        fi
        python3 "$ROOT/bench/cold_stream.py" --mix "$mix" --base "$BASE" --file-id "$warm_fid" --offset "$warm_from" --count "$warm" \
            --concurrency "$conc" --label "warm-up, $n tools node(s)" --out "$OUT/scale-warmup-$n.jsonl" \
            >"$OUT/scale-warmup-$n.txt" || die "the warm-up stream failed: $(cat "$OUT/scale-warmup-$n.txt")"
        grep -v '^SUMMARY' "$OUT/scale-warmup-$n.txt"
        warm_from=$((warm_from + warm))
        local before=() after=() m0 m1 p i
        for p in "${pids[@]}"; do before+=("$(cpu_ticks "$p")"); done
        proc_snapshot "$WORK/procs-before"
        local w0
        w0="$(date +%s.%N)"
        m0="$(machine_ticks)"
        echo "measured: python3 bench/cold_stream.py --mix $mix --base $BASE --file-id $fid --offset $measure_from --count $count --concurrency $conc"
        python3 "$ROOT/bench/cold_stream.py" --mix "$mix" --base "$BASE" --file-id "$fid" --offset "$measure_from" --count "$count" \
            --concurrency "$conc" --label "$n tools node(s)" --out "$OUT/scale-measured-$n.jsonl" >"$OUT/scale-out-$n.txt" \
            || die "the measured stream had cached or failed replies: $(cat "$OUT/scale-out-$n.txt")"
        grep -v '^SUMMARY' "$OUT/scale-out-$n.txt"
        m1="$(machine_ticks)"
        for p in "${pids[@]}"; do after+=("$(cpu_ticks "$p")"); done
        proc_snapshot "$WORK/procs-after"
        proc_top "$WORK/procs-before" "$WORK/procs-after" "$CLK_TCK" "$(awk -v a="$w0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" | tee -a "$OUT/scale-out-$n-procs.txt"
        local names=(api tools-0 tools-1) args=()
        for ((i = 0; i < ${#pids[@]}; i++)); do args+=("${names[$i]}:${before[$i]}:${after[$i]}"); done
        python3 - "$OUT/scale-out-$n.txt" "$CLK_TCK" "$m0" "$m1" "${args[@]}" <<'PY' | tee -a "$OUT/scale-out-rounds.txt" | grep -v '^ROUND '
import json, os, sys
s = json.loads([l for l in open(sys.argv[1]) if l.startswith("SUMMARY ")][0][8:])
tck = int(sys.argv[2]); mb0, mt0 = map(int, sys.argv[3].split()); mb1, mt1 = map(int, sys.argv[4].split())
q = s["ok"]
parts, ours = [], 0.0
for arg in sys.argv[5:]:
    name, a, b = arg.split(":")
    secs = (int(b) - int(a)) / tck
    ours += secs
    parts.append(f"{name} {secs:.1f} s ({secs / s['seconds']:.2f} cores, {secs * 1000 / q:.0f} ms/question)")
busy = (mb1 - mb0) / (mt1 - mt0) * os.cpu_count()
s["cpu"] = "; ".join(parts)
s["machine_busy_cores"] = round(busy, 2)
s["nodes_cores"] = round(ours / s["seconds"], 2)
print(f"ROUND {json.dumps(s)}")
print(f"CPU during the measured stream: {s['cpu']}; nodes {s['nodes_cores']:.2f} cores, question client "
      f"{s['client_cpu_s'] / s['seconds']:.2f}, whole machine {busy:.2f} of {os.cpu_count()} (the rest: the kernel, anything else running)")
PY
    done
    stop_all_infra
    python3 - "$OUT/scale-out-rounds.txt" <<'PY' | tee "$OUT/scale-out-summary.txt"
import json, sys
rounds = [json.loads(l[6:]) for l in open(sys.argv[1]) if l.startswith("ROUND ")]
two, one = rounds
ratio = two["questions_per_s"] / one["questions_per_s"]
print("-- scale-out figures")
for r in (one, two):
    print(f"{r['label']:18}  {r['questions_per_s']:.2f} questions/s ({r['ok']} in {r['seconds']:.1f} s, {r['concurrency']} in flight), "
          f"latency median {r['latency_ms']['median']} ms, p90 {r['latency_ms']['p90']} ms; tool steps ran on {r['tool_steps_ran_on']}")
    print(f"{'':18}  CPU: {r['cpu']}; whole machine {r['machine_busy_cores']} cores")
print(f"ratio two/one       {ratio:.2f}   (target >= 1.6: {'meets' if ratio >= 1.6 else 'MISSES'})")
PY
}

# ---- scenario: a tools node dies under a running job ----------------------------------------------------------
# One api,agent,writer,ingest node and two tools-only nodes, clustered, on one DATASENSE_DATA_DIR. Each run asks
# an async multi-step question on a large file; bench/failover_run.py watches the threads of both tools nodes
# (/proc/<pid>/task: CPU of every thread but the JIT's, GC's and Hazelcast's) to see which one runs a step,
# SIGKILLs that node in mid-step, and times from the kill until GET /jobs/{id} says done (or failed; or
# BENCH_FAILOVER_TIMEOUT passes). The killed node is then started again for the next run. Figure: median over
# the runs of kill -> done; for scale, the same kind of job without a kill (ask -> done, 3 baseline runs).
# The question has four steps, the first two heavy (a whole-column distribution and summary statistics); its
# last part changes per run ("average <measure> by <column>") so no run's plan is answered from the cache.
# Settings: BENCH_FAILOVER_RUNS (10), BENCH_FAILOVER_ROWS (3000000), BENCH_FAILOVER_TIMEOUT (20 s per run).
failover_question() { # $1: run number; a distinct plan per number
    python3 -c '
import sys
groups = ["state", "city", "region", "segment", "category", "ship mode", "sub-category", "customer name", "product name"]
measures = ["discount", "quantity", "sales", "profit"]
r = int(sys.argv[1])
print(f"distribution of sales and summary statistics of profit and average {measures[r // len(groups) % 4]} by {groups[r % len(groups)]}")' "$1"
}

failover() {
    local runs="${BENCH_FAILOVER_RUNS:-10}" rows="${BENCH_FAILOVER_ROWS:-3000000}" limit="${BENCH_FAILOVER_TIMEOUT:-20}"
    INFRA_TAG=failover
    echo "== failover: SIGKILL the tools node running a step of an async job; time until the job is done ($runs runs)"
    local csv="$WORK/orders-failover.csv" data="$WORK/data-failover" cfg fid run body line
    java -cp "$JAR" datasense.tools.ingest.SampleData "$rows" "$csv"
    cfg="$(bench_cluster_config)"
    local cluster=(DATASENSE_CLUSTER=true DATASENSE_CLUSTER_CONFIG="$cfg")
    start_ds_node api "" "$data" "${cluster[@]}" DATASENSE_PORT="$PORT" DATASENSE_ROLES=api,agent,writer,ingest
    local tools_pid=()
    start_ds_node tools-0 "" "$data" "${cluster[@]}" DATASENSE_ROLES=tools; tools_pid[0]="$LAST_PID"
    start_ds_node tools-1 "" "$data" "${cluster[@]}" DATASENSE_ROLES=tools; tools_pid[1]="$LAST_PID"
    wait_members 3
    fid="$(upload_file "$csv" orders_failover.csv)"
    echo "file_id $fid; e.g. the question of run 1: $(failover_question 1)"
    : >"$OUT/failover-runs.jsonl"
    # Jobs without a kill (run numbers 100+; their plans differ from every killed run's): the first warms both
    # tools nodes up and is not counted, the next three are the baseline.
    for run in 100 101 102 103; do
        body="$(python3 -c 'import json,sys; print(json.dumps({"file_id": sys.argv[1], "question": sys.argv[2], "async": True}))' \
            "$fid" "$(failover_question "$run")")"
        line="$(python3 "$ROOT/bench/failover_run.py" --base "$BASE" --body "$body" --pids "${tools_pid[0]},${tools_pid[1]}" \
            --names tools-0,tools-1 --run "$run" --limit 60 --no-kill)"
        echo "$line"
        [[ "$run" == 100 ]] || echo "$line" >>"$OUT/failover-runs.jsonl"
    done
    for ((run = 1; run <= runs; run++)); do
        body="$(python3 -c 'import json,sys; print(json.dumps({"file_id": sys.argv[1], "question": sys.argv[2], "async": True}))' \
            "$fid" "$(failover_question "$run")")"
        line="$(python3 "$ROOT/bench/failover_run.py" --base "$BASE" --body "$body" --pids "${tools_pid[0]},${tools_pid[1]}" \
            --names tools-0,tools-1 --run "$run" --limit "$limit")"
        echo "$line" | tee -a "$OUT/failover-runs.jsonl"
        local killed
        killed="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("killed") or "")' "$line")"
        if [[ -n "$killed" ]]; then
            local idx="${killed#tools-}"
            mv "$OUT/node-failover-$killed.log" "$OUT/node-failover-$killed-killed-in-run-$run.log"
            start_ds_node "$killed" "" "$data" "${cluster[@]}" DATASENSE_ROLES=tools
            tools_pid[$idx]="$LAST_PID"
            wait_members 3
        fi
    done
    stop_all_infra
    echo "what the api node logged about the lost steps (grep -iE 'heartbeat|again|retr|lost' node-failover-api.log):"
    grep -iE 'heartbeat|again|retr|lost' "$OUT/node-failover-api.log" | head -n 12 | sed 's/^/  /' || echo "  (nothing)"
    python3 - "$OUT/failover-runs.jsonl" "$limit" <<'PY' | tee "$OUT/failover-summary.txt"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
base = [r for r in rows if r["kind"] == "baseline"]
runs = [r for r in rows if r["kind"] == "kill"]
killed = [r for r in runs if r.get("killed")]
done = [r for r in killed if r["status"] == "done"]
print("-- failover figures")
for r in base:
    print(f"baseline {r['run']}: no kill; {r['status']} {r['ask_to_end_s']:.2f} s after the ask")
for r in runs:
    if not r.get("killed"):
        print(f"run {r['run']:2}: {r['note']}")
        continue
    t = f"{r['kill_to_end_s']:.2f} s after the kill" if r["kill_to_end_s"] is not None else f"not finished {r['timed_out_after_s']:.0f} s after the kill"
    print(f"run {r['run']:2}: killed {r['killed']} {r['kill_after_ask_ms']} ms after the ask (its tool threads: {r['busy_ticks']} ticks in 60 ms); "
          f"{r['status']} {t}" + (f" ({r['ask_to_end_s']:.2f} s after the ask)" if r.get("ask_to_end_s") else "")
          + (f"; steps ran on {[s[1] for s in r['steps']]}" if r.get("steps") else "")
          + (f"; error {json.dumps(r.get('error'))[:200]}" if r.get("error") else ""))
if base:
    print(f"baseline (no kill), median ask -> done: {statistics.median(r['ask_to_end_s'] for r in base):.2f} s over {len(base)} jobs")
times = [r["kill_to_end_s"] if r["status"] == "done" else float("inf") for r in killed]
if times:
    med = statistics.median(times)
    shown = f"{med:.2f} s" if med != float("inf") else f"over {sys.argv[2]} s (most runs did not finish)"
    fin = sorted(t for t in times if t != float("inf"))
    print(f"median kill -> done {shown} over {len(killed)} runs with a kill ({len(done)} done, "
          f"{sum(r['status'] == 'failed' for r in killed)} failed, {sum(r['kill_to_end_s'] is None for r in killed)} unfinished)"
          + (f"; min {fin[0]:.2f} s, max {fin[-1]:.2f} s" if fin else "")
          + f"   (target < 5 s: {'meets' if med < 5 else 'MISSES'})")
PY
}

echo "DataSense benchmark '$SCENARIO' on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)); raw output in $OUT"
case "$SCENARIO" in
    cache-hit) cache_hit ;;
    cold) cold ;;
    all) cache_hit; cold ;;
    redis-cache-hit) redis_cache_hit ;;
    scale-out) scale_out ;;
    failover) failover ;;
    infra) redis_cache_hit; scale_out; failover ;;
    metrics-overhead) metrics_overhead ;;
    auth-overhead) auth_overhead ;;
    builds) builds ;;
esac
echo "done; raw output in $OUT"
