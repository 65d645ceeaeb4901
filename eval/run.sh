#!/usr/bin/env bash
# Scores a fresh DataSense node on the eval question sets: the one command.
#
#   bash eval/run.sh [dev|heldout|probe|audit|all] [--out DIR]        (default: dev)
#
#   dev      eval/sets/dev/{wtq,classes,flagged}.jsonl, and ../shared/questions/dev.jsonl when present
#   heldout  eval/sets/heldout/{wtq,classes,flagged}.jsonl: summary figures only, no case is printed
#   probe    eval/sets/probe/wtq.jsonl: fresh WTQ tables on the dev side, for auditing confidence (cases printed)
#   audit    eval/sets/audit/{classes,flagged}.jsonl: questions written blind over their own invented tables
#   all      dev and held-out, on the same node
#   --out DIR  keep each split's report and per-case predictions there (DIR/<split>-report.txt,
#              DIR/<split>-predictions.jsonl); the held-out predictions name held-out cases: leave them unread
#              while working on the planner
#
# Needs the built jar (mvn -B -q -o -DskipTests package -> verticles/target/datasense.jar); builds nothing.
# Starts the node as README.md's run command does (java -jar verticles/target/datasense.jar), on a free port
# with its data in a temporary folder, waits for GET /health, runs eval/score.py, and stops the node on exit.
# Settings (environment): EVAL_JAVA_OPTS (extra JVM options), EVAL_SHARED_SET (default ../shared/questions/dev.jsonl),
# EVAL_START_SECONDS (60, how long to wait for /health), EVAL_TIMEOUT (120, seconds per question).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/verticles/target/datasense.jar"
SETS="$ROOT/eval/sets"
SHARED_SET="${EVAL_SHARED_SET:-$ROOT/../shared/questions/dev.jsonl}"
SPLIT="dev"
OUT=""
NODE_PID=""
WORK=""

die() { echo "eval: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        dev|heldout|probe|audit|all) SPLIT="$1" ;;
        --out) [[ $# -ge 2 ]] || die "--out needs a folder"; OUT="$2"; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (use dev, heldout, probe, audit or all, and --out DIR)" ;;
    esac
    shift
done

for tool in java python3 curl; do
    command -v "$tool" >/dev/null || die "$tool is required but not on PATH"
done
[[ -f "$JAR" ]] || die "$JAR is missing; build it first: cd $ROOT && mvn -B -q -o -DskipTests package"

cleanup() {
    local rc=$?
    if [[ -n "$NODE_PID" ]] && kill -0 "$NODE_PID" 2>/dev/null; then
        kill "$NODE_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$NODE_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$NODE_PID" 2>/dev/null || true
    fi
    [[ -n "$WORK" && -d "$WORK" ]] && rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_node() {
    WORK="$(mktemp -d /tmp/datasense-eval.XXXXXX)"
    PORT="$(free_port)"
    BASE="http://localhost:$PORT"
    echo "eval: starting a node on port $PORT (data in $WORK/data, log in $WORK/node.log)"
    # shellcheck disable=SC2086
    # generated boards off: their background questions would only slow the run (they change no answer)
    (cd "$ROOT" && DATASENSE_PORT="$PORT" DATASENSE_DATA_DIR="$WORK/data" DATASENSE_GENERATED_BOARDS=false \
        exec java ${EVAL_JAVA_OPTS:-} -jar "$JAR" >"$WORK/node.log" 2>&1) &
    NODE_PID=$!
    local deadline=$((SECONDS + ${EVAL_START_SECONDS:-60}))
    until curl -sf -o /dev/null --max-time 2 "$BASE/health"; do
        kill -0 "$NODE_PID" 2>/dev/null || { tail -20 "$WORK/node.log" >&2; die "the node exited while starting"; }
        (( SECONDS < deadline )) || { tail -20 "$WORK/node.log" >&2; die "no healthy node after ${EVAL_START_SECONDS:-60} s"; }
        sleep 0.5
    done
    echo "eval: node ready: $(curl -s "$BASE/health")"
}

# score SPLIT SET... : runs the harness on the sets of one split, keeping its report and predictions under --out.
score() {
    local split="$1"; shift
    local args=(--base "$BASE" --timeout "${EVAL_TIMEOUT:-120}" --set "$@")
    [[ "$split" == heldout ]] && args+=(--summary-only)
    if [[ -n "$OUT" ]]; then
        mkdir -p "$OUT"
        args+=(--out "$OUT/$split-predictions.jsonl")
        python3 "$ROOT/eval/score.py" "${args[@]}" | tee "$OUT/$split-report.txt"
    else
        python3 "$ROOT/eval/score.py" "${args[@]}"
    fi
}

start_node
if [[ "$SPLIT" == dev || "$SPLIT" == all ]]; then
    sets=("$SETS/dev/wtq.jsonl" "$SETS/dev/classes.jsonl" "$SETS/dev/flagged.jsonl")
    if [[ -f "$SHARED_SET" ]]; then sets+=("$SHARED_SET"); else echo "eval: $SHARED_SET not found; skipped"; fi
    echo "==================== dev split ===================="
    score dev "${sets[@]}"
fi
if [[ "$SPLIT" == heldout || "$SPLIT" == all ]]; then
    echo "==================== held-out split (figures only) ===================="
    score heldout "$SETS/heldout/wtq.jsonl" "$SETS/heldout/classes.jsonl" "$SETS/heldout/flagged.jsonl"
fi
if [[ "$SPLIT" == probe ]]; then
    echo "==================== probe split ===================="
    score probe "$SETS/probe/wtq.jsonl"
fi
if [[ "$SPLIT" == audit ]]; then
    echo "==================== audit split ===================="
    score audit "$SETS/audit/classes.jsonl" "$SETS/audit/flagged.jsonl"
fi
