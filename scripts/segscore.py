#!/usr/bin/env python3
"""Score `mekong segment` against sentence-per-line corpora (UD `# text` lines).

Paragraphs are built by joining runs of 3-8 consecutive lines with one space (run lengths
from a fixed-seed RNG, so every run of the script sees the same paragraphs). A boundary is the
start of every line but the first of its paragraph; a predicted boundary is the start of every
segment but the first of its paragraph. Precision, recall and F1 over those positions.

Each corpus file is split by lines: the first 70 % is the tuning part, the last 30 % the
held-out part (never look at it while tuning); both are reported, plus the whole file.

Adversarial files (`--cases FILE`): one paragraph per line, `¦` marks a gold boundary, `⏎` a
line break (written into the paragraph as "\n"); `#` starts a comment line.

Usage:
  scripts/segscore.py [--bin .build/release/mekong] [--errors N] [--part tune|held|all]
                      [--lang fr|vi|lo] CORPUS.txt ... [--cases FILE ...]
Language of a corpus is taken from its file name prefix (fr-, vi-, lo-) unless --lang is given.
"""
import argparse, json, os, random, subprocess, sys, tempfile

def paragraphs_from_lines(lines, seed=13):
    rng = random.Random(seed)
    out, i = [], 0
    while i < len(lines):
        n = rng.randint(3, 8)
        out.append(lines[i:i + n])
        i += n
    return out

def build(paras_of_sentences, joiner=" "):
    """paras: list of (text, gold_boundaries_relative). Returns file text, paragraph starts, gold set."""
    text, starts, gold = [], [], set()
    pos = 0
    for sents, seps in paras_of_sentences:
        starts.append(pos)
        p = ""
        for k, s in enumerate(sents):
            if k > 0:
                p += seps[k - 1]
                gold.add(pos + len(p))
            p += s
        text.append(p)
        pos += len(p) + 2  # "\n\n"
    return "\n\n".join(text) + "\n", starts, gold

def run(binary, lang, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        out = subprocess.run([binary, "segment", "--plain", "--lang", lang, "--format", "jsonl", path],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    return [json.loads(l) for l in out.splitlines() if l.strip()]

def score(binary, lang, paras, label, errors=0):
    text, starts, gold = build(paras)
    segs = run(binary, lang, text)
    pstarts = set(starts)
    pred = {s["start"] for s in segs} - pstarts
    # A segment may start after leading white space; gold positions are exact line starts.
    tp = len(pred & gold); fp = len(pred - gold); fn = len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{label:<40} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (gold {len(gold)}, tp {tp}, fp {fp}, fn {fn})")
    if errors:
        import bisect
        sp = sorted(starts)
        def ctx(x):
            i = bisect.bisect_right(sp, x) - 1
            return text[max(sp[i], x - 60):x] + " ┃ " + text[x:x + 50].split("\n\n")[0]
        for kind, xs in (("FP", sorted(pred - gold)), ("FN", sorted(gold - pred))):
            for x in xs[:errors]:
                print(f"  {kind} {ctx(x)!r}")
    return tp, fp, fn

def read_cases(path):
    paras = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        line = line.replace("⏎", "\n")
        pieces = line.split("¦")
        sents, seps = [], []
        for k, piece in enumerate(pieces):
            if k > 0:
                # the white space before the marker belongs to the separator
                prev = sents[-1]
                stripped = prev.rstrip(" \n")
                sep = prev[len(stripped):]
                sents[-1] = stripped
                lead = piece[:len(piece) - len(piece.lstrip(" \n"))]
                seps.append(sep + lead)
                piece = piece[len(lead):]
            sents.append(piece)
        paras.append((sents, seps))
    return paras

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--cases", nargs="*", default=[])
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "mekong"))
    ap.add_argument("--lang")
    ap.add_argument("--part", default="all", choices=["tune", "held", "all", "whole"])
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    for f in a.files:
        lang = a.lang or os.path.basename(f)[:2]
        lines = [l.strip() for l in open(f, encoding="utf-8") if l.strip()]
        cut = int(len(lines) * 0.7)
        parts = {"tune": lines[:cut], "held": lines[cut:], "whole": lines}
        names = ["tune", "held", "whole"] if a.part == "all" else [a.part]
        for name in names:
            paras = [(p, [" "] * (len(p) - 1)) for p in paragraphs_from_lines(parts[name])]
            score(a.bin, lang, paras, f"{os.path.basename(f)} [{name}]", a.errors)
    for f in a.cases:
        lang = a.lang or os.path.basename(f)[:2]
        score(a.bin, lang, read_cases(f), f"{os.path.basename(f)} [cases]", a.errors)

if __name__ == "__main__":
    main()
