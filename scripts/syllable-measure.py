#!/usr/bin/env python3
"""Measures `mekong check`'s Vietnamese syllable rules side by side with hunspell-vi.

  swift build -j 1 --product mekong
  apt-get install -y hunspell hunspell-vi          # for the comparison
  scripts/syllable-measure.py /work/shared/corpora/vi-vtb-train-dev.txt [--mekong .build/debug/mekong] [--keep DIR]

1. Clean: the sentences as they are. Every finding of `vietnamese-syllable` /
   `vietnamese-syllable-unattested` (mekong) or misspelt word (hunspell -d vi_VN, pipe mode
   `-a`, which is `-l` with line numbers) is a false alarm (the corpus is published, edited
   text; the few real typos it has count against both tools alike).
2. Inserted: in each sentence one Vietnamese word is made impossible, cycling through the
   kinds (tone on a stop coda, uơ for ươ, k/gh/ngh spelling, ă/â without coda, two tones);
   the damaged word keeps a Vietnamese mark (unmarked words, like foreign names and acronyms,
   are out of the rule's scope by design).
   Found = the tool flags that word on that line; other flags are false alarms again.
3. Names: person names from the corpus (capitalised runs starting with a common surname) and
   the glossary, each syllable damaged by dropping or moving one mark; the damaged syllables
   mekong flags as impossible are scored on whether `expected` gives back the real syllable.

Word-tokenised input (UD VTB: spaces around punctuation; no underscores in the text lines).
"""
import argparse, collections, json, os, random, re, subprocess, sys, tempfile, unicodedata

TONES = {'\u0300': 'grave', '\u0301': 'acute', '\u0303': 'tilde', '\u0309': 'hook', '\u0323': 'dot'}
MODS = {'\u0302', '\u0306', '\u031B'}
VOWELS = set('aeiouy')
KINDS = ['stop-tone', 'horn-pair', 'onset-spelling', 'needs-coda', 'two-tones']

ap = argparse.ArgumentParser()
ap.add_argument('corpus')
ap.add_argument('--mekong', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '../.build/debug/mekong'))
ap.add_argument('--keep', default=None, help='directory to keep the generated files in')
ap.add_argument('--seed', type=int, default=16)
ap.add_argument('--french', nargs='*', default=[], help='French files: count the rules\' findings (all false alarms)')
args = ap.parse_args()
rng = random.Random(args.seed)

nfc = lambda s: unicodedata.normalize('NFC', s)
nfd = lambda s: unicodedata.normalize('NFD', s)
sentences = [nfc(l.rstrip('\n')) for l in open(args.corpus, encoding='utf-8') if l.strip()]
work = args.keep or tempfile.mkdtemp(prefix='sylmeasure')
os.makedirs(work, exist_ok=True)

def letters(word):
    """[(base, marks)] of a word (NFD), or None if not plain Latin letters."""
    out = []
    for ch in nfd(word):
        if ch in TONES or ch in MODS:
            if not out: return None
            out[-1][1].append(ch)
        elif ch.isalpha() and ch.isascii() or ch in 'đĐ':
            out.append([ch, []])
        else:
            return None
    return out

def join(ls):
    return nfc(''.join(b + ''.join(m) for b, m in ls))

def strip(word):
    return ''.join(b.lower() for b, _ in letters(word)).replace('đ', 'd')

def tone_of(ls):
    for i, (b, m) in enumerate(ls):
        for c in m:
            if c in TONES: return i, c
    return None, None

def damage(word, kind):
    """An impossible variant of word of this kind, or None."""
    ls = letters(word)
    if not ls or len(ls) > 7: return None
    low = ''.join(b.lower() for b, _ in ls)
    i, t = tone_of(ls)
    if kind == 'stop-tone':
        if re.search(r'(p|t|c|ch)$', low) and t in ('\u0301', '\u0323'):
            ls[i][1] = [c for c in ls[i][1] if c not in TONES] + [rng.choice(['\u0300', '\u0309', '\u0303'])]
            return join(ls)
        return None
    if kind == 'horn-pair':
        for k in range(len(ls) - 1):
            if ls[k][0].lower() == 'u' and '\u031B' in ls[k][1] and ls[k + 1][0].lower() == 'o' and '\u031B' in ls[k + 1][1]:
                ls[k][1] = [c for c in ls[k][1] if c != '\u031B']
                return join(ls)
        return None
    if kind == 'onset-spelling':
        rest = low
        for a, b in (('ngh', 'ng'), ('gh', 'g'), ('k', 'c'), ('ng', 'ngh'), ('c', 'k'), ('g', 'gh')):
            if rest.startswith(a) and not (a == 'c' and rest.startswith('ch')) and not (a == 'g' and rest.startswith('gi')) \
               and not (a == 'k' and rest.startswith('kh')) and not (a == 'ng' and rest.startswith('ngh')) and not (a == 'g' and rest.startswith('gh')):
                cap = ls[0][0].isupper()
                new = [[ch, []] for ch in b] + ls[len(a):]
                if cap: new[0][0] = new[0][0].upper()
                return join(new)
        return None
    if kind == 'needs-coda':
        # a vowel a (or ă/â) at the end, or ă/â followed by a coda that is dropped.
        if ls[-1][0].lower() == 'a' and (len(ls) < 2 or ls[-2][0].lower() not in VOWELS):
            ls[-1][1] = [c for c in ls[-1][1] if c not in MODS] + [rng.choice(['\u0306', '\u0302'])]
            return join(ls)
        if len(ls) >= 2 and ls[-2][0].lower() == 'a' and ('\u0306' in ls[-2][1] or '\u0302' in ls[-2][1]) and ls[-1][0].lower() in 'mnpt' \
           and (len(ls) < 3 or ls[-3][0].lower() not in VOWELS):
            return join(ls[:-1])
        return None
    if kind == 'two-tones':
        vowels = [k for k, (b, m) in enumerate(ls) if b.lower() in VOWELS]
        if t is None or len(vowels) < 2: return None
        other = [k for k in vowels if k != i]
        k = rng.choice(other)
        ls[k][1] = ls[k][1] + [rng.choice([c for c in TONES if c != t])]
        return join(ls)
    return None

def vietnamese_words(s):
    toks = s.split(' ')
    return [(k, w) for k, w in enumerate(toks) if letters(w) and not w.isupper()]

def run_mekong(path, lang='vi'):
    out = subprocess.run([args.mekong, 'check', '--lang', lang, '--format', 'json', path], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit('mekong failed: ' + out.stderr)
    by_line = collections.defaultdict(list)
    for f in json.loads(out.stdout or '[]'):
        if f['rule'] in ('vietnamese-syllable', 'vietnamese-syllable-unattested', 'name-diacritics', 'name-style-inconsistent'):
            by_line[f['line']].append(f)
    return by_line

def run_hunspell(lines):
    """Misspelt words per line (1-based), hunspell pipe mode (^ protects each line)."""
    inp = ''.join('^' + l + '\n' for l in lines)
    out = subprocess.run(['hunspell', '-d', 'vi_VN', '-a'], input=inp, capture_output=True, text=True).stdout.split('\n')
    by_line = collections.defaultdict(list)
    line = 1
    for o in out[1:]:
        if o == '':
            line += 1
            continue
        if o[0] in '&#':
            by_line[line].append(o.split(' ')[1])
    return by_line

def write(name, lines):
    p = os.path.join(work, name)
    with open(p, 'w', encoding='utf-8') as f:
        for l in lines: f.write(l + '\n')
    return p

# 1. Clean
clean_path = write('clean.txt', sentences)
mk_clean = run_mekong(clean_path)
try:
    hs_clean = run_hunspell(sentences)
    have_hunspell = True
except FileNotFoundError:
    hs_clean, have_hunspell = {}, False
n = len(sentences)
# name-diacritics (glossary names) is not these rules: only used to credit a word inside a known name.
for v in mk_clean.values(): v[:] = [f for f in v if f['rule'] != 'name-diacritics']
mk_fa = sum(len(v) for v in mk_clean.values())
mk_fa_err = sum(1 for v in mk_clean.values() for f in v if f['rule'] == 'vietnamese-syllable')
hs_fa = sum(len(v) for v in hs_clean.values())

# 2. Inserted
inserted, truth = [], {}
per_kind = collections.Counter()
for li, s in enumerate(sentences, 1):
    words = vietnamese_words(s)
    rng.shuffle(words)
    done = False
    for shift in range(len(KINDS)):
        kind = KINDS[(li + shift) % len(KINDS)]
        for k, w in words:
            d = damage(w, kind)
            if d and d != w and not d.isascii():
                toks = s.split(' ')
                toks[k] = d
                inserted.append(' '.join(toks))
                truth[len(inserted)] = (d, kind, w, k)
                per_kind[kind] += 1
                done = True
                break
        if done: break
    if not done:
        inserted.append(s)
ins_path = write('inserted.txt', inserted)
mk_ins = run_mekong(ins_path)
hs_ins = run_hunspell(inserted) if have_hunspell else {}

def score(by_line, found_words, counts=lambda x: True):
    tp = collections.Counter(); fp = 0
    for line, items in by_line.items():
        t = truth.get(line)
        hit = False
        for x in items:
            if t and t[0] in found_words(x):
                if not hit: tp[t[1]] += 1
                hit = True
            elif counts(x): fp += 1
    return tp, fp

# A word inside a glossary name found by name-diacritics counts as found (the name rule reports it).
mk_tp, mk_fp = score(mk_ins, lambda f: nfc(f['found']).split(' '), lambda f: f['rule'] != 'name-diacritics')
hs_tp, hs_fp = score(hs_ins, lambda w: [nfc(w)]) if have_hunspell else (collections.Counter(), 0)
total = sum(per_kind.values())

def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)

print(f'corpus: {args.corpus}: {n} sentences; files in {work}')
print(f'\n1. clean sentences: false alarms')
print(f'   mekong  : {mk_fa} ({mk_fa_err} vietnamese-syllable, {mk_fa - mk_fa_err} -unattested) = {1000 * mk_fa / n:.2f} per 1,000 sentences')
for v in mk_clean.values():
    for f in v: print(f'      line {f["line"]}: {f["found"]} [{f["rule"]}] {f.get("expected")}')
if have_hunspell:
    print(f'   hunspell: {hs_fa} = {1000 * hs_fa / n:.2f} per 1,000 sentences; most frequent: '
          + ', '.join(f'{w} ({c})' for w, c in collections.Counter(w for v in hs_clean.values() for w in v).most_common(12)))
print(f'\n2. inserted impossible syllables: {total} (one per sentence where possible)')
print(f'   {"kind":16} {"inserted":>8} {"mekong":>8} {"hunspell":>8}')
for k in KINDS:
    print(f'   {k:16} {per_kind[k]:8} {mk_tp[k]:8} {hs_tp[k] if have_hunspell else "-":>8}')
mp, mr, mf = f1(sum(mk_tp.values()), mk_fp, total - sum(mk_tp.values()))
print(f'   mekong  : found {sum(mk_tp.values())}/{total}, other flags {mk_fp}; precision {mp:.3f} recall {mr:.3f} F1 {mf:.3f}')
if have_hunspell:
    hp, hr, hf = f1(sum(hs_tp.values()), hs_fp, total - sum(hs_tp.values()))
    print(f'   hunspell: found {sum(hs_tp.values())}/{total}, other flags {hs_fp}; precision {hp:.3f} recall {hr:.3f} F1 {hf:.3f}')
missed = [(l, t) for l, t in truth.items() if not any(t[0] in nfc(f['found']).split(' ') for f in mk_ins.get(l, []))]
for l, t in missed[:20]:
    print(f'      mekong missed line {l}: {t[0]} ({t[1]}, from {t[2]})')

# 3. Names
surnames = set()
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../Sources/MekongText/VietnameseNames.swift'), encoding='utf-8').read()
m = re.search(r'surnames: \[String\] = """(.*?)"""', src, re.S)
surnames = {strip(w) for w in m.group(1).replace('\\', ' ').split() if letters(w)}
names = collections.Counter()
for s in sentences:
    toks = s.split(' ')
    k = 0
    while k < len(toks):
        if letters(toks[k]) and toks[k][0].isupper() and strip(toks[k]) in surnames:
            j = k + 1
            while j < len(toks) and j - k < 4 and letters(toks[j]) and toks[j][0].isupper() and not toks[j].isupper():
                j += 1
            if j - k >= 2:
                names[' '.join(toks[k:j])] += 1
            k = j
        else:
            k += 1
gl = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../glossary/person.tsv')
if os.path.exists(gl):
    for line in open(gl, encoding='utf-8').read().split('\n')[1:]:
        cols = line.split('\t')
        if len(cols) > 3 and cols[3] and any(ch in nfd(cols[3]) for ch in list(TONES) + list(MODS) + ['đ', 'Đ']):
            names[nfc(cols[3])] += 1

def damages(word):
    """Drop one mark, or move the tone to another vowel."""
    ls = letters(word)
    out = set()
    for k, (b, m) in enumerate(ls):
        for c in m:
            new = [[x, list(y)] for x, y in ls]
            new[k][1].remove(c)
            out.add(join(new))
    i, t = tone_of(ls)
    if t:
        for k, (b, m) in enumerate(ls):
            if k != i and b.lower() in VOWELS:
                new = [[x, list(y)] for x, y in ls]
                new[i][1].remove(t)
                new[k][1].append(t)
                out.add(join(new))
    out.discard(word)
    return sorted(out)

cases = []
for name in sorted(names):
    toks = name.split(' ')
    for k, w in enumerate(toks):
        for d in damages(w):
            cases.append((name, k, w, d))
lines = []
for name, k, w, d in cases:
    toks = name.split(' ')
    toks[k] = d
    lines.append('Ông ' + ' '.join(toks) + ' phát biểu tại hội nghị .')
names_path = write('names.txt', lines)
mk_names = run_mekong(names_path)
flagged = right = top = 0
warned = warned_right = 0
wrong = []
for li, (name, k, w, d) in enumerate(cases, 1):
    fs = [f for f in mk_names.get(li, []) if f['rule'] == 'vietnamese-syllable' and nfc(f['found']) == d]
    ws = [f for f in mk_names.get(li, []) if f['rule'] == 'vietnamese-syllable-unattested' and nfc(f['found']) == d]
    if ws and not fs:
        warned += 1
        if ws[0].get('expected') and nfc(ws[0]['expected']) == w: warned_right += 1
    if not fs: continue
    flagged += 1
    if fs[0].get('expected') and nfc(fs[0]['expected']) == w: right += 1
    else: wrong.append((d, w, fs[0].get('expected'), fs[0]['message'].split('nearest: ')[-1]))
    if fs[0]['message'].split('nearest: ')[-1].split(', ')[0] == w: top += 1
print(f'\n3. names: {len(names)} real names ({sum(1 for x in names if " " in x)} multi-syllable), {len(cases)} damaged variants '
      f'(one mark dropped or the tone moved); {flagged} are impossible syllables and flagged')
if flagged:
    print(f'   expected = the real syllable: {right}/{flagged} = {100 * right / flagged:.1f}%; first suggestion right: {top}/{flagged} = {100 * top / flagged:.1f}%')
print(f'   of the {len(cases) - flagged} damaged variants that are valid syllables, {warned} get a vietnamese-syllable-unattested '
      f'warning, {warned_right} of them with the real syllable as expected')
for d, w, e, alts in wrong[:25]:
    print(f'      {d}: expected {e!r}, real {w} (nearest: {alts})')

# 4. French text: every finding of these rules is a false alarm.
for path in args.french:
    fr = [nfc(l.rstrip('\n')) for l in open(path, encoding='utf-8') if l.strip()]
    found = run_mekong(write('french.txt', fr), 'fr')
    items = [f for v in found.values() for f in v if f['rule'] != 'name-diacritics']
    print(f'\n4. French {path}: {len(fr)} sentences, {len(items)} findings of these rules = {1000 * len(items) / len(fr):.2f} per 1,000')
    for f in items[:10]: print(f'      line {f["line"]}: {f["found"]} [{f["rule"]}]')
