#!/usr/bin/env bash
# The profile benchmark, run on demand (not part of mvn verify). See docs/BENCHMARKS.md, "Profiles".
#
#   bash bench/profile.sh            (BENCH_ROWS rows, default 1000000; BENCH_RUNS runs of each measure, default 3)
#
# Makes the bench's orders CSV widened to 21 columns, ingests it as an upload is ingested, then measures in one run,
# each in a process of its own (time and peak RSS): our profile of the ingested Parquet (JSON + HTML), DuckDB's
# SUMMARIZE of the same CSV and of the same Parquet (JDBC), and pandas' describe(include='all') of the CSV.
# Expects the built jar (mvn -B -q -o -DskipTests package -> verticles/target/datasense.jar). Outputs in $BENCH_OUT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/verticles/target/datasense.jar"
ROWS="${BENCH_ROWS:-1000000}"
RUNS="${BENCH_RUNS:-3}"
OUT="${BENCH_OUT:-/tmp/datasense-bench-profile-$(date +%Y%m%d-%H%M%S)}"
[[ -f "$JAR" ]] || { echo "bench: $JAR is missing; build it first: mvn -B -q -o -DskipTests package" >&2; exit 1; }
mkdir -p "$OUT"
BENCH=(java -cp "$JAR" "$ROOT/bench/ProfileBench.java")
PYTHON=""   # the first python3 with pandas (Debian's python3-pandas is for /usr/bin/python3)
for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import pandas' 2>/dev/null; then PYTHON="$candidate"; break; fi
done

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
"${BENCH[@]}" csv "$ROWS" "$OUT/orders21.csv"
"${BENCH[@]}" ingest "$OUT/orders21.csv" "$OUT/ingest"
PARQUET="$OUT/ingest/data.parquet"
[[ -f "$PARQUET" ]] || PARQUET="$(find "$OUT/ingest" -name data.parquet | head -1)"

for run in $(seq 1 "$RUNS"); do
    echo "-- run $run"
    "${BENCH[@]}" profile "$PARQUET" "$OUT"
    "${BENCH[@]}" summarize "$OUT/orders21.csv"
    "${BENCH[@]}" summarize "$PARQUET"
    if [[ -n "$PYTHON" ]]; then
        "$PYTHON" "$ROOT/bench/pandas_profile.py" "$OUT/orders21.csv"
    else
        echo "pandas: not installed (apt-get install -y python3-pandas)"
    fi
done
echo "profile JSON and page: $OUT/profile.json, $OUT/profile.html"
