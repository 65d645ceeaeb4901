#!/usr/bin/env bash
# Cold /ask with distinct plans: one fresh node from JAR, the ROWS-row orders CSV uploaded, then questions whose
# plans all differ (so none can be served from the answer cache), each asked once; prints curl's time and the
# steps of the reply's trace. Used to compare two builds of the tool-side cold path (docs/BENCHMARKS.md).
#   bash bench/cold_plans.sh JAR [PORT] [ROWS]      # e.g. verticles/target/datasense.jar 41235 1000000
set -euo pipefail
JAR="$1"; PORT="${2:-18080}"; ROWS="${3:-1000000}"; BASE="http://localhost:$PORT"
WORK="$(mktemp -d /tmp/datasense-coldplans.XXXXXX)"
NODE_PID=""
cleanup() { [[ -n "$NODE_PID" ]] && kill "$NODE_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
java -cp "$JAR" datasense.tools.ingest.SampleData "$ROWS" "$WORK/orders.csv" >/dev/null
DATASENSE_PORT="$PORT" DATASENSE_DATA_DIR="$WORK/data" java -jar "$JAR" >"$WORK/node.log" 2>&1 &
NODE_PID=$!
for _ in $(seq 1 240); do curl -sf -o /dev/null --max-time 1 "$BASE/health" && break; sleep 0.5; done
fid="$(curl -s -X POST "$BASE/files?name=orders.csv" -H 'Content-Type: text/csv' --data-binary "@$WORK/orders.csv" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["file_id"])')"
ask() { curl -s -X POST "$BASE/ask" -H 'Content-Type: application/json' -w '\t%{time_total}' \
    -d "$(python3 -c 'import json,sys; print(json.dumps({"file_id": sys.argv[1], "question": sys.argv[2]}))' "$1" "$2")"; }
cat >"$WORK/show.py" <<'PY'
import json, sys
body, t = sys.stdin.read().rsplit("\t", 1)
d = json.loads(body)
steps = ", ".join(f"{s['node']}{'/' + s['tool'] if s.get('tool') else ''} {s['duration_ms']:.0f}"
                  for s in d.get("trace", []) if s["node"] != "reflect")
print(f"{float(t) * 1000:7.1f} ms  cached={d.get('cached')}  {sys.argv[1]!r:52} [{steps}]")
PY
ask f_abc123 'average profit per category' >/dev/null   # class loading and JIT, on another file
for q in "total sales by region" "average profit by category" "number of orders by ship mode" \
         "total quantity by segment" "average discount by region" "total profit by sub-category" \
         "summary statistics of sales, profit and quantity" "distribution of profit"; do
    ask "$fid" "$q" | python3 "$WORK/show.py" "$q"
done
