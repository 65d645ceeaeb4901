#!/usr/bin/env python3
"""Scores a running DataSense node on question sets over HTTP, with calibration. Python 3 standard library only.

usage: python3 eval/score.py [--base http://localhost:8080] --set FILE [FILE ...] [--datasets DIR]
                             [--only ID,ID] [--class C,C] [--out predictions.jsonl] [--timeout 120]
                             [--verbose | --summary-only]
Auth: a bearer token is sent when DATASENSE_TOKEN is set.

Each set is a JSON-lines file, one case a line: {"id", "dataset", "question", ...}. "dataset" is a path under
--datasets (default: the set file's folder/../datasets, as ../shared/eval/check.py does); each dataset is
uploaded once per run (POST /files?name=..., raw CSV body) and every question is asked with POST /ask
{file_id, question}, following a 202 job until it is done. A case is one of:
  table case       "gold_columns", "gold_rows" [, "ordered", "tolerance"]: check.py's rule. The reply's FIRST
                   table must hold the gold table: every gold column matched by a distinct result column (names
                   and order ignored), rows as a multiset (a sequence when "ordered"); numbers to a relative
                   1e-6 (or the case's tolerance), text trimmed and case-insensitive, timestamps by their date,
                   and a month written 2024-01 equal to 2024-01-01.
  denotation case  "gold_values" (WikiTableQuestions): right when SOME column of the first table, as a multiset
                   of normalized cells, equals the gold list (numbers after removing thousands separators, to a
                   relative 1e-6 or to the gold's own decimals; text trimmed, case- and space-insensitive;
                   dates by value when both sides parse as dates).
  tools case       "expect_tools": check.py's rule (the plan calls each tool on each named column).
  flagged case     "expect": "flagged": right when the reply has no table result, or "best_guess" is true, or
                   "confidence" < 0.8 (an error reply 4xx counts as declined; 5xx or no reply is wrong).
"exact" also requires the first table to have no columns beyond the gold ones. Optional keys: "class" (per-class
accuracy), "chart" (the chart kind asked: an image result's "chart" or a chart step's "kind" must name it).

Printed per set and over all the sets: accuracy and exact accuracy, per class, chart kind, the calibration table
(confidence bucket -> n, right, accuracy), the precision of confident answers (confidence >= 0.8 and best_guess
false), the share of all answers wrong yet unflagged (best_guess false, confidence >= 0.8, a result table), the
share wrong with best_guess false whatever the confidence, and latency median/p95. Misses are listed unless
--summary-only (--verbose lists every case). --out writes one line per case: set, id, class, right, exact, why,
confidence, best_guess, interpretation, the first table's columns, first 5 rows and row count, chart kinds, ms, HTTP
status (0: no reply). A dataset the node refuses to ingest makes each of its cases wrong.
"""
import argparse, json, math, os, re, sys, time, urllib.error, urllib.parse, urllib.request
from collections import OrderedDict
from datetime import date

CONFIDENT = 0.8
BUCKETS = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0)]

# ---- normalization -------------------------------------------------------------------------------------------

DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?)?$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
NUMBER = re.compile(r"^-?[\d,]*\.?\d+(e-?\d+)?$", re.I)
# thousands grouped by commas, or by spaces as SI writes them ("3 783 069")
GROUPED = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+|\d+)?(\.\d+)?$")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9


FLAG_WORDS = {"yes": 1.0, "true": 1.0, "no": 0.0, "false": 0.0}


def norm(v):
    """check.py's cell normalization, plus a month bucket written 2024-01 read as 2024-01-01."""
    if v is None:
        return None
    if isinstance(v, bool):
        return float(v)
    if isinstance(v, (int, float)):
        return float(v)
    s = str(v).strip()
    if s == "" or s.lower() in ("null", "none", "nan"):
        return None
    if s.lower() in FLAG_WORDS:
        return FLAG_WORDS[s.lower()]  # the product reads a yes/no column as a boolean: 'Yes' in SQLite's gold is true
    m = DATE.match(s)
    if m:
        return m.group(1)
    m = MONTH.match(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return "%s-%s-01" % (m.group(1), m.group(2))
    if NUMBER.fullmatch(s):
        try:
            return float(s.replace(",", ""))
        except ValueError:
            pass
    return s.lower()


def parse_date(s):
    """An ISO date string for common written dates (2001-05-03, 2001-05, May 3, 2001, 3 May 2001, May 2001), else None."""
    s = s.strip().lower().replace(".", "")
    n = norm(s)
    if isinstance(n, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", n):
        return n
    m = re.fullmatch(r"([a-z]+) (\d{1,2}),? (\d{4})", s) or re.fullmatch(r"(\d{1,2}) ([a-z]+),? (\d{4})", s)
    if m:
        a, b, y = m.groups()
        mon, day = (a, b) if a.isalpha() else (b, a)
        return _iso(y, MONTHS.get(mon), day)
    m = re.fullmatch(r"([a-z]+),? (\d{4})", s)
    if m:
        return _iso(m.group(2), MONTHS.get(m.group(1)), 1)
    return None


def _iso(y, month, day):
    try:
        return date(int(y), month, int(day)).isoformat() if month else None
    except (TypeError, ValueError):
        return None


def denot(v):
    """A WikiTableQuestions value normalized: a float, an ISO date, or lower-cased single-spaced text."""
    if v is None:
        return None
    if isinstance(v, (bool, int, float)):
        return float(v)
    s = re.sub(r"\s+", " ", str(v)).strip()
    if s == "" or s.lower() in ("null", "none", "nan"):
        return None
    if GROUPED.fullmatch(s) and any(ch.isdigit() for ch in s):
        return float(s.replace(",", "").replace(" ", ""))
    return parse_date(s) or s.lower()


def decimals(text):
    m = re.fullmatch(r"[+-]?[\d,]*\.(\d+)", str(text).strip())
    return len(m.group(1)) if m else 0


def same(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=tol, abs_tol=tol)
    return a == b


# ---- matching ------------------------------------------------------------------------------------------------

def multiset_equal(gold, pred, eq):
    """True when pred is a permutation of gold under eq (greedy: eq is close to an equivalence)."""
    if len(gold) != len(pred):
        return False
    left = list(pred)
    for g in gold:
        for i, p in enumerate(left):
            if eq(g, p):
                del left[i]
                break
        else:
            return False
    return True


def rows_match(gold, pred, ordered, tol):
    row_eq = lambda g, p: all(same(a, b, tol) for a, b in zip(g, p))
    if ordered:
        return len(gold) == len(pred) and all(row_eq(g, p) for g, p in zip(gold, pred))
    return multiset_equal(gold, pred, row_eq)


def column_candidates(gold, pred, width, pw, tol):
    """For each gold column, the result columns whose values agree with it as a multiset (a necessary condition)."""
    out = []
    for j in range(width):
        col = [r[j] for r in gold]
        out.append([k for k in range(pw) if multiset_equal(col, [r[k] for r in pred], lambda a, b: same(a, b, tol))])
    return out


def assignments(cands, used=()):
    """Every injective choice of one candidate result column per gold column."""
    if not cands:
        yield []
        return
    for k in cands[0]:
        if k not in used:
            for rest in assignments(cands[1:], used + (k,)):
                yield [k] + rest


def table_matches(gold_rows, pred_cols, pred_rows, ordered, tol, exact=False):
    """check.py's table rule; with exact, the result may not have columns beyond the gold ones."""
    g = [[norm(v) for v in r] for r in gold_rows]
    p = [[norm(v) for v in r] for r in pred_rows]
    if len(g) != len(p):
        return False
    pw = len(pred_cols) if pred_cols else (len(p[0]) if p else 0)
    p = [(r + [None] * pw)[:pw] for r in p]
    if not g:
        return not exact or not gold_rows or pw == 0
    width = len(g[0])
    if pw < width or (exact and pw != width):
        return False
    for mapping in assignments(column_candidates(g, p, width, pw, tol)):
        if rows_match(g, [[r[k] for k in mapping] for r in p], ordered, tol):
            return True
    return False


def value_eq(gold_text, tol):
    """Equality of one gold value (text) with a result cell, the denotation way."""
    g, d = denot(gold_text), decimals(gold_text)

    def eq(_, cell):
        c = denot(cell)
        if isinstance(g, float) and isinstance(c, float):
            return math.isclose(g, c, rel_tol=tol, abs_tol=tol) or (d > 0 and round(c, d) == round(g, d))
        return g == c
    return eq


def denotation_matches(gold_values, pred_cols, pred_rows, tol, exact=False):
    """Some column of the table, as a multiset of normalized cells, equals the gold list."""
    pw = len(pred_cols) if pred_cols else (len(pred_rows[0]) if pred_rows else 0)
    if exact and pw != 1:
        return False
    eqs = [value_eq(v, tol) for v in gold_values]
    for k in range(pw):
        col = [r[k] if k < len(r) else None for r in pred_rows]
        if len(col) == len(eqs) and multiset_equal(list(range(len(eqs))), col, lambda i, cell: eqs[i](None, cell)):
            return True
    return False


# ---- scoring one case ----------------------------------------------------------------------------------------

def first_table(body):
    for r in body.get("results") or []:
        if r.get("type") == "table":
            return r
    return None


def case_kind(c):
    if c.get("expect") == "flagged":
        return "flagged"
    if "expect_tools" in c:
        return "tools"
    if "gold_values" in c:
        return "denotation"
    return "table"


def is_flagged(body):
    conf = body.get("confidence")
    return first_table(body) is None or bool(body.get("best_guess")) or (conf is not None and conf < CONFIDENT)


def step_names(step, col):
    return col.lower() in json.dumps(step.get("args", {})).lower()


def score_case(c, status, body):
    """(right, exact, why) for one case given the HTTP status and body of its /ask reply."""
    kind = case_kind(c)
    if kind == "flagged":
        if 400 <= status < 500:
            return True, True, ""
        if status != 200:
            return False, False, "HTTP %s %s" % (status, json.dumps(body)[:160])
        ok = is_flagged(body)
        return ok, ok, "" if ok else "answered with confidence %s and no best_guess" % body.get("confidence")
    if status != 200:
        return False, False, "HTTP %s %s" % (status, json.dumps(body)[:160])
    if kind == "tools":
        plan = body.get("plan") or []
        for exp in c["expect_tools"]:
            if not any(s.get("tool") == exp["tool"] and all(step_names(s, col) for col in exp["columns"]) for s in plan):
                return False, False, "no %s step on %s in plan %s" % (exp["tool"], exp["columns"], json.dumps(plan)[:200])
        return True, True, ""
    t = first_table(body)
    if t is None:
        return False, False, "no table result"
    cols, rows, tol = t.get("columns") or [], t.get("rows") or [], c.get("tolerance", 1e-6)
    if kind == "denotation":
        ok = denotation_matches(c["gold_values"], cols, rows, tol)
        exact = ok and denotation_matches(c["gold_values"], cols, rows, tol, exact=True)
    else:
        ordered = c.get("ordered", False)
        ok = table_matches(c["gold_rows"], cols, rows, ordered, tol)
        exact = ok and table_matches(c["gold_rows"], cols, rows, ordered, tol, exact=True)
    if ok:
        return True, exact, "" if exact else "extra columns %s" % json.dumps(cols)[:120]
    return False, False, "table differs: got %d rows (gold %d) %s %s" % (
        len(rows), len(c.get("gold_rows") or c.get("gold_values") or []), json.dumps(cols)[:100],
        json.dumps(rows[:5])[:200])


def chart_kinds(body):
    kinds = [r.get("chart") for r in body.get("results") or [] if r.get("type") == "image"]
    kinds += [(s.get("args") or {}).get("kind") for s in body.get("plan") or [] if s.get("tool") == "chart"]
    return [k for k in kinds if k]


# ---- HTTP ----------------------------------------------------------------------------------------------------

def http(method, url, body=None, ctype="application/json", timeout=120):
    headers = {"Content-Type": ctype, "Accept": "application/json"}
    token = os.environ.get("DATASENSE_TOKEN")
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"{}")
        except ValueError:
            return e.code, {}


def ask(base, file_id, question, timeout):
    """POST /ask; a 202 job is followed until it is done, failed, or the timeout passes."""
    status, body = http("POST", base + "/ask", json.dumps({"file_id": file_id, "question": question}).encode(),
                        timeout=timeout)
    if status == 202 and body.get("job_id"):
        job, deadline = body["job_id"], time.time() + timeout
        while time.time() < deadline:
            time.sleep(0.1)
            status, body = http("GET", base + "/jobs/" + job)
            if body.get("status") in ("done", "failed", "ok", "error"):
                result = body.get("result") if isinstance(body.get("result"), dict) else None
                return (status, result) if result else (status, body)
    return status, body


def upload(base, path, name):
    with open(path, "rb") as f:
        status, body = http("POST", base + "/files?name=" + urllib.parse.quote(name), f.read(), "text/csv")
    if status // 100 != 2 or "file_id" not in body:
        raise RuntimeError("upload of %s failed: HTTP %s %s" % (path, status, json.dumps(body)[:200]))
    return body["file_id"]


# ---- a run ---------------------------------------------------------------------------------------------------

def load_cases(path, only, classes):
    with open(path, encoding="utf-8") as f:
        cases = [json.loads(l) for l in f if l.strip()]
    if only:
        cases = [c for c in cases if c["id"] in only]
    if classes:
        cases = [c for c in cases if str(c.get("class", "")) in classes]
    return cases


def run_case(a, files, ds_dir, c):
    """Asks one case and returns its prediction record."""
    path = os.path.normpath(os.path.join(ds_dir, c["dataset"]))
    t0, status, body = time.time(), 0, {}
    try:
        if path not in files:
            try:
                files[path] = upload(a.base, path, os.path.basename(c["dataset"]))
            except Exception as e:  # remembered, so a file the node refuses is sent once
                files[path] = e
        if isinstance(files[path], Exception):
            raise files[path]
        status, body = ask(a.base, files[path], c["question"], a.timeout)
    except Exception as e:  # a dead node, a hanging request or a failed upload is a wrong answer, not a crash
        status, body = 0, {"error": str(e)}
    ms = (time.time() - t0) * 1000
    right, exact, why = score_case(c, status, body)
    t = first_table(body) or {}
    return OrderedDict([
        ("id", c["id"]), ("class", str(c.get("class", case_kind(c)))), ("kind", case_kind(c)),
        ("status", status), ("right", right), ("exact", exact), ("why", why),
        ("confidence", body.get("confidence")), ("best_guess", bool(body.get("best_guess"))),
        ("interpretation", body.get("interpretation")), ("has_table", bool(t)),
        ("columns", t.get("columns")), ("rows", (t.get("rows") or [])[:5]), ("row_count", len(t.get("rows") or [])),
        ("chart_asked", c.get("chart")), ("chart_kinds", chart_kinds(body)), ("ms", round(ms, 1)),
    ])


def run_set(a, files, set_path, log):
    ds_dir = a.datasets or os.path.join(os.path.dirname(os.path.abspath(set_path)), "..", "datasets")
    preds = []
    for c in load_cases(set_path, a.only, a.classes):
        p = run_case(a, files, ds_dir, c)
        p["set"] = set_path
        preds.append(p)
        if not a.summary_only and (a.verbose or not p["right"]):
            log("%-14s %s  %s%s" % (c["id"], "ok  " if p["right"] else "MISS", c["question"],
                                     "" if p["right"] else "\n" + " " * 21 + p["why"]))
    return preds


# ---- reports -------------------------------------------------------------------------------------------------

def pct(k, n):
    return "%d/%d = %5.1f%%" % (k, n, 100.0 * k / n) if n else "0/0"


def bucket(conf):
    if conf is None:
        return "none"
    if conf >= 1.0:
        return "1.0"
    for lo, hi in BUCKETS:
        if lo <= conf < hi:
            return "[%.1f,%.1f)" % (lo, hi)
    return "[0.0,0.2)"


def percentile(values, q):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, int(math.ceil(q * len(v))) - 1)] if q < 1 else v[-1]


def confident(p):
    return p["confidence"] is not None and p["confidence"] >= CONFIDENT and not p["best_guess"]


def summary(preds):
    """The figures of one set (or of several together) as a dict, for printing and for tests."""
    n = len(preds)
    s = {"n": n, "right": sum(p["right"] for p in preds), "exact": sum(p["exact"] for p in preds)}
    s["classes"] = OrderedDict()
    for p in sorted(preds, key=lambda p: (len(p["class"]), p["class"])):
        c = s["classes"].setdefault(p["class"], [0, 0, 0])
        c[0] += p["right"]
        c[1] += p["exact"]
        c[2] += 1
    charts = [p for p in preds if p["chart_asked"]]
    s["charts"] = (sum(p["chart_asked"] in p["chart_kinds"] for p in charts), len(charts))
    s["buckets"] = OrderedDict((b, [0, 0]) for b in ["[%.1f,%.1f)" % r for r in BUCKETS] + ["1.0", "none"])
    for p in preds:
        s["buckets"][bucket(p["confidence"])][0] += 1
        s["buckets"][bucket(p["confidence"])][1] += p["right"]
    conf = [p for p in preds if confident(p)]
    s["confident"] = (sum(p["right"] for p in conf), len(conf))
    s["wrong_unflagged"] = sum(1 for p in preds if not p["right"] and confident(p) and p["has_table"])
    s["wrong_not_best_guess"] = sum(1 for p in preds if not p["right"] and not p["best_guess"])
    s["errors"] = sum(1 for p in preds if p.get("status", 200) == 0 or p.get("status", 200) >= 500)
    ms = [p["ms"] for p in preds]
    s["latency"] = (percentile(ms, 0.5), percentile(ms, 0.95))
    return s


def report(title, s, log):
    n = s["n"]
    log("== %s: %d cases" % (title, n))
    log("accuracy:       %s" % pct(s["right"], n))
    log("exact accuracy: %s   (no columns beyond the gold ones)" % pct(s["exact"], n))
    log("per class (right, exact):")
    for name, (r, e, k) in s["classes"].items():
        log("  %-12s %-20s %s" % (name, pct(r, k), pct(e, k)))
    if s["charts"][1]:
        log("chart kind:     %s" % pct(*s["charts"]))
    log("calibration:    confidence     n  right  accuracy")
    for b, (k, r) in s["buckets"].items():
        if k or b != "none":
            log("                %-10s %5d  %5d  %s" % (b, k, r, ("%5.1f%%" % (100.0 * r / k)) if k else "    -"))
    log("confident answers (confidence >= 0.8, best_guess false) right: %s" % pct(*s["confident"]))
    log("wrong and unflagged (best_guess false, confidence >= 0.8, a table): %s of all answers"
        % pct(s["wrong_unflagged"], n))
    log("wrong with best_guess false (any confidence):                      %s of all answers"
        % pct(s["wrong_not_best_guess"], n))
    log("no reply (refused upload, node error or timeout): %d" % s["errors"])
    log("latency ms: median %.0f, p95 %.0f" % s["latency"])
    log("")


def write_out(path, preds):
    with open(path, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False, default=str) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://localhost:8080")
    ap.add_argument("--set", nargs="+", required=True, dest="sets")
    ap.add_argument("--datasets", default=None, help="folder of the datasets (default: <set folder>/../datasets)")
    ap.add_argument("--only", default="", help="comma-separated case ids")
    ap.add_argument("--class", default="", dest="classes", help="comma-separated classes")
    ap.add_argument("--out", default=None, help="write every case's prediction to this JSON-lines file")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--verbose", action="store_true", help="list every case, not only the misses")
    ap.add_argument("--summary-only", action="store_true", help="list no case, only the figures")
    a = ap.parse_args()
    a.base = a.base.rstrip("/")
    a.only = set(x for x in a.only.split(",") if x)
    a.classes = set(x for x in a.classes.split(",") if x)
    log = lambda line: print(line, flush=True)
    files, every = {}, []
    for set_path in a.sets:
        preds = run_set(a, files, set_path, log)
        report(set_path, summary(preds), log)
        every += preds
    if len(a.sets) > 1:
        report("all %d sets together" % len(a.sets), summary(every), log)
    if a.out:
        write_out(a.out, every)


if __name__ == "__main__":
    main()
