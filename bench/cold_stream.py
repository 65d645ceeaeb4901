#!/usr/bin/env python3
"""A stream of DISTINCT cold questions for bench/run.sh (scale-out): each question has its own plan, so no
answer comes from the cache. Sends --count questions with --concurrency of them in flight (synchronous
POST /ask), and prints throughput, latencies, where the tool steps ran, and any reply that was cached or failed.

    python3 bench/cold_stream.py --base http://localhost:18080 --file-id f_... --count 120 --concurrency 6 [--offset 0]

Questions are a fixed, shuffled list: --mix aggregates (default; 2,100 = aggregate x measure x grouping x filter)
or --mix analytics (440 = summary statistics | distribution x measure x year x slice); --offset picks where in
it to start, so a warm-up can use questions the measured run will not repeat. Standard library only.
"""
import argparse
import itertools
import json
import os
import random
import statistics
import sys
import threading
import time
import urllib.request
from collections import Counter

AGGREGATES = ["total", "average", "maximum", "minimum", "median"]
MEASURES = ["sales", "profit", "quantity", "discount"]
GROUPS = ["region", "category", "segment", "ship mode", "sub-category", "state", "city"]
FILTERS = ["", " in 2020", " in 2021", " in 2022", " in 2023",
           " for Furniture", " for Technology", " for Office Supplies",
           " for Consumer", " for Corporate", " for Home Office",
           " for Furniture in 2022", " for Technology in 2021", " for Consumer in 2023", " for Corporate in 2020"]


# The "analytics" mix: whole-column statistics and distributions (quantiles, distinct counts, histograms),
# heavier per question than a grouped aggregate, under every year x (category | segment | region | none) filter.
YEARS = ["", " in 2020", " in 2021", " in 2022", " in 2023"]
SLICES = ["", " for Furniture", " for Technology", " for Office Supplies", " for Consumer", " for Corporate",
          " for Home Office", " for West", " for East", " for Central", " for South"]


def questions(mix="aggregates"):
    """Every combination of the mix, in a fixed pseudo-random order (the same on every run)."""
    if mix == "aggregates":
        qs = [f"{a} {m} by {g}{f}" for a, m, g, f in itertools.product(AGGREGATES, MEASURES, GROUPS, FILTERS)]
    elif mix == "analytics":
        qs = [f"{k} {m}{y}{s}" for k, m, y, s in itertools.product(
            ["summary statistics of", "distribution of"], MEASURES, YEARS, SLICES)]
    else:
        raise ValueError(f"unknown mix {mix!r}")
    random.Random(20261121).shuffle(qs)
    return qs


def ask(base, file_id, question, timeout):
    body = json.dumps({"file_id": file_id, "question": question}).encode()
    request = urllib.request.Request(base + "/ask", data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            status, text = reply.status, reply.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    except Exception as e:  # a timeout or a reset: counted as a failure, the run goes on
        return {"question": question, "status": 0, "error": repr(e), "seconds": time.perf_counter() - started}
    seconds = time.perf_counter() - started
    out = {"question": question, "status": status, "seconds": seconds}
    try:
        d = json.loads(text)
    except ValueError:
        out["error"] = text[:300].decode(errors="replace")
        return out
    if status != 200:
        out["error"] = json.dumps(d)[:300]
        return out
    out["cached"] = d.get("cached")
    out["plan"] = json.dumps([[p["tool"], p["args"]] for p in d.get("plan", [])], sort_keys=True)
    out["steps"] = [{"tool": e.get("tool"), "ran_on": e.get("ran_on"), "tool_ms": e.get("tool_ms"),
                     "status": e.get("status")} for e in d.get("trace", []) if e.get("node") == "act"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True)
    ap.add_argument("--file-id", required=True)
    ap.add_argument("--count", type=int, default=120)
    ap.add_argument("--concurrency", type=int, default=6)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--mix", default="aggregates", choices=["aggregates", "analytics"])
    ap.add_argument("--label", default="run")
    ap.add_argument("--out", help="write every reply's summary here (JSON lines)")
    args = ap.parse_args()

    qs = questions(args.mix)
    if args.offset + args.count > len(qs):
        sys.exit(f"only {len(qs)} distinct questions; offset + count = {args.offset + args.count}")
    todo = iter(qs[args.offset:args.offset + args.count])
    lock = threading.Lock()
    results = []

    def worker():
        while True:
            with lock:
                q = next(todo, None)
            if q is None:
                return
            r = ask(args.base, args.file_id, q, args.timeout)
            with lock:
                results.append(r)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started

    cpu = os.times()
    client_cpu = cpu.user + cpu.system
    if args.out:
        with open(args.out, "w") as f:
            for r in results:
                f.write(json.dumps(r) + "\n")
    ok = [r for r in results if r.get("status") == 200 and "error" not in r]
    failed = [r for r in results if r not in ok]
    cached = [r for r in ok if r.get("cached")]
    plans = {r["plan"] for r in ok}
    lat = sorted(r["seconds"] * 1000 for r in ok)
    ran_on = Counter(s["ran_on"] for r in ok for s in r["steps"])
    tool_ms = [s["tool_ms"] for r in ok for s in r["steps"] if s.get("tool_ms") is not None]
    cached_steps = sum(1 for r in ok for s in r["steps"] if s.get("status") == "cached")
    summary = {
        "label": args.label, "questions": len(results), "ok": len(ok), "failed": len(failed),
        "cached": len(cached), "distinct_plans": len(plans), "concurrency": args.concurrency,
        "seconds": round(elapsed, 3), "questions_per_s": round(len(ok) / elapsed, 3),
        "latency_ms": {"median": round(statistics.median(lat), 1) if lat else None,
                       "p90": round(lat[int(0.9 * (len(lat) - 1))], 1) if lat else None,
                       "max": round(lat[-1], 1) if lat else None},
        "tool_steps_ran_on": dict(ran_on), "cached_steps": cached_steps,
        "tool_ms_sum": round(sum(tool_ms), 1), "client_cpu_s": round(client_cpu, 2),
    }
    print(f"{args.label}: {len(ok)}/{len(results)} questions answered in {elapsed:.2f} s = "
          f"{summary['questions_per_s']:.2f} questions/s at {args.concurrency} in flight; "
          f"latency median {summary['latency_ms']['median']} ms, p90 {summary['latency_ms']['p90']} ms")
    print(f"{args.label}: cached replies {len(cached)}, cached steps {cached_steps}, distinct plans {len(plans)}, failed {len(failed)}; "
          f"tool steps ran on {dict(ran_on)}; tool time {sum(tool_ms) / 1000:.1f} s in all")
    for r in failed[:5]:
        print(f"  failed: {r['question']!r}: status {r.get('status')} {r.get('error', '')[:200]}")
    print("SUMMARY " + json.dumps(summary))
    if cached or failed or len(plans) != len(ok):
        sys.exit(2)


if __name__ == "__main__":
    main()
