#!/usr/bin/env python3
"""Deterministic inputs for the end-to-end benchmark (Benchmarks/e2e/run.sh).

Writes into the folder given as the first argument (git-ignored: Benchmarks/e2e/data):
  fr60.txt          60 MB of real French sentences (UD Sequoia + GSD), 3-8 a paragraph
  articles20/       20 MB of news-like articles in the seeds' format, one file each (header,
                    >> links, captions, credits, Voir plus teasers), real sentences with names
  articles20.txt    the same articles in one file
  glossary.csv      100,000 concepts (Vietnamese and Lao names, French press forms)
  units1m.xlf       XLIFF 2.1, fr -> vi, 1,000,000 translated units
  few.xlf           XLIFF 2.1, 2 translated units (new pairs for a big memory)
  paragraph1m.txt   one 1 MB French paragraph (for SRX rules)
  fr200.txt         200 MB of real French (only with --big)
Sizes can be scaled with MEKONG_E2E_SCALE (e.g. 0.05 for a quick try).
"""
import os
import random
import sys
import unicodedata

out = sys.argv[1]
big = "--big" in sys.argv
scale = float(os.environ.get("MEKONG_E2E_SCALE", "1"))
os.makedirs(out, exist_ok=True)
corpora = os.environ.get("MEKONG_CORPORA", "/work/shared/corpora")
here = os.path.dirname(os.path.abspath(__file__))


def sentences(name):
    with open(os.path.join(corpora, name), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip()]


fr = sentences("fr-sequoia-train-dev.txt") + sentences("fr-gsd-dev.txt")
vi = sentences("vi-vtb-train-dev.txt")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Quốc", "Minh", "Thanh", "Đức", "Hữu", "Ngọc", "Xuân", "Thu", "Hồng", "Công"]
GIVEN = ["Cường", "Hùng", "Lan", "Sơn", "Tuấn", "Hà", "Dũng", "Phương", "Thảo", "Bình", "Đô", "Tú", "Chính", "Lâm",
         "Hải", "Nam"]
LAO = ["ສອນ", "ໄຊ", "ທອງ", "ສະ", "ຫວັນ", "ພົມ", "ວິ", "ຫານ", "ບຸນ", "ເລືອ", "ພັນ", "ດາ", "ນຸ", "ວົງ", "ສີ", "ດອນ"]
LAO_LATN = ["Sone", "Xay", "Thong", "Sa", "Vanh", "Phom", "Vi", "Hanh", "Boun", "Leua", "Phanh", "Da", "Nou", "Vong",
            "Si", "Done"]
PLACES = ["Diên Biên", "Hanoï", "Vientiane", "Luang Prabang", "Hô Chi Minh-Ville", "Dà Nang", "Phongsaly",
          "Oudomxay", "Quang Tri", "Hai Phong"]


def press(v):
    """The French press convention: drop tone marks, đ, ơ, ư, ă; keep â ê ô."""
    s = []
    for ch in unicodedata.normalize("NFD", v):
        o = ord(ch)
        if o in (0x300, 0x301, 0x303, 0x309, 0x323, 0x31B, 0x306):
            continue
        s.append({"Đ": "D", "đ": "d"}.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(s))


def write_french(path, size, seed):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        n = 0
        while n < size:
            k = rng.randint(3, 8)
            i = rng.randrange(len(fr))
            para = " ".join(fr[(i + j) % len(fr)] for j in range(k)) + "\n\n"
            f.write(para)
            n += len(para.encode())


def name(rng):
    return press(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")


def with_names(rng, s):
    # Put a name or place (and a number: few lines repeat) into a real sentence.
    words = s.split(" ")
    if len(words) > 4:
        at = rng.randrange(1, len(words) - 1)
        words.insert(at, rng.choice([f"à {rng.choice(PLACES)}", f"({name(rng)})", f"selon M. {name(rng)},",
                                     f"le {rng.randint(1, 28)} juin {rng.randint(1990, 2025)}"]))
    return " ".join(words)


def write_articles(path, folder, size, seed):
    """One 20 MB file (for check) and the same articles as one file each (for segment)."""
    rng = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        n = 0
        article = 0
        while n < size:
            parts = []
            article += 1
            parts.append(f" date 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {name(rng)} reçu à "
                         f"{rng.choice(PLACES)} ({article})")
            parts.append(f"{rng.choice(PLACES)} : {with_names(rng, rng.choice(fr))}")
            parts.append(" ".join(with_names(rng, rng.choice(fr)) for _ in range(rng.randint(2, 4))))
            for _ in range(rng.randint(1, 3)):
                parts.append(f">> {with_names(rng, rng.choice(fr))}")
            for _ in range(rng.randint(4, 9)):
                parts.append(" ".join(with_names(rng, rng.choice(fr)) for _ in range(rng.randint(2, 6))))
                if rng.random() < 0.15:
                    cap = f"{name(rng)} à {rng.choice(PLACES)} le {rng.randint(1, 28)} juin. Photo : VNA/CVN {article}"
                    parts.append(cap + "\n" + cap)
            parts.append(f"{name(rng)}/CVN")
            if rng.random() < 0.3:
                parts.append("Voir plus")
                parts.append(with_names(rng, rng.choice(fr)))
            text = "\n\n".join(parts) + "\n"
            f.write(text + "\n")
            with open(os.path.join(folder, f"{article:05d}.txt"), "w", encoding="utf-8") as a:
                a.write(text)
            n += len(text.encode()) + 1


def csv_field(s):
    if any(c in s for c in ',"\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_glossary(path, count, seed):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,type,status,fr,vi,lo,lo-Latn,note,source\n")
        for i in range(count):
            if i % 10 < 7:
                v = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)} {i}"
                row = [f"c{i}", "person", "proposed", f"{press(v)} | {press(v).upper()}", v, "", "",
                       "generated", ""]
            else:
                k = rng.randint(2, 3)
                syl = [rng.randrange(len(LAO)) for _ in range(k)]
                row = [f"c{i}", "place", "approved" if i % 3 == 0 else "proposed",
                       "Ban " + "".join(LAO_LATN[s] for s in syl).capitalize() + f" {i}",
                       "Bản " + "".join(LAO_LATN[s] for s in syl).capitalize() + f" {i}",
                       "ບ້ານ" + "".join(LAO[s] for s in syl) + f" {i}",
                       "Ban " + "".join(LAO_LATN[s] for s in syl).capitalize() + f" {i}", "", ""]
            f.write(",".join(csv_field(x) for x in row) + "\n")


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_xliff(path, count, seed, prefix="s"):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="vi">\n')
        f.write(' <file id="f1" original="big.txt">\n')
        for i in range(count):
            s = xml_escape(f"{rng.choice(fr)} ({prefix}{i})")
            t = xml_escape(f"{rng.choice(vi)} ({prefix}{i})")
            f.write(f'  <unit id="u{i}">\n   <segment id="{prefix}{i}" state="translated">\n'
                    f'    <source>{s}</source>\n    <target>{t}</target>\n   </segment>\n  </unit>\n')
        f.write(" </file>\n</xliff>\n")


MB = 1_000_000


def missing(name):
    """Inputs already there are kept (delete one to make it again)."""
    return not os.path.exists(os.path.join(out, name))


if missing("fr60.txt"):
    write_french(os.path.join(out, "fr60.txt"), int(60 * MB * scale), 1)
if missing("articles20"):
    write_articles(os.path.join(out, "articles20.txt"), os.path.join(out, "articles20"), int(20 * MB * scale), 2)
if missing("glossary.csv"):
    write_glossary(os.path.join(out, "glossary.csv"), int(100_000 * scale), 3)
if missing("units1m.xlf"):
    write_xliff(os.path.join(out, "units1m.xlf"), int(1_000_000 * scale), 4)
if missing("few.xlf"):
    write_xliff(os.path.join(out, "few.xlf"), 2, 5, prefix="new")
if missing("paragraph1m.txt"):
    rng = random.Random(6)
    with open(os.path.join(out, "paragraph1m.txt"), "w", encoding="utf-8") as f:
        n = 0
        while n < int(MB * max(scale, 0.2)):
            s = rng.choice(fr) + " "
            f.write(s)
            n += len(s.encode())
        f.write("\n")
if big and missing("fr200.txt"):
    write_french(os.path.join(out, "fr200.txt"), 200 * MB, 7)
