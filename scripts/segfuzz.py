#!/usr/bin/env python3
"""Random-text check of `mekong segment --format jsonl` (article mode): every segment's text must be
the source between its offsets. Usage: scripts/segfuzz.py BINARY"""
import os, random, subprocess, json, sys, tempfile
FUZZ = os.path.join(tempfile.gettempdir(), "mekong-segfuzz.txt")
binary=sys.argv[1]
rng=random.Random(7)
alphabet=list('aàbcdeéXYZ MNOPL ILEUNC\'’"“”«»()[]:;.?!…-–— 0123456789\n\n\n')+list('ດຣປອຮສ.ທ ກ່າວເວົ້າ')+list('ĐđươăạảếỗNguyễnVănA')+['\u00a0','\u202f','ặ']
bad=0
for lang in ['fr','vi','lo']:
    for k in range(3):
        t=''.join(rng.choice(alphabet) for _ in range(200000))
        open(FUZZ,'w',encoding='utf-8').write(t)
        r=subprocess.run([binary,'segment','--lang',lang,'--format','jsonl',FUZZ],capture_output=True,text=True)
        src=open(FUZZ,encoding='utf-8-sig').read()
        for l in r.stdout.splitlines():
            s=json.loads(l)
            if src[s['start']:s['end']].replace('\r\n','\n')!=s['text']:
                bad+=1
                if bad<3: print('OFFSET',lang,repr(s['text'][:80]),repr(src[s['start']:s['end']][:80]))
print('bad',bad)
