#!/usr/bin/env bash
# The whole translation loop on OmegaT 3.6 (Debian's `omegat`), headless:
#   1. `mekong prepare` hands the five seed articles out as XLIFF 1.2 (terms as <mrk>), with
#      Mekong's OmegaT glossary;
#   2. an earlier round's translations (a pseudo-translation of every translatable segment,
#      made from the same XLIFF) go through `mekong import --tm` into a Mekong TMX, which is put
#      in the project's tm/auto/;
#   3. OmegaT opens the project, applies that memory and writes target/ (console-translate);
#   4. `mekong import` reads OmegaT's files back, and `mekong merge` turns them into articles.
# Passes when OmegaT fills every translatable segment from the Mekong memory — the ones with
# <mrk> term markup too: Mekong writes the codes as TMX <bpt>/<ept>, which OmegaT compares as
# tags when "Display tags" is on (Options › External TMXs…; ext_tmx_show_level2 in
# omegat.prefs) — and when the merged articles are byte for byte those merged from the
# translator's own file.
# Not part of CI (OmegaT is a 100 MB Java application). Usage: scripts/omegat-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v omegat >/dev/null || { echo "omegat is not installed (apt-get install omegat)" >&2; exit 2; }
swift build -c release --product mekong >/dev/null
m=$PWD/.build/release/mekong
export MEKONG_GLOSSARY=$PWD/glossary
# import exits 1 when it reports findings (the seeds' press-style names): not a failure here.
findings_ok() { "$@" || [ $? -eq 1 ]; }
work=$(mktemp -d)
p=$work/project
mkdir -p "$p"/{source,target,tm/auto,glossary,dictionary,omegat} "$work"/{config,earlier}
$m prepare seeds/*.txt --to vi --xliff 1.2 -o "$p/source" >/dev/null
rm -f "$p"/source/*.tmx "$p"/source/summary.txt
$m glossary export --format omegat --pair fr-vi -o "$p/glossary/glossary.txt"

# 2. The earlier round: every translatable target gets " (vi)" (its <mrk>s kept, as a CAT tool
# keeps them); the memory Mekong makes of it is what OmegaT is given.
python3 - "$p/source" "$work/earlier" <<'PY'
import pathlib, re, sys
src, out = map(pathlib.Path, sys.argv[1:])
for f in sorted(src.glob("*.xlf")):
    def tr(m):
        unit = m.group(0)
        return unit if 'translate="no"' in unit.split(">", 1)[0] else unit.replace("</target>", " (vi)</target>")
    (out / f.name).write_text(re.sub(r"<trans-unit\b.*?</trans-unit>", tr, f.read_text(), flags=re.S))
PY
findings_ok $m import "$work"/earlier/*.xlf --tm "$p/tm/auto/mekong.tmx" | tail -1
translatable=$(cat "$work"/earlier/*.xlf | grep -c ' (vi)</target>')
tagged=$(grep -c '<bpt ' "$p/tm/auto/mekong.tmx" || true)
echo "memory: $translatable translatable segments, $tagged <bpt> codes"

cat > "$work/config/omegat.prefs" <<'PREFS'
<?xml version="1.0" encoding="UTF-8" ?>
<omegat>
  <preference version="1.0">
    <ext_tmx_show_level2>true</ext_tmx_show_level2>
  </preference>
</omegat>
PREFS
cat > "$p/omegat.project" <<'PRJ'
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <source_dir_excludes/>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>fr</source_lang>
    <target_lang>vi</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
PRJ

# 3. OmegaT applies the memory and writes target/.
omegat "$p" --mode=console-translate --config-dir="$work/config/" >"$work/omegat.log" 2>&1 ||
    { tail -20 "$work/omegat.log"; exit 1; }
filled=$(cat "$p"/target/*.xlf | grep -c ' (vi)</target>' || true)
echo "OmegaT filled $filled of $translatable translatable segments from the Mekong memory"
for f in "$p"/target/*.xlf; do $m validate "$f" >/dev/null; done

# 4. Back through Mekong: import (nothing new for the memory), then merge into articles.
findings_ok $m import "$p"/target/*.xlf --tm "$p/tm/auto/mekong.tmx" | tail -1
$m merge "$p"/target/*.xlf -o "$work/articles" | tail -1
$m merge "$work"/earlier/*.xlf -o "$work/expected" >/dev/null
if [ "$filled" -ne "$translatable" ]; then
    echo "FAIL: OmegaT left $((translatable - filled)) segments unfilled; log: $work/omegat.log" >&2
    exit 1
fi
if ! diff -r "$work/expected" "$work/articles" >"$work/articles.diff"; then
    echo "FAIL: the articles merged from OmegaT's files differ from the translator's ($work/articles.diff)" >&2
    exit 1
fi
echo "ok: $(ls "$work/articles" | wc -l) articles merged from OmegaT's target/ are byte for byte the expected ones ($work/articles)"
