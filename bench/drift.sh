#!/usr/bin/env bash
# The drift benchmark, run on demand (not part of mvn verify). See docs/BENCHMARKS.md, "Drift between versions".
#
#   bash bench/drift.sh            (BENCH_ROWS rows, default 1000000; BENCH_RUNS runs, default 3)
#
# Makes the profile bench's 21-column orders CSV, ingests it as an upload is ingested, makes a next version of its
# Parquet (90% of the rows, two measures up 30%, a region renamed, a column dropped and one added), then measures the
# drift report between the two (Drift: two DuckDB scans of each file), each run in a process of its own (time and
# peak RSS). Expects the built jar (mvn -B -q -o -DskipTests package -> verticles/target/datasense.jar).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/verticles/target/datasense.jar"
ROWS="${BENCH_ROWS:-1000000}"
RUNS="${BENCH_RUNS:-3}"
OUT="${BENCH_OUT:-/tmp/datasense-bench-drift-$(date +%Y%m%d-%H%M%S)}"
[[ -f "$JAR" ]] || { echo "bench: $JAR is missing; build it first: mvn -B -q -o -DskipTests package" >&2; exit 1; }
mkdir -p "$OUT"
BENCH=(java -cp "$JAR" "$ROOT/bench/ProfileBench.java")

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
"${BENCH[@]}" csv "$ROWS" "$OUT/orders21.csv"
"${BENCH[@]}" ingest "$OUT/orders21.csv" "$OUT/ingest"
PARQUET="$OUT/ingest/data.parquet"
[[ -f "$PARQUET" ]] || PARQUET="$(find "$OUT/ingest" -name data.parquet | head -1)"
mkdir -p "$OUT/next"
"${BENCH[@]}" next "$PARQUET" "$OUT/next/data.parquet"
for run in $(seq 1 "$RUNS"); do
    echo "-- run $run"
    "${BENCH[@]}" drift "$PARQUET" "$OUT/next/data.parquet"
done
