#!/usr/bin/env bash
# Tries Mekong's exports on a real consumer (not part of CI): Translate Toolkit from PyPI.
# Usage: scripts/interop-check.sh   (installs translate-toolkit with pip if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import translate" 2>/dev/null || pip install -q translate-toolkit
swift build -c release >/dev/null
out=$(mktemp -d)
.build/release/mekong glossary export --format tbx2008 -o "$out/glossary-2008.tbx"
.build/release/mekong glossary export --format tbx -o "$out/glossary-2019.tbx"
python3 - "$out" <<'PY'
import sys
from translate.storage import tbx
out = sys.argv[1]
units = tbx.tbxfile.parsefile(out + "/glossary-2008.tbx").units
print(f"Translate Toolkit reads {len(units)} concepts from the TBX 2008 export; e.g. {units[0].source!r} -> {units[0].target!r}")
try:
    tbx.tbxfile.parsefile(out + "/glossary-2019.tbx")
    print("Translate Toolkit also reads TBX 2019")
except Exception as e:
    print(f"Translate Toolkit cannot read TBX 2019 ({type(e).__name__}), as expected: use --format tbx2008 for it")
PY
