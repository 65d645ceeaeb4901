#!/usr/bin/env bash
# DataSense benchmarks, run on demand (not part of the test suite). See docs/BENCHMARKS.md.
#
#   bash bench/run.sh [cache-hit|cold-ask|all]      (default: all)
#   bash bench/run.sh planning      offline planner speed alone (needs only the compiled agent-graph and tools
#                                   classes: mvn -q -o install -DskipTests; no node, no wrk)
#
# Expects the built jar (mvn -B -q -o -DskipTests package -> verticles/target/datasense.jar); builds nothing.
# Each scenario starts its own fresh node (port $BENCH_PORT, default 18080, data in a temporary folder under
# /tmp) and stops it on exit. Raw outputs are kept in $BENCH_OUT (default /tmp/datasense-bench-<time>).
#
# Settings (environment): BENCH_PORT (18080), BENCH_OUT, BENCH_DURATION (20, seconds of the measured wrk run),
# BENCH_WARMUP (10, seconds of the JIT warm-up wrk run), BENCH_THREADS (2), BENCH_CONNECTIONS (100),
# BENCH_ROWS (1000000, rows of the cold-ask CSV), BENCH_JAVA_OPTS (extra JVM options for the node).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/verticles/target/datasense.jar"
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
SAMPLER_PID=""
WORK=""

die() { echo "bench: $*" >&2; exit 1; }

case "$SCENARIO" in
    cache-hit|cold-ask|all|planning) ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown scenario '$SCENARIO' (use cache-hit, cold-ask, all or planning)" ;;
esac

# ---- scenario: offline planning speed (no node; runs before the node prerequisites) -----------------------
if [[ "$SCENARIO" == planning ]]; then
    [[ -d "$ROOT/agent-graph/target/classes" && -d "$ROOT/tools/target/classes" ]] \
        || die "compiled classes are missing; build first: cd $ROOT && mvn -q -o install -DskipTests"
    CP_FILE="$(mktemp /tmp/datasense-bench-cp.XXXXXX)"
    (cd "$ROOT" && mvn -o -q -pl agent-graph dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null) \
        || die "could not resolve the agent-graph classpath offline (mvn dependency:build-classpath)"
    echo "== planning: java -cp <classpath> bench/PlanningBench.java ${BENCH_ROUNDS:-300}"
    java -cp "$(cat "$CP_FILE"):$ROOT/agent-graph/target/classes:$ROOT/tools/target/classes" \
        "$ROOT/bench/PlanningBench.java" "${BENCH_ROUNDS:-300}"
    rm -f "$CP_FILE"
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
    [[ -n "$WORK" && -d "$WORK" ]] && rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- node lifecycle --------------------------------------------------------------------------------------
start_node() { # $1: name of the run (log file, data folder)
    local name="$1"
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    DATASENSE_PORT="$PORT" DATASENSE_DATA_DIR="$WORK/data-$name" \
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
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", text)
requests = int(m.group(1)); secs = float(m.group(2)) * {"ms": 0.001, "s": 1, "m": 60}[m.group(3)]
p50 = ms(*re.search(r"50%\s+([\d.]+)(us|ms|s)", text).groups())
p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups())
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
non2xx = int(non2xx.group(1)) if non2xx else 0
errors = re.search(r"Socket errors: (.*)", text)
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

# ---- scenario 2: upload and cold questions on a 1M-row file --------------------------------------------------
cold_ask() {
    echo "== cold-ask: upload a ${ROWS}-row orders CSV, then questions that miss the cache"
    local csv="$WORK/orders1m.csv"
    java -cp "$JAR" datasense.tools.ingest.SampleData "$ROWS" "$csv"
    start_node cold-ask
    local hwm0
    hwm0="$(awk '/VmHWM/ { print $2 }' "/proc/$NODE_PID/status")"
    jstat -gc "$NODE_PID" 100 >"$OUT/jstat-upload.txt" 2>&1 &
    SAMPLER_PID=$!
    sleep 0.3
    echo "upload: curl -X POST '$BASE/files?name=orders1m.csv' -H 'Content-Type: text/csv' --data-binary @$csv"
    local status upload_s
    read -r status upload_s < <(curl -s -o "$OUT/upload-reply.json" -w '%{http_code} %{time_total}\n' \
        -X POST "$BASE/files?name=orders1m.csv" -H 'Content-Type: text/csv' --data-binary "@$csv")
    sleep 0.3
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
    [[ "$status" == 201 ]] || die "upload answered $status: $(head -c 400 "$OUT/upload-reply.json")"
    local hwm1
    hwm1="$(awk '/VmHWM/ { print $2 }' "/proc/$NODE_PID/status")"

    local fid table parquet
    read -r fid table parquet < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["file_id"], d["table"], d["parquet_key"])' "$OUT/upload-reply.json")
    python3 - "$OUT/upload-reply.json" "$OUT/jstat-upload.txt" "$upload_s" "$hwm0" "$hwm1" <<'PY' | tee "$OUT/upload-summary.txt"
import json, sys
d = json.load(open(sys.argv[1]))
lines = [l.split() for l in open(sys.argv[2]) if l.strip()]
head = lines[0]; rows = [l for l in lines[1:] if len(l) == len(head) and l[0] != head[0]]
i = {k: head.index(k) for k in ("S0U", "S1U", "EU", "OU")}
used = [sum(float(r[i[k]]) for k in i) / 1024 for r in rows]
secs = float(sys.argv[3])
print("-- upload figures")
print(f"file                {d['name']}: {d['rows']:,} rows, {d['bytes'] / 1e6:.1f} MB, {d['rows_rejected']} rejected, file_id {d['file_id']}")
print(f"upload-to-ready     {secs:.2f} s   (target < 5 s: {'meets' if secs < 5 else 'MISSES'})")
print(f"heap used           before {used[0]:.0f} MB, peak {max(used):.0f} MB (jstat -gc every 100 ms, {len(used)} samples; S0U+S1U+EU+OU)")
print(f"peak RSS (VmHWM)    {int(sys.argv[4]) / 1024:.0f} MB after start, {int(sys.argv[5]) / 1024:.0f} MB after the upload")
PY

    # Distinct phrasings of one question: each is its own cache key (so a miss), all must give the same plan.
    local questions=(
        "total sales by region"
        "sum of sales by region"
        "total sales per region"
        "sales by region"
        "total sales for each region"
        "what are total sales by region"
        "show total sales by region"
        "show me total sales by region"
        "total sales grouped by region"
        "give total sales by region"
        "What is the total sales by region?"
    )
    # The node is fresh: its first /ask pays class loading and JIT. Take that on the small sample dataset (a
    # different file, so no cache entry of the big file is made) and report it apart from the cold figures.
    local first
    first="$(ask f_abc123 'average profit per category')"
    [[ "$first" == *'"cached":false'* ]] || die "the node warm-up /ask was not a miss: ${first:0:300}"
    python3 -c 'import sys; print(f"first /ask on the fresh node (sample dataset, 5,000 rows; class loading and JIT): {float(sys.argv[1]) * 1000:.0f} ms")' \
        "${first##*$'\t'}" | tee -a "$OUT/upload-summary.txt"
    echo "cold /ask on $fid: ${#questions[@]} phrasings, each a cache miss, e.g."
    echo "  curl -s -X POST $BASE/ask -H 'Content-Type: application/json' -d '{\"file_id\":\"$fid\",\"question\":\"total sales by region\"}' -w '%{time_total}'"
    : >"$OUT/cold-asks.tsv"
    local q reply
    for q in "${questions[@]}"; do
        reply="$(ask "$fid" "$q")"
        printf '%s\t%s\n' "$q" "$reply" >>"$OUT/cold-asks.tsv"
    done
    # the same question again: must now be a hit
    reply="$(ask "$fid" "total sales by region")"
    printf '%s\t%s\n' "(repeat) total sales by region" "$reply" >>"$OUT/cold-asks.tsv"

    local sql
    sql="$(python3 - "$OUT/cold-asks.tsv" <<'PY' | tee "$OUT/cold-ask-summary.txt" | tail -n 1
import json, statistics, sys
plans, times, hit, sql = set(), [], None, None
print("-- cold /ask figures (end-to-end time measured by curl; plan, act and answer steps from the reply's trace)")
for line in open(sys.argv[1]):
    q, body, t = line.rstrip("\n").split("\t")
    d = json.loads(body); t = float(t) * 1000
    if q.startswith("(repeat)"):
        hit = (d["cached"], t); continue
    if d["cached"]:
        sys.exit(f"'{q}' was answered from the cache; the cold figures would be wrong")
    plan = json.dumps([[p["tool"], p["args"]] for p in d["plan"]], sort_keys=True)
    plans.add(plan); sql = d["sql"][0]
    steps = ", ".join(f"{s['node']}{'/' + s['tool'] if s.get('tool') else ''} {s['duration_ms']:.0f}" for s in d["trace"] if s["node"] != "reflect")
    times.append(t)
    print(f"  {t:6.1f} ms  cached={str(d['cached']).lower()}  {q!r:40}  [{steps} ms]")
if len(plans) != 1:
    sys.exit(f"the phrasings gave {len(plans)} different plans; the cold figures would not compare one plan")
med = statistics.median(times)
print(f"plan (identical for all {len(times)}): {plans.pop()}")
print(f"cold /ask median    {med:.1f} ms over {len(times)} questions (min {min(times):.1f}, max {max(times):.1f}; first ask on the file {times[0]:.1f})   (target < 150 ms: {'meets' if med < 150 else 'MISSES'})")
print(f"repeat of the first question: cached={str(hit[0]).lower()}, {hit[1]:.1f} ms")
print(sql)
PY
)"
    head -n -1 "$OUT/cold-ask-summary.txt"
    echo "DuckDB alone (threads=1 like the node, same Parquet file, 11 runs): java -cp $JAR bench/DuckDbQuery.java <data.parquet> $table '<sql>' 11"
    java -cp "$JAR" "$ROOT/bench/DuckDbQuery.java" "$WORK/data-cold-ask/$parquet" "$table" "$sql" 11 | tee "$OUT/duckdb.txt"
    stop_node
}

echo "DataSense benchmark '$SCENARIO' on $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)); raw output in $OUT"
case "$SCENARIO" in
    cache-hit) cache_hit ;;
    cold-ask) cold_ask ;;
    all) cache_hit; cold_ask ;;
esac
echo "done; raw output in $OUT"
