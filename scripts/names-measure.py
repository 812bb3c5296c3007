#!/usr/bin/env python3
"""Measures `mekong check`'s name rules on real text (issue 11).

  swift build -j 1 --product mekong
  scripts/names-measure.py [--mekong .build/debug/mekong] [--glossary DIR ...] [--corpora ../shared/corpora]

1. False alarms: the published sentences of the corpora (UD VTB for Vietnamese; GSD and Sequoia
   for French, checked without a style and with `--style press`), one sentence a line, with each
   glossary. Published, edited text: nearly every finding is a false alarm. Printed per 1,000
   sentences, by rule and severity (the syllable rules of issue 16 are counted apart).
2. Damaged names: every sentence of the Vietnamese corpus that contains a glossary name (its
   Vietnamese form, as written), plus copies of real sentences where a capitalised name is
   replaced by a glossary name; in each copy the name is damaged one way — all diacritics dropped,
   one tone changed, Ð (U+00D0) for Đ, decomposed (NFD), press form (Vietnamese-only marks
   dropped), decomposed *and* a tone changed. Found = a finding that covers the name; whole = its
   `expected` is the whole right name. Multi-syllable and one-syllable names are counted apart:
   a one-syllable name changed into another real word ("Lào" → "Lao", labour) cannot be told
   from that word without context, so the checker reports it only after a word that announces a
   name (nước, tỉnh, ông…).
"""
import argparse, collections, json, os, random, re, subprocess, sys, tempfile, unicodedata

nfc = lambda s: unicodedata.normalize('NFC', s)
nfd = lambda s: unicodedata.normalize('NFD', s)
TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']
here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument('--mekong', default=os.path.join(here, '../.build/debug/mekong'))
ap.add_argument('--glossary', nargs='*', default=[os.path.join(here, '../glossary'),
                                                   os.path.join(here, '../Tests/Fixtures/glossary-large')])
ap.add_argument('--corpora', default=os.path.join(here, '../../shared/corpora'))
ap.add_argument('--seed', type=int, default=11)
ap.add_argument('--show', type=int, default=0, help='print up to N examples of each kind of miss / alarm')
args = ap.parse_args()
rng = random.Random(args.seed)
SYLLABLE_RULES = {'vietnamese-syllable', 'vietnamese-syllable-unattested', 'vietnamese-name-style-mix'}


def check(path, lang, glossary, style=None):
    cmd = [args.mekong, 'check', '--lang', lang, '--glossary', glossary, '--format', 'jsonl', path]
    if style:
        cmd += ['--style', style]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode == 2:
        sys.exit('mekong failed: ' + p.stderr)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def read(name):
    with open(os.path.join(args.corpora, name), encoding='utf-8') as f:
        lines = [l.rstrip('\n') for l in f if l.strip()]
    # VTB writes brackets as the tokens LBKT / RBKT: give the text its brackets back.
    return [re.sub(r'\bRBKT\b', ')', re.sub(r'\bLBKT\b', '(', l)) for l in lines]


def ascii_form(s):
    return ''.join(c for c in nfd(s) if not unicodedata.combining(c)).replace('Đ', 'D').replace('đ', 'd')


def press_form(s):
    out = []
    for ch in nfc(s):
        d = nfd(ch)
        if ch in 'Đđ':
            out.append('D' if ch == 'Đ' else 'd')
        elif '\u0306' in d or '\u031b' in d:
            out.append(d[0])
        elif '\u0302' in d:
            out.append(nfc(d[0] + '\u0302'))
        else:
            t = [m for m in d[1:] if m in TONES]
            out.append(nfc(d[0] + t[0]) if len(t) == 1 and (d[0].lower() + t[0]) in
                       {'a\u0300', 'e\u0301', 'e\u0300', 'u\u0300'} else d[0])
    return ''.join(out)


def change_tone(s):
    syll = s.split(' ')
    order = list(range(len(syll)))
    rng.shuffle(order)
    for k in order:
        d = nfd(syll[k])
        have = [m for m in d if m in TONES]
        choices = [t for t in TONES if t not in have]
        if not any(c.lower() in 'aeiouy' for c in d):
            continue
        t = rng.choice(choices)
        if have:
            d = d.replace(have[0], t)
        else:  # add a tone on the last vowel
            idx = max(i for i, c in enumerate(d) if c.lower() in 'aeiouy')
            d = d[:idx + 1] + t + d[idx + 1:]
        syll[k] = nfc(d)
        return ' '.join(syll)
    return None


def damages(name):
    out = []
    if ascii_form(name) != name:
        out.append(('ascii', ascii_form(name)))
    t = change_tone(name)
    if t and t != name:
        out.append(('tone', t))
    if 'Đ' in name:
        out.append(('eth', name.replace('Đ', '\u00d0')))
    if nfd(name) != name:
        out.append(('nfd', nfd(name)))
    if press_form(name) != name and press_form(name) != ascii_form(name):
        out.append(('press', press_form(name)))
    if t and nfd(t) != t:
        out.append(('nfd+tone', nfd(t)))
    return out


def glossary_names(directory):
    names = []
    for kind in ['person', 'place', 'body', 'organization']:
        path = os.path.join(directory, kind + '.tsv')
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            next(f)
            for line in f:
                cols = line.rstrip('\n').split('\t')
                vi = cols[3].split(' | ')[0].strip() if len(cols) > 3 else ''
                if vi and vi != ascii_form(vi) and not vi.startswith('!'):
                    names.append((kind, vi))
    return names


def false_alarms():
    print('## False alarms on published sentences (per 1,000 sentences)\n')
    runs = [('vi-vtb-train-dev.txt', 'vi', None)]
    for fr in ['fr-gsd-dev.txt', 'fr-sequoia-train-dev.txt']:
        runs += [(fr, 'fr', None), (fr, 'fr', 'press')]
    for g in args.glossary:
        for corpus, lang, style in runs:
            lines = read(corpus)
            # Articles of 20 consecutive sentences: the document-level rules (consistency, style
            # mix, tone placement) see what they would see in one article.
            tmp = tempfile.mkdtemp()
            for k in range(0, len(lines), 20):
                with open(os.path.join(tmp, f'{k:06d}.txt'), 'w', encoding='utf-8') as f:
                    f.write('\n'.join(lines[k:k + 20]) + '\n')
            found = check(tmp, lang, g, style)
            for x in found:
                x['line'] += int(os.path.basename(x['file'])[:6])
            subprocess.run(['rm', '-rf', tmp])
            by = collections.Counter((x['rule'], x['severity']) for x in found if x['rule'] not in SYLLABLE_RULES)
            syl = sum(1 for x in found if x['rule'] in SYLLABLE_RULES)
            names = sum(by.values())
            errors = sum(n for (r, s), n in by.items() if s == 'error')
            per = lambda n: 1000.0 * n / len(lines)
            detail = ', '.join(f'{r}/{s} {n}' for (r, s), n in sorted(by.items())) or 'none'
            print(f'- {os.path.basename(os.path.normpath(g))} · {corpus} · {lang}{" --style " + style if style else ""}: '
                  f'{len(lines)} sentences; name rules {names} ({per(names):.1f}/1000; errors {per(errors):.1f}/1000): '
                  f'{detail}; syllable rules {syl}')
            if args.show:
                for x in [x for x in found if x['rule'] not in SYLLABLE_RULES][:args.show]:
                    print(f'    {x["line"]}:{x["column"]} {x["rule"]} {x["found"]!r} -> {x.get("expected")!r}: '
                          f'{lines[x["line"] - 1][:110]}')
    print()


RUN = re.compile(r"(?:(?<=\s)|^)((?:[A-ZĐÀ-Ỹ][^\s,.;:!?()\"']*)(?: [A-ZĐÀ-Ỹ][^\s,.;:!?()\"']*)+)")


def damaged_names():
    print('## Damaged names in copies of real sentences (Vietnamese)\n')
    sentences = read('vi-vtb-train-dev.txt')
    for g in args.glossary:
        names = glossary_names(g)
        cases = []  # (kind, name, damage, line text with damage, column of the name)
        for kind, name in names:
            # The name itself, not a part of a longer name ("Đức" in "Trần Minh Đức" is a person).
            def alone(s):
                for m in re.finditer(r'(?<![\w-])' + re.escape(name) + r'(?![\w-])', s):
                    before = s[:m.start()].split(' ')
                    prev = before[-2] if len(before) >= 2 and before[-1] == '' else ''
                    after = s[m.end():]
                    if not (prev[:1].isupper() and not prev.isupper() and len(before) > 2) and \
                            not re.match(r' [A-ZĐÀ-Ỹ][a-zà-ỹđ]', after):
                        return True
                return False
            hits = [s for s in sentences if alone(s)]
            for s in hits[:3]:
                cases.append((kind, name, s, s.index(name)))
        # Substitutions: a capitalised run in a real sentence replaced by a glossary name.
        runs = [(s, m) for s in sentences for m in RUN.finditer(s) if m.start(1) > 0][:4000]
        rng.shuffle(runs)
        for i, (kind, name) in enumerate(names):
            s, m = runs[i % len(runs)]
            cases.append((kind, name, s[:m.start(1)] + name + s[m.end(1):], m.start(1)))
        lines, meta = [], []
        for kind, name, s, at in cases:
            for how, bad in damages(name):
                lines.append(s[:at] + bad + s[at + len(name):])
                meta.append((kind, name, how, bad, len(s[:at]) + 1))
        with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
            f.write('\n'.join(nfc(l) if False else l for l in lines) + '\n')
        found = check(f.name, 'vi', g)
        os.unlink(f.name)
        by_line = collections.defaultdict(list)
        for x in found:
            by_line[x['line']].append(x)
        tally = collections.defaultdict(lambda: [0, 0, 0])
        misses = collections.defaultdict(list)
        other = 0
        for i, (kind, name, how, bad, col) in enumerate(meta, 1):
            one = len(name.split(' ')) == 1
            key = (how, 'one-syllable' if one else 'multi-syllable')
            tally[key][0] += 1
            width = len(bad)
            cover = [x for x in by_line[i] if x['column'] <= col + 1 and x['column'] + len(x['found']) >= col + width - 1
                     and x['rule'] not in SYLLABLE_RULES]
            if cover:
                tally[key][1] += 1
                if any(nfc(x.get('expected') or '') == nfc(name) for x in cover):
                    tally[key][2] += 1
                else:
                    misses['not-whole'].append((name, bad, cover))
            else:
                misses['missed'].append((name, bad, by_line[i]))
            other += sum(1 for x in by_line[i] if x not in cover and x['rule'] not in SYLLABLE_RULES)
        total = [sum(v[k] for v in tally.values()) for k in range(3)]
        multi = [sum(v[k] for (h, n), v in tally.items() if n == 'multi-syllable') for k in range(3)]
        print(f'- {os.path.basename(os.path.normpath(g))}: {len(names)} names with Vietnamese marks, {len(cases)} '
              f'sentences, {total[0]} damaged copies: found {total[1]} ({100.0 * total[1] / max(1, total[0]):.1f} %), '
              f'whole right spelling {total[2]} ({100.0 * total[2] / max(1, total[1]):.1f} % of found); '
              f'multi-syllable names: found {multi[1]}/{multi[0]}, whole {multi[2]}/{multi[1]}; '
              f'other name findings on those lines: {other}')
        for (how, n), (c, fnd, whole) in sorted(tally.items()):
            print(f'    {how:9} {n:15} {c:5} copies, found {fnd:5}, whole {whole:5}')
        if args.show:
            for k, v in misses.items():
                for name, bad, xs in v[:args.show]:
                    print(f'    {k}: {name!r} as {bad!r}: ' + '; '.join(f'{x["rule"]} {x["found"]!r}->{x.get("expected")!r}' for x in xs))
    print()


false_alarms()
damaged_names()
