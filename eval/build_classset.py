#!/usr/bin/env python3
"""Builds the class set of eval/: invented tables, original questions, gold computed with sqlite (stdlib).

usage: python3 eval/build_classset.py [--check]

Generates the tables of eval/classset/tables.py (fixed seeds) as CSV under eval/sets/datasets/own/, loads them
into an in-memory sqlite database, runs each case's gold SQL and writes the cases with their gold_columns and
gold_rows:
  eval/sets/dev/classes.jsonl, eval/sets/dev/flagged.jsonl          (eval/classset/dev_cases.py)
  eval/sets/heldout/classes.jsonl, eval/sets/heldout/flagged.jsonl  (eval/classset/heldout_cases.py)
  eval/sets/audit/classes.jsonl, eval/sets/audit/flagged.jsonl      (eval/classset/audit/: sets written blind)
It refuses a case whose gold is empty, wider than the node's inline rows, or tied at a LIMIT's cut (the answer
would not be unique). --check builds in memory and writes nothing. Deterministic: same code, same files.
"""
import argparse, csv, io, json, os, re, sqlite3, statistics, sys
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from classset import tables, dev_cases, heldout_cases, audit  # noqa: E402

SETS = os.path.join(HERE, "sets")
MAX_ROWS = 150  # well under the node's 200 inline rows


class Median:
    def __init__(self):
        self.values = []

    def step(self, v):
        if v is not None:
            self.values.append(v)

    def finalize(self):
        return statistics.median(self.values) if self.values else None


def dayname(ts):
    return datetime.strptime(ts[:10], "%Y-%m-%d").strftime("%A") if ts else None


def quarter(d):
    return "%s-Q%d" % (d[:4], (int(d[5:7]) + 2) // 3) if d else None


def connect():
    db = sqlite3.connect(":memory:")
    db.create_function("dayname", 1, dayname, deterministic=True)
    db.create_function("quarter", 1, quarter, deterministic=True)
    db.create_aggregate("median", 1, Median)
    return db


def csv_text(columns, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([c for c, _ in columns])
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return out.getvalue()


def load(db, name, columns, rows):
    db.execute("CREATE TABLE %s (%s)" % (name, ", ".join("%s %s" % c for c in columns)))
    db.executemany("INSERT INTO %s VALUES (%s)" % (name, ", ".join("?" * len(columns))), rows)


def sort_key(db, sql):
    """The index of the result column a query orders by (its first ORDER BY term), or None."""
    m = re.search(r"ORDER BY (\S+)", sql)
    if not m:
        return None
    term = m.group(1)
    names = [d[0] for d in db.execute(sql).description]
    return int(term) - 1 if term.isdigit() else names.index(term) if term in names else len(names) - 1


def limit_is_tied(db, sql):
    """True when the row after a LIMIT's cut ties with the last kept row on the ordering value."""
    m = re.search(r"LIMIT (\d+)\s*$", sql)
    if not m:
        return False
    n = int(m.group(1))
    rows = db.execute(sql[:m.start()] + "LIMIT %d" % (n + 1)).fetchall()
    k = sort_key(db, sql)
    return len(rows) > n and rows[n - 1][k] == rows[n][k]


def ordered_is_tied(db, sql, rows):
    """An ordered result with equal neighbours on its sort key has no single right order."""
    k = sort_key(db, sql)
    return k is not None and any(a[k] == b[k] for a, b in zip(rows, rows[1:]))


def gold(db, case):
    cur = db.execute(case["gold_sql"])
    cols, rows = [d[0] for d in cur.description], [list(r) for r in cur.fetchall()]
    problems = []
    if not rows:
        problems.append("empty gold")
    if len(rows) > MAX_ROWS:
        problems.append("%d gold rows" % len(rows))
    if any(v is None for r in rows for v in r):
        problems.append("a NULL in the gold")
    if limit_is_tied(db, case["gold_sql"]):
        problems.append("tie at the LIMIT")
    if case.get("ordered") and ordered_is_tied(db, case["gold_sql"], rows):
        problems.append("tied neighbours in an ordered result")
    return cols, rows, problems


def finish(case, prefix, k, db):
    out = {"id": "%s-%03d" % (prefix, k), "dataset": "own/%s.csv" % case["table"], "question": case["question"],
           "class": case["class"]}
    for key in ("ordered", "chart", "series", "tolerance", "expect", "why_flagged", "expect_tools", "gold_sql"):
        if key in case:
            out[key] = case[key]
    problems = []
    if "gold_sql" in case:
        out["gold_columns"], out["gold_rows"], problems = gold(db, case)
    return out, problems


def build_split(name, generators, cases, flagged, prefix, write):
    db = connect()
    for table, make in generators.items():
        columns, rows = make()
        load(db, table, columns, rows)
        if write:
            path = os.path.join(SETS, "datasets", "own", table + ".csv")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(csv_text(columns, rows))
    bad, built = 0, {}
    for file, items, pfx in (("classes", cases, prefix), ("flagged", flagged, prefix + "f")):
        built[file] = []
        for k, case in enumerate(items, 1):
            assert case["table"] in generators, "%s uses a table of another split: %s" % (name, case["table"])
            out, problems = finish(case, pfx, k, db)
            if problems:
                bad += 1
                print("%s %s: %s (%s)" % (name, out["id"], "; ".join(problems), case["question"]), file=sys.stderr)
            built[file].append(out)
    if write:
        for file, items in built.items():
            path = os.path.join(SETS, name, file + ".jsonl")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                for c in items:
                    f.write(json.dumps(c, ensure_ascii=False) + "\n")
    return built, bad


def describe(name, built):
    classes = {}
    for c in built["classes"]:
        classes[str(c["class"])] = classes.get(str(c["class"]), 0) + 1
    print("%s: %d class cases (%s), %d flagged" % (
        name, len(built["classes"]), ", ".join("%s: %d" % kv for kv in sorted(classes.items())), len(built["flagged"])))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="build in memory, write nothing")
    a = ap.parse_args()
    bad = 0
    splits = (("dev", tables.DEV, dev_cases, "cd"), ("heldout", tables.HELDOUT, heldout_cases, "ch"),
              ("audit", audit.TABLES, audit, "ca"))
    for name, gens, mod, prefix in splits:
        built, b = build_split(name, gens, mod.CASES, mod.FLAGGED, prefix, not a.check)
        bad += b
        describe(name, built)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
