#!/usr/bin/env python3
"""Builds the WikiTableQuestions-based question sets of eval/ (see eval/README.md for the rule).

usage: python3 eval/build_wtq.py [--repo /work/.mirror/ppasupat+WikiTableQuestions/repo]
                                 [--dev-size 500] [--heldout-size 300] [--probe-size 300] [--per-table 2]
                                 [--fresh K] [--unused K] [--fresh-dir /tmp/datasense-wtq-fresh]

Reads the WTQ questions (data/training.tsv and data/pristine-unseen-tables.tsv) and tables (csv/) from a git
checkout or bare repository of github.com/ppasupat/WikiTableQuestions, keeps the questions the selection rule
accepts, splits them by table (a stable hash of the table path: about 65% of tables dev, 35% held-out),
samples each split down deterministically, and writes:
  eval/sets/dev/wtq.jsonl, eval/sets/heldout/wtq.jsonl      one case a line (denotation cases)
  eval/sets/probe/wtq.jsonl                                 dev-side questions on tables the dev sample does not use:
                                                            a fresh set for auditing confidence
and with --fresh K, K more samples like the probe's, each on tables no earlier one uses, outside the repository
(--fresh-dir): new tables to check a confidence audit against once it has tuned on the probe; and with --unused K,
K samples of the dev-side questions no sample took (new wordings on tables that may have been seen).
  eval/sets/datasets/wtq/csv/<nnn>-csv/<k>.csv              the tables used, byte for byte as WTQ gives them
and prints how many questions each step of the rule keeps. Deterministic: the same inputs give the same files.
"""
import argparse, csv, hashlib, io, json, os, re, shutil, subprocess, sys, tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.join(HERE, "sets")
SOURCES = ["data/training.tsv", "data/pristine-unseen-tables.tsv"]
MAX_COLUMNS = 12

# Question cues, matched on whole words of the lower-cased question. The first family that matches names the
# case's class ("how many ... at least 2" is a comparison: the threshold is the hard part).
KEEP = [
    ("superlative", r"most|least|fewest|highest|lowest|largest|smallest|biggest|greatest|longest|shortest|"
                    r"oldest|youngest|earliest|latest|best|worst|maximum|minimum"),
    ("comparison", r"more than|less than|fewer than|greater than|higher than|lower than|larger than|"
                   r"smaller than|at least|at most|over|under|or more|or less|or fewer|exceed\w*|between"),
    ("aggregate", r"how many|how much|number of|total|sum|average|mean|count"),
    ("listing", r"list|name|which|what are|who are"),
]
# Row order or neighbouring rows, arithmetic between named rows, a choice between two named rows.
DROP = {
    "row order": r"next|previous|after|before|above|below|consecutive|in a row|preceding|following|first|last|"
                 r"listed|prior|top of|bottom of|then|earlier|later|same",
    "arithmetic between rows": r"difference|how many more|how much more|how many fewer|how many less|"
                               r"how much less|combined|together|altogether|twice|times as|ratio|how long",
    "choice between two": r"or(?! (?:more|less|fewer|greater|higher|lower|better|worse)(?![\w']))",
    "yes/no": r"^(is|was|were|are|did|does|do|has|have|had|can|could|will|would)",
}


def cue(pattern):
    return re.compile(r"(?<![\w'])(?:" + pattern + r")(?![\w'])")


KEEP_RE = [(name, cue(p)) for name, p in KEEP]
DROP_RE = {name: cue(p) for name, p in DROP.items()}
NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")


def unescape(s):
    """WTQ's TSV escapes: \\n newline, \\p pipe, \\\\ backslash."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "p": "|", "\\": "\\"}.get(m.group(1), m.group(0)), s)


def extract(repo, dest):
    """Unpacks data/ and csv/ of the WTQ repository (bare or not) into dest."""
    if os.path.isdir(os.path.join(repo, "data")) and os.path.isdir(os.path.join(repo, "csv")):
        return repo
    tar = subprocess.run(["git", "-C", repo, "archive", "HEAD", "data", "csv"], check=True, capture_output=True).stdout
    tarfile.open(fileobj=io.BytesIO(tar)).extractall(dest)
    return dest


def read_questions(root):
    out = []
    for src in SOURCES:
        with open(os.path.join(root, src), encoding="utf-8") as f:
            next(f)
            for line in f:
                qid, utt, ctx, target = line.rstrip("\n").split("\t")
                out.append({"id": qid, "question": utt, "table": ctx,
                            "gold": [unescape(v) for v in target.split("|")], "source": src})
    return out


def read_table(root, path):
    """The table's rows as WTQ's csv reader sees them (backslash escapes), or None when unreadable."""
    try:
        with open(os.path.join(root, path), encoding="utf-8", newline="") as f:
            return list(csv.reader(f, escapechar="\\"))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def table_problem(rows):
    """Why a table is out of scope, or None. Properties of the table only."""
    if not rows or len(rows) < 2:
        return "no data rows"
    header = [h.strip().lower() for h in rows[0]]
    if any(h == "" for h in header):
        return "empty header cell"
    if len(set(header)) != len(header):
        return "duplicated header"
    if len(header) > MAX_COLUMNS:
        return "more than %d columns" % MAX_COLUMNS
    if any(len(r) != len(header) for r in rows[1:]):
        return "ragged rows"
    return None


def question_family(question):
    """(family, None) when the question is in scope, else (None, reason)."""
    q = question.lower().strip()
    for reason, rx in DROP_RE.items():
        if rx.search(q):
            return None, reason
    for name, rx in KEEP_RE:
        if rx.search(q):
            return name, None
    return None, "no aggregate, superlative, comparison or listing cue"


def norm_text(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def gold_problem(gold, rows):
    """Each gold value must be a number or a cell of the table: an answer a query can return."""
    cells = {norm_text(c) for r in rows[1:] for c in r}
    for g in gold:
        if not NUMBER.match(g.strip()) and norm_text(g) not in cells:
            return "answer neither a number nor a table cell"
    return None


def stable_hash(text):
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:12], 16)


def is_dev_table(path):
    return stable_hash("wtq-split:" + path) % 100 < 65


def sample(cases, size, per_table):
    """The first `size` cases in hash order, at most `per_table` of a table, so the set spreads over many tables."""
    seen, out = {}, []
    for c in sorted(cases, key=lambda c: stable_hash("wtq-sample:" + c["id"])):
        if seen.get(c["table"], 0) < per_table and len(out) < size:
            seen[c["table"]] = seen.get(c["table"], 0) + 1
            out.append(c)
    return sorted(out, key=lambda c: (c["source"], int(c["id"].split("-")[1])))


def dataset_name(table):
    return "wtq/" + table


def to_case(c):
    return {"id": "wtq-" + c["id"], "dataset": dataset_name(c["table"]), "question": c["question"],
            "class": c["family"], "gold_values": c["gold"], "source": "WikiTableQuestions " + c["id"]}


def write_set(path, cases):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(to_case(c), ensure_ascii=False) + "\n")


def copy_tables(root, cases):
    """Copies the tables the sets use (and only those: a table no longer used is removed)."""
    shutil.rmtree(os.path.join(SETS, "datasets", "wtq", "csv"), ignore_errors=True)
    for table in sorted({c["table"] for c in cases}):
        dst = os.path.join(SETS, "datasets", dataset_name(table))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(os.path.join(root, table), "rb") as src, open(dst, "wb") as out:
            out.write(src.read())


def select(root, questions):
    """Applies the rule; returns the kept questions and a count of why the others were dropped."""
    tables, dropped, kept = {}, {}, []
    for q in questions:
        if q["table"] not in tables:
            tables[q["table"]] = read_table(root, q["table"])
        rows = tables[q["table"]]
        family, why = question_family(q["question"])
        why = why or (table_problem(rows) if rows is not None else "unreadable table") or gold_problem(q["gold"], rows)
        if why:
            dropped[why] = dropped.get(why, 0) + 1
        else:
            kept.append(dict(q, family=family))
    return kept, dropped


def report(questions, kept, dropped, dev, held, dev_s, held_s, probe_s):
    n = len(questions)
    print("WTQ questions (training + pristine-unseen-tables): %d" % n)
    for why, k in sorted(dropped.items(), key=lambda kv: -kv[1]):
        print("  dropped, %-55s %5d" % (why + ":", k))
    print("kept by the rule: %d = %.1f%% of the whole set, over %d tables"
          % (len(kept), 100.0 * len(kept) / n, len({c["table"] for c in kept})))
    fam = {}
    for c in kept:
        fam[c["family"]] = fam.get(c["family"], 0) + 1
    print("  by family: " + ", ".join("%s %d" % kv for kv in sorted(fam.items())))
    for name, full, s in (("dev", dev, dev_s), ("held-out", held, held_s)):
        print("%s: %d questions over %d tables kept; sampled %d over %d tables"
              % (name, len(full), len({c["table"] for c in full}), len(s), len({c["table"] for c in s})))
    print("probe: sampled %d over %d dev-side tables the dev sample does not use"
          % (len(probe_s), len({c["table"] for c in probe_s})))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", default="/work/.mirror/ppasupat+WikiTableQuestions/repo")
    ap.add_argument("--dev-size", type=int, default=500)
    ap.add_argument("--heldout-size", type=int, default=300)
    ap.add_argument("--probe-size", type=int, default=300)
    ap.add_argument("--per-table", type=int, default=2)
    ap.add_argument("--fresh", type=int, default=0,
                    help="also write this many fresh samples (300 each) of dev-side tables no earlier sample uses")
    ap.add_argument("--fresh-dir", default="/tmp/datasense-wtq-fresh",
                    help="where fresh samples go (outside the repository): DIR/sets/fresh<k>/wtq.jsonl, DIR/sets/datasets/")
    ap.add_argument("--unused", type=int, default=0,
                    help="also write this many samples (300 each) of dev-side questions no other sample took, on tables"
                         " earlier samples may use (when the fresh tables have run out)")
    ap.add_argument("--work", default="/tmp/datasense-wtq-extract")
    a = ap.parse_args()
    root = extract(a.repo, a.work)
    questions = read_questions(root)
    kept, dropped = select(root, questions)
    dev = [c for c in kept if is_dev_table(c["table"])]
    held = [c for c in kept if not is_dev_table(c["table"])]
    dev_s, held_s = sample(dev, a.dev_size, a.per_table), sample(held, a.heldout_size, a.per_table)
    write_set(os.path.join(SETS, "dev", "wtq.jsonl"), dev_s)
    write_set(os.path.join(SETS, "heldout", "wtq.jsonl"), held_s)
    # The probe split: dev-side, so it may be read freely, but on tables no dev case uses, so a confidence audit on
    # it sees tables the planner was never tuned on (as the held-out split does).
    dev_tables = {c["table"] for c in dev_s}
    probe_s = sample([c for c in dev if c["table"] not in dev_tables], a.probe_size, a.per_table)
    write_set(os.path.join(SETS, "probe", "wtq.jsonl"), probe_s)
    copy_tables(root, dev_s + held_s + probe_s)
    report(questions, kept, dropped, dev, held, dev_s, held_s, probe_s)
    used = dev_tables | {c["table"] for c in probe_s}
    taken = {c["id"] for c in dev_s + probe_s}
    k = 0
    while True:  # every fresh sample, written or not, so that --unused knows which questions they took
        fresh = sample([c for c in dev if c["table"] not in used], a.probe_size, a.per_table)
        if not fresh:
            break
        k += 1
        used |= {c["table"] for c in fresh}
        taken |= {c["id"] for c in fresh}
        if k <= a.fresh:
            write_fresh(root, a.fresh_dir, "fresh%d" % k, fresh)
    for k in range(1, a.unused + 1):
        # questions no sample took, on dev-side tables earlier samples may have used: new wordings, known tables
        unused = sample([c for c in dev if c["id"] not in taken], a.probe_size, a.per_table)
        taken |= {c["id"] for c in unused}
        write_fresh(root, a.fresh_dir, "unused%d" % k, unused)


def write_fresh(root, fresh_dir, name, cases):
    write_set(os.path.join(fresh_dir, "sets", name, "wtq.jsonl"), cases)
    for table in sorted({c["table"] for c in cases}):
        dst = os.path.join(fresh_dir, "sets", "datasets", dataset_name(table))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(os.path.join(root, table), dst)
    print("%s: %d questions over %d tables, in %s" % (name, len(cases), len({c["table"] for c in cases}), fresh_dir))

if __name__ == "__main__":
    sys.exit(main())
