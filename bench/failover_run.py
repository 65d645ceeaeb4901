#!/usr/bin/env python3
"""One run of bench/run.sh's failover scenario: POST an async /ask, find the tools node that runs a step of the
job by its threads' CPU (/proc/<pid>/task), SIGKILL it in mid-step, and time from the kill until GET /jobs/{id}
says done or failed. Prints one JSON line. With --no-kill, times the same kind of job from ask to done instead
(the baseline). Standard library only.

    python3 bench/failover_run.py --base http://localhost:18080 --body '{"file_id":...,"async":true}' \
        --pids 1234,5678 --names tools-0,tools-1 --run 1 [--limit 20] [--no-kill]
"""
import argparse
import glob
import json
import os
import signal
import sys
import time
import urllib.request

# Threads that do not run tools: the JIT, GC and JVM housekeeping, Hazelcast (heartbeats, map backups).
NOT_TOOLS = ("C1 ", "C2 ", "GC ", "G1 ", "VM ", "Sweeper", "JFR", "Common-Cleaner", "hz.", "vertx-hazelcast",
             "vertx-blocked")
BUSY_TICKS = 3      # a node whose tool threads used >= 3 ticks (30 ms at CLK_TCK 100) ...
POLL_SECONDS = 0.06  # ... in one 60 ms poll runs a step


def tool_ticks(pid):
    """CPU ticks of the threads that may run a tool (ds-tools-*, Vert.x workers and event loops, DuckDB)."""
    total = 0
    for task in glob.glob(f"/proc/{pid}/task/*"):
        try:
            if open(task + "/comm").read().startswith(NOT_TOOLS):
                continue
            fields = open(task + "/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass  # a thread that ended meanwhile
    return total


def get_json(url, data=None):
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as reply:
        return json.loads(reply.read())


def wait_end(base, job, until):
    """Polls GET /jobs/{id} every 50 ms until done/failed or the deadline; returns (status, body, time)."""
    status, body = "running", {}
    while time.monotonic() < until:
        try:
            body = get_json(f"{base}/jobs/{job}")
            status = body.get("status")
        except Exception as e:  # the api node itself must stay up; report rather than stop
            status = f"error {e!r}"
        if status in ("done", "failed"):
            break
        time.sleep(0.05)
    return status, body, time.monotonic()


def steps_of(body):
    trace = body.get("trace") or body.get("result", {}).get("trace") or []
    return [[e.get("tool"), e.get("ran_on"), e.get("status")] for e in trace if e.get("node") == "act"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--body", required=True)
    ap.add_argument("--pids", required=True)
    ap.add_argument("--names", required=True)
    ap.add_argument("--run", type=int, required=True)
    ap.add_argument("--limit", type=float, default=20)
    ap.add_argument("--no-kill", action="store_true")
    args = ap.parse_args()
    pids = [int(p) for p in args.pids.split(",")]
    names = args.names.split(",")

    last = [tool_ticks(p) for p in pids]
    t_ask = time.monotonic()
    job = get_json(f"{args.base}/ask", args.body.encode())["job_id"]
    out = {"run": args.run, "job_id": job}
    if args.no_kill:
        status, body, t_end = wait_end(args.base, job, t_ask + args.limit)
        out.update(kind="baseline", status=status, ask_to_end_s=round(t_end - t_ask, 3), steps=steps_of(body))
        print(json.dumps(out))
        return

    victim, t_kill, busy = None, None, []
    deadline = t_ask + args.limit
    while victim is None and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        now = [tool_ticks(p) for p in pids]
        busy = [now[i] - last[i] for i in range(len(pids))]
        last = now
        if max(busy) >= BUSY_TICKS:
            victim = busy.index(max(busy))
            os.kill(pids[victim], signal.SIGKILL)
            t_kill = time.monotonic()
        elif get_json(f"{args.base}/jobs/{job}").get("status") != "running":
            break
    if victim is None:
        out.update(kind="kill", killed=None, note="no step seen running before the job ended; not counted")
        print(json.dumps(out))
        return
    status, body, t_end = wait_end(args.base, job, t_kill + args.limit)
    finished = status in ("done", "failed")
    out.update(kind="kill", killed=names[victim], pid=pids[victim], busy_ticks=busy,
               kill_after_ask_ms=round((t_kill - t_ask) * 1000), status=status,
               kill_to_end_s=round(t_end - t_kill, 3) if finished else None,
               ask_to_end_s=round(t_end - t_ask, 3) if finished else None,
               timed_out_after_s=None if finished else args.limit)
    if status == "done":
        out["steps"] = steps_of(body)
    elif status == "failed":
        out["error"] = body.get("error")
    print(json.dumps(out))


if __name__ == "__main__":
    sys.exit(main())
