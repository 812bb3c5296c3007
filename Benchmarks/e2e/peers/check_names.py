#!/usr/bin/env python3
"""Peer for `mekong check`: the fastest term matching PyPI offers (ahocorasick-rs, Rust):
load the glossary's TSV files, fold every French/Vietnamese form (case, diacritics, đ -> d,
length-preserving so offsets stay those of the text), match leftmost-longest on word
boundaries, and print `file:line:col: found "..." expected "..."` for each name not written
as one of its concept's forms. Usage: check_names.py GLOSSARY_DIR FILE"""
import glob
import os
import sys
import unicodedata

import ahocorasick_rs

gdir, path = sys.argv[1], sys.argv[2]


def fold_char(c):
    d = unicodedata.normalize("NFD", c)
    base = d[0] if d else c
    base = {"đ": "d", "Đ": "d"}.get(c, base)
    low = base.lower()
    return low if len(low) == 1 else c


# One code point -> one code point: offsets in the folded line are offsets in the line.
table = {}
for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
    c = chr(cp)
    f = fold_char(c)
    if f != c:
        table[cp] = f
for cp in range(0x41, 0x5B):
    table[cp] = chr(cp + 32)


def fold(s):
    return s.translate(table)


forms = {}  # folded form -> (concept id, set of accepted spellings, preferred)
for tsv in sorted(glob.glob(os.path.join(gdir, "*.tsv"))):
    with open(tsv, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        ifr, ivi = header.index("fr"), header.index("vi")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            accepted = [t.strip() for t in cols[ifr].split("|") if t.strip()]
            accepted += [t.strip() for t in cols[ivi].split("|") if t.strip()]
            if not accepted:
                continue
            ok = set(accepted)
            for t in accepted:
                forms.setdefault(fold(t), (cols[0], ok, accepted[0]))
keys = list(forms)
ac = ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
out = []
w = sys.stdout.write
with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        folded = fold(line)
        for k, start, end in ac.find_matches_as_indexes(folded):
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < len(folded) and folded[end].isalnum():
                continue
            cid, ok, pref = forms[keys[k]]
            found = line[start:end]
            if found not in ok:
                w(f'{path}:{n}:{start + 1}: warning: found "{found}", expected "{pref}" ({cid})\n')
