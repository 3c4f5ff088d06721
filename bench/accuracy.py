#!/usr/bin/env python3
"""Accuracy measurements for riposte code, printed as a report.

1. CAMEO codebook examples (../shared/data/cameo/icews-cameo-codes.csv, column
   `example`): share of example sentences for which riposte codes an event
   with the example's root code; where the PLOVER gold records (the same
   manual examples, hand-coded with actors) give a source and target, the
   share that also has that dyad (countries, first three letters).
2. The blind hand-coded news set (tests/conformance/news-gold.tsv, sentence
   texts looked up in ../shared/data/news/sentences): precision, recall and
   F1, lenient (country of source and target + root) and strict (+ full code),
   for the political and the random samples.

usage: bench/accuracy.py [RIPOSTE]   (default build/riposte)
"""
import csv, collections, io, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "data")
RIPOSTE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "riposte")


def code(records, extra=()):
    """Runs riposte on [(id, text, date)] and returns {id: [event dicts]}."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for rid, text, date in records:
            f.write(json.dumps({"id": rid, "text": text, "date": date or ""}) + "\n")
        path = f.name
    out = subprocess.run([RIPOSTE, "code", "-q", *extra, path], capture_output=True, text=True)
    os.unlink(path)
    events = collections.defaultdict(list)
    for line in out.stdout.splitlines():
        e = json.loads(line)
        events[e["doc"]].append(e)
    return events


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def score(pairs, strict):
    """Matches coded events to gold events, each gold event at most once.
    pairs: [(gold list of (source, target, code, ...), event dicts)]; a match
    needs the countries (first three letters) of source and target and the root
    (lenient) or the full code (strict). Returns (tp, fp, fn)."""
    tp = fp = fn = 0
    for gold, events in pairs:
        g = list(gold)
        for e in events:
            m = None
            for k, ev in enumerate(g):
                s, t, c = ev[0], ev[1], ev[2]
                if s[:3] == e["source"][:3] and t[:3] == e["target"][:3] and \
                   (c == e["code"] if strict else c[:2] == e["root"]):
                    m = k
                    break
            if m is None:
                fp += 1
            else:
                tp += 1
                g.pop(m)
        fn += len(g)
    return tp, fp, fn


def cameo_examples():
    rows = []
    with open(os.path.join(SHARED, "cameo", "icews-cameo-codes.csv"), encoding="latin-1") as f:
        for r in csv.DictReader(f):
            ex = (r.get("example") or "").strip()
            if ex and ex != "NA":
                ex = ex.encode("latin-1").decode("utf-8", "replace")
                rows.append((r["code"], ex))
    gold = {}
    gsr = os.path.join(SHARED, "plover", "gold_standard_records", "PLOVER_GSR_CAMEO.txt")
    for rec in json.load(open(gsr)):
        if not isinstance(rec, dict) or "text" not in rec:
            continue
        def codes(side):
            v = rec.get(side) or []
            if isinstance(v, dict):
                v = [v]
            return {a.get("code", "")[:3] for a in v if isinstance(a, dict) and a.get("code")}
        src, tgt = codes("source"), codes("target")
        gold[norm(rec["text"])] = (src, tgt)
    events = code([("ex%d" % i, ex, None) for i, (_, ex) in enumerate(rows)])
    n = right_root = with_dyad = dyad_ok = any_event = 0
    by_root = collections.Counter()
    by_root_ok = collections.Counter()
    for i, (c, ex) in enumerate(rows):
        evs = events.get("ex%d" % i, [])
        root = c[:2]
        n += 1
        by_root[root] += 1
        any_event += bool(evs)
        hit = [e for e in evs if e["root"] == root]
        if hit:
            right_root += 1
            by_root_ok[root] += 1
        g = gold.get(norm(ex))
        if g and g[0] and g[1]:
            with_dyad += 1
            if any(e["source"][:3] in g[0] and e["target"][:3] in g[1] for e in hit):
                dyad_ok += 1
    print("CAMEO codebook examples: %d sentences" % n)
    print("  coded with the right root: %d (%.1f%%); any event: %d (%.1f%%)" %
          (right_root, 100.0 * right_root / n, any_event, 100.0 * any_event / n))
    print("  with a gold dyad (PLOVER records): %d; right root and dyad: %d (%.1f%%)" %
          (with_dyad, dyad_ok, 100.0 * dyad_ok / max(with_dyad, 1)))
    print("  by root: " + " ".join("%s %d/%d" % (r, by_root_ok[r], by_root[r]) for r in sorted(by_root)))
    # the same with --all: events whose source or target has no country are kept
    events = code([("ex%d" % i, ex, None) for i, (_, ex) in enumerate(rows)], ("--all",))
    ok = sum(1 for i, (c, _) in enumerate(rows) if any(e["root"] == c[:2] for e in events.get("ex%d" % i, [])))
    print("  with --all (actors without a country kept): right root %d (%.1f%%)" % (ok, 100.0 * ok / n))


def news_gold():
    gold_path = os.path.join(ROOT, "tests", "conformance", "news-gold.tsv")
    if not os.path.exists(gold_path):
        print("news gold set missing")
        return
    gold = collections.defaultdict(list)
    sample = {}
    with open(gold_path) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            sid = r["id"]
            sample[sid] = "rnd" if "[rnd]" in (r.get("comment") or "") else "pol"
            if r["source"] != "-":
                gold[sid].append((r["source"], r["target"], r["code"]))
    texts = {}
    with open(os.path.join(SHARED, "news", "sentences", "news-sentences.jsonl")) as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in sample:
                texts[rec["id"]] = (rec["text"], rec.get("date"))
    events = code([(sid, t, d) for sid, (t, d) in texts.items()])
    for name, which in (("political", "pol"), ("random", "rnd"), ("all", None)):
        ids = [s for s in sample if which is None or sample[s] == which]
        for strict in (False, True):
            tp, fp, fn = score([(gold.get(sid, []), events.get(sid, [])) for sid in ids], strict)
            p = tp / max(tp + fp, 1)
            rcl = tp / max(tp + fn, 1)
            f1 = 2 * p * rcl / max(p + rcl, 1e-9)
            print("news gold, %-9s %-7s: %3d sentences, %3d gold events, %3d coded; "
                  "precision %.2f recall %.2f F1 %.2f" %
                  (name, "strict" if strict else "lenient", len(ids), tp + fn, tp + fp, p, rcl, f1))


def examples():
    """The bundled examples against examples/EXPECTED.md (hand-coded)."""
    gold = collections.defaultdict(list)
    for line in open(os.path.join(ROOT, "examples", "EXPECTED.md")):
        parts = line.split("#")[0].split()
        if len(parts) >= 5 and parts[0].endswith(".txt") and re.match(r"^\d{2,4}$", parts[3]):
            ev = (parts[1], parts[2], parts[3], parts[4], "(headline)" in line)
            gold[parts[0]].append(ev)
    # a headline announcing an event of the body is that event told twice, and
    # riposte merges the two: drop such headline lines
    for f, evs in gold.items():
        gold[f] = [g for g in evs if not (g[4] and any(
            not h[4] and h[0][:3] == g[0][:3] and h[1][:3] == g[1][:3] and h[2] == g[2] and h[3] == g[3]
            for h in evs))]
    out = subprocess.run([RIPOSTE, "code", "-q", os.path.join(ROOT, "examples")],
                         capture_output=True, text=True).stdout
    ours = collections.defaultdict(list)
    for line in out.splitlines():
        e = json.loads(line)
        ours[os.path.basename(e["doc"])].append(e)
    for strict in (False, True):
        tp, fp, fn = score([(gold.get(f, []), ours.get(f, [])) for f in set(gold) | set(ours)], strict)
        p = tp / max(tp + fp, 1)
        r = tp / max(tp + fn, 1)
        print("examples/EXPECTED.md %-7s: %3d expected, %3d coded (after merging repeats); precision %.2f "
              "recall %.2f" % ("strict" if strict else "lenient", tp + fn, tp + fp, p, r))


if __name__ == "__main__":
    cameo_examples()
    news_gold()
    examples()
