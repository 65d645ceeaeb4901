#!/usr/bin/env bash
# The profile benchmark, run on demand (not part of mvn verify). See docs/BENCHMARKS.md, "Profiles".
#
#   bash bench/profile.sh            (BENCH_ROWS rows, default 1000000; BENCH_RUNS runs of each measure, default 3)
#
# Settings: BENCH_JAR (default verticles/target/datasense.jar: point it at another build to compare), BENCH_CSV (reuse
# a CSV made by an earlier run), BENCH_PANDAS=0 (skip pandas), BENCH_BIG=1 (then also a 10M-row CSV, BENCH_BIG_ROWS,
# uploaded once: ingest + profile with its peak RSS; about 2 GB of disk), BENCH_MAX_ROWS (the ingest row limit).
#
# Each run measures, each in a process of its own: an upload of the CSV to ready (ingest + profile + JSON + HTML, as
# IngestVerticle does) beside DuckDB's own read_csv of it into a table; the same for a Parquet copy of it (upload
# beside DuckDB's read_parquet into a table); then the profile alone of the ingested Parquet, SUMMARIZE and pandas.
# Every line gives wall time, process CPU time (user + sys) and peak RSS; the load average is printed per run.
#
# Makes the bench's orders CSV widened to 21 columns, ingests it as an upload is ingested, then measures in one run,
# each in a process of its own (time and peak RSS): our profile of the ingested Parquet (JSON + HTML), DuckDB's
# SUMMARIZE of the same CSV and of the same Parquet (JDBC), and pandas' describe(include='all') of the CSV.
# Expects the built jar (mvn -B -q -o -DskipTests package -> verticles/target/datasense.jar). Outputs in $BENCH_OUT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${BENCH_JAR:-$ROOT/verticles/target/datasense.jar}"
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
echo "== jar: $JAR"
CSV="${BENCH_CSV:-$OUT/orders21.csv}"
[[ -f "$CSV" ]] || "${BENCH[@]}" csv "$ROWS" "$CSV"
"${BENCH[@]}" parquet "$CSV" "$OUT/orders21.parquet"
"${BENCH[@]}" ingest "$CSV" "$OUT/ingest"
PARQUET="$OUT/ingest/data.parquet"
[[ -f "$PARQUET" ]] || PARQUET="$(find "$OUT/ingest" -name data.parquet | head -1)"

for run in $(seq 1 "$RUNS"); do
    echo "-- run $run, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    rm -rf "$OUT/up"; "${BENCH[@]}" upload "$CSV" "$OUT/up"
    "${BENCH[@]}" duckdb-load "$CSV"
    rm -rf "$OUT/upq"; "${BENCH[@]}" upload "$OUT/orders21.parquet" "$OUT/upq"
    "${BENCH[@]}" duckdb-load "$OUT/orders21.parquet"
    "${BENCH[@]}" profile "$PARQUET" "$OUT"
    "${BENCH[@]}" summarize "$CSV"
    "${BENCH[@]}" summarize "$PARQUET"
    echo "   load average $(cut -d' ' -f1-3 /proc/loadavg)"
    if [[ "${BENCH_PANDAS:-1}" == 0 ]]; then
        :
    elif [[ -n "$PYTHON" ]]; then
        "$PYTHON" "$ROOT/bench/pandas_profile.py" "$CSV"
    else
        echo "pandas: not installed (apt-get install -y python3-pandas)"
    fi
done
rm -rf "$OUT/up" "$OUT/upq"
if [[ "${BENCH_BIG:-0}" == 1 ]]; then
    BIG_ROWS="${BENCH_BIG_ROWS:-10000000}"
    echo "-- $BIG_ROWS rows, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    "${BENCH[@]}" csv "$BIG_ROWS" "$OUT/big.csv"
    rm -rf "$OUT/big"; BENCH_MAX_ROWS="$BIG_ROWS" "${BENCH[@]}" upload "$OUT/big.csv" "$OUT/big"
    "${BENCH[@]}" duckdb-load "$OUT/big.csv"
    echo "   load average $(cut -d' ' -f1-3 /proc/loadavg)"
    rm -rf "$OUT/big" "$OUT/big.csv"
fi
echo "profile JSON and page: $OUT/profile.json, $OUT/profile.html"
