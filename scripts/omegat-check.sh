#!/usr/bin/env bash
# Tries the hand-off on OmegaT 3.6 (Debian's `omegat`), headless: an OmegaT project whose source is
# Mekong's XLIFF 1.2, with one translation in a Mekong TMX under tm/auto/ and Mekong's OmegaT
# glossary. Passes when OmegaT writes the target XLIFF with that translation in it.
# Not part of CI. Usage: scripts/omegat-check.sh  (needs `apt-get install omegat`)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v omegat >/dev/null || { echo "omegat is not installed (apt-get install omegat)" >&2; exit 2; }
swift build -c release >/dev/null
m=.build/release/mekong
p=$(mktemp -d)/project
mkdir -p "$p"/{source,target,tm/auto,glossary,dictionary,omegat}
$m prepare seeds/001_484350ca943d9f8b.txt --to vi --xliff 1.2 -o "$p/source" >/dev/null
rm -f "$p"/source/*.tmx "$p"/source/summary.txt
$m glossary export --format omegat --pair fr-vi -o "$p/glossary/glossary.txt"
# One translated sentence, as a Mekong TMX, for OmegaT to apply.
src="Enfin, les deux parties se sont engagées à poursuivre et faciliter la coopération entre les organisations et entreprises, à renforcer la collaboration dans la lutte contre la criminalité, ainsi qu’à maintenir la sécurité et l’ordre dans les zones frontalières communes."
tgt="Cuối cùng, hai bên cam kết tiếp tục hợp tác."
cat > "$p/tm/auto/mekong.tmx" <<TMX
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="Mekong" creationtoolversion="0.1.0" segtype="sentence" o-tmf="Mekong" adminlang="en" srclang="fr" datatype="plaintext"/>
<body><tu tuid="t1"><tuv xml:lang="fr"><seg>$src</seg></tuv><tuv xml:lang="vi"><seg>$tgt</seg></tuv></tu></body></tmx>
TMX
$m validate "$p/tm/auto/mekong.tmx" >/dev/null
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
omegat "$p" --mode=console-translate > "$p/omegat.log" 2>&1 || { tail -20 "$p/omegat.log"; exit 1; }
out=$(ls "$p"/target/*.xlf)
if grep -q "$tgt" "$out"; then
    echo "OmegaT read Mekong's XLIFF 1.2 and TMX: the translation is in $(basename "$out")"
    $m validate "$out"
    # And Mekong reads OmegaT's file back: the one translated segment, the rest untranslated.
    $m import "$out" | head -1
else
    echo "OmegaT did not apply the translation; log:" >&2; tail -20 "$p/omegat.log" >&2; exit 1
fi
