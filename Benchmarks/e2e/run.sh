#!/usr/bin/env bash
# End-to-end benchmark: times the `mekong` executable as a whole process (wall time and peak
# RSS from /usr/bin/time) next to peers run in the same invocation, and prints ratios.
#
#   Benchmarks/e2e/run.sh [--big] [--no-build] [--only ROW,ROW…] [--mekong PATH] [--before PATH]
#
# --before PATH runs a second mekong build (e.g. main's, saved with
# `cp -r .build/release/{mekong,*.resources} DIR/`) on every row too, in the same invocation, so
# that before and after are compared within one run (this machine is noisy).
# Rows: seg-plain seg-article seg-jsonl glossary find check import import-few vi-syllable leverage srx big.
#
# MEKONG_E2E_REPEAT=N: each command N times, the fastest kept (default 1).
# Needs: gcc, libicu-dev, libxml2-dev, xmllint, python3 with ahocorasick-rs
# (pip install ahocorasick-rs), GNU time (apt-get install time). Inputs are generated once
# (deterministic) into Benchmarks/e2e/data (git-ignored); --big adds a 200 MB file for the
# streaming memory row. Ratio = peer seconds / mekong seconds: above 1, mekong is faster.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data="$here/data"
work="$data/work"
big=0
build=1
only=""
mekong="$root/.build/release/mekong"
before=""
while [ $# -gt 0 ]; do
    case "$1" in
    --big) big=1 ;;
    --no-build) build=0 ;;
    --only) only="$2"; shift ;;
    --mekong) mekong=$(realpath "$2"); build=0; shift ;;
    --before) before=$(realpath "$2"); shift ;;
    *) echo "usage: run.sh [--big] [--no-build] [--only ROW,ROW…] [--mekong PATH] [--before PATH]" >&2; exit 2 ;;
    esac
    shift
done
if [ "$build" = 1 ]; then
    (cd "$root" && swift build -j 1 -c release --product mekong >&2)
fi
if [ ! -f "$data/units1m.xlf" ] || [ ! -d "$data/articles20" ] || { [ "$big" = 1 ] && [ ! -f "$data/fr200.txt" ]; }; then
    echo "generating inputs in $data…" >&2
    python3 "$here/generate.py" "$data" $([ "$big" = 1 ] && echo --big)
fi
mkdir -p "$work"
cd "$root"  # the shipped glossary/ is the default glossary
peers="$work/bin"
mkdir -p "$peers"
gcc -O2 -o "$peers/icu_segment" "$here/peers/icu_segment.c" -licuuc
gcc -O2 -I/usr/include/libxml2 -o "$peers/xliff2tmx" "$here/peers/xliff2tmx.c" -lxml2
srx=${MEKONG_SRX:-/work/shared/standards/srx/languagetool-segment.srx}
[ -f "$srx" ] || srx="$root/Tests/Fixtures/standards/srx/languagetool-segment.srx"
timeout_s=${MEKONG_E2E_TIMEOUT:-120}
# The glossary's cache (see README) is off except in the rows that say "cached", and never in
# the user's ~/.cache (each binary has its own, @W@/cache): a row either builds the glossary's
# tables (as the first run does) or reads them from a cache an earlier row wrote.
export MEKONG_CACHE=off MEKONG_CACHE_DIR="$work/cache"

# measure NAME CMD… : runs CMD with stdout to a file, sets $sec and $mb ("killed" past the timeout).
# MEKONG_E2E_REPEAT=N (default 1) runs it N times and keeps the fastest (this machine is noisy).
measure() {
    local name=$1
    shift
    local t="$work/$name.time"
    local best="" bestmb=0 n=${MEKONG_E2E_REPEAT:-1}
    for ((r = 0; r < n; r++)); do
        local rc=0
        [ "$r" -gt 0 ] && [ -n "${PREP_AGAIN:-}" ] && eval "$PREP_AGAIN"
        /usr/bin/time -o "$t" -f '%e %M' timeout "$timeout_s" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
        # 1 is a run that found something (check, import): timed like a clean one.
        if [ "$rc" = 0 ] || [ "$rc" = 1 ]; then
            read -r sec kb < <(tail -n 1 "$t")
            mb=$((kb / 1024))
            if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float('$sec') < float('$best') else 1)"; then best=$sec; fi
            [ "$mb" -gt "$bestmb" ] && bestmb=$mb
        else
            if [ "$rc" = 124 ]; then sec="killed>${timeout_s}"; else sec="rc=$rc"; fi
            mb=-
            tail -n 3 "$work/$name.err" >&2 || true
            return
        fi
    done
    sec=$best
    mb=$bestmb
}
want() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }
ratio() { python3 -c "import sys; a,b=sys.argv[1:]; print(f'{float(b)/float(a):.2f}x')" "$1" "$2" 2>/dev/null || echo "-"; }
rows=()
# mk NAME ARGS… : runs the mekong under test (and the --before one) with ARGS, in which @W@
# stands for a work folder of each binary's own; sets $a/$am (after) and $b/$bm (before).
mk() {
    local name=$1
    shift
    local args=("${@//@W@/$work/after}")
    mkdir -p "$work/after" "$work/before"
    [ -n "${PREP:-}" ] && eval "${PREP//@W@/$work/after}"
    PREP_AGAIN="${PREP:+${PREP//@W@/$work/after}}" measure "$name" "$mekong" "${args[@]}"
    a=$sec am=$mb
    b=- bm=-
    if [ -n "$before" ]; then
        args=("${@//@W@/$work/before}")
        [ -n "${PREP:-}" ] && eval "${PREP//@W@/$work/before}"
        PREP_AGAIN="${PREP:+${PREP//@W@/$work/before}}" measure "$name-before" "$before/mekong" "${args[@]}"
        b=$sec bm=$mb
    fi
}
row() { # WHAT PEER PEER_S AIM  (uses $a $am $b $bm)
    local line
    line=$(printf '%-46s %9s %9s %9s  %-22s %7s %7s %6s %6s  %s' "$1" "$b" "$a" "$3" "$2" \
        "$(ratio "$b" "$3")" "$(ratio "$a" "$3")" "$bm" "$am" "$4")
    rows+=("$line")
    echo "$line" >&2
}

if want seg-plain; then
    measure icu-fr60 "$peers/icu_segment" fr@ss=standard "$data/fr60.txt"
    icu=$sec
    mk seg-plain segment --plain --lang fr "$data/fr60.txt"
    row "segment --plain --lang fr (60 MB real fr)" "ICU fr@ss=standard" "$icu" ">= 1.5x"
fi
if want seg-article || want seg-jsonl; then
    measure icu-art "$peers/icu_segment" fr@ss=standard "$data"/articles20/*.txt
    icu=$sec
    if want seg-article; then
        mk seg-article segment --lang fr "$data/articles20"
        row "segment (article mode, 4175 articles, 20 MB)" "ICU fr@ss=standard" "$icu" ">= 1.0x"
        mk seg-article-guess segment "$data/articles20"
        row "segment (article, language guessed)" "ICU fr@ss=standard" "$icu" ">= 1.0x"
    fi
    if want seg-jsonl; then
        mk seg-jsonl segment --lang fr --format jsonl "$data/articles20"
        row "segment --format jsonl (4175 articles)" "ICU fr@ss=standard" "$icu" ">= 0.8x"
    fi
fi
if want glossary || want check || want find; then
    PREP='rm -rf @W@/glossary100k; mkdir -p @W@/glossary100k' \
        mk glossary-import glossary import --glossary @W@/glossary100k "$data/glossary.csv"
    row "glossary import (100,000 concepts, CSV)" "-" "-" "<= 2 s"
fi
if want find; then
    mk find glossary find --glossary @W@/glossary100k "Nguyen Van Cuong 4242"
    row "glossary find (100,000 concepts)" "-" "-" "<= 0.5 s"
    PREP='export MEKONG_CACHE_DIR=@W@/cache' MEKONG_CACHE=on mk find-cached glossary find --glossary @W@/glossary100k "Nguyen Van Cuong 4242"
    row "glossary find (100,000 concepts, cached)" "-" "-" "<= 0.5 s"
fi
if want check; then
    printf 'Rien.\n' >"$work/tiny.txt"
    mk check-start check --glossary @W@/glossary100k --lang fr "$work/tiny.txt"
    row "check start-up (100,000 concepts, 6 B file)" "-" "-" "<= 0.3 s"
    PREP='export MEKONG_CACHE_DIR=@W@/cache; rm -rf @W@/cache' MEKONG_CACHE=on mk check-start-write check --glossary @W@/glossary100k --lang fr "$work/tiny.txt"
    row "  (same, first run: writes the cache)" "-" "-" ""
    PREP='export MEKONG_CACHE_DIR=@W@/cache' MEKONG_CACHE=on mk check-start-cached check --glossary @W@/glossary100k --lang fr "$work/tiny.txt"
    row "  (same, cached)" "-" "-" "<= 0.3 s"
    measure py-check python3 "$here/peers/check_names.py" "$work/after/glossary100k" "$data/articles20.txt"
    py=$sec
    mk check-text check --glossary @W@/glossary100k --lang fr "$data/articles20.txt"
    row "check 20 MB, 100,000 concepts (text)" "python ahocorasick-rs" "$py" ">= 5x"
    PREP='export MEKONG_CACHE_DIR=@W@/cache' MEKONG_CACHE=on mk check-text-cached check --glossary @W@/glossary100k --lang fr "$data/articles20.txt"
    row "  (same, cached)" "python ahocorasick-rs" "$py" ">= 5x"
    # The same articles as 4,175 files (a newsroom's folder): checked on the threads.
    PREP='export MEKONG_CACHE_DIR=@W@/cache' MEKONG_CACHE=on mk check-folder-cached check --glossary @W@/glossary100k --lang fr "$data/articles20"
    row "  (same, as 4,175 files, cached)" "python ahocorasick-rs" "$py" ">= 5x"
    mk check-json check --glossary @W@/glossary100k --lang fr --format json "$data/articles20.txt"
    row "check 20 MB, 100,000 concepts (json)" "python ahocorasick-rs" "$py" ">= 5x"
    mk check-jsonl check --glossary @W@/glossary100k --lang fr --format jsonl "$data/articles20.txt"
    row "check 20 MB, 100,000 concepts (jsonl)" "python ahocorasick-rs" "$py" ">= 5x"
fi
if want import || want import-few; then
    measure xmllint-xlf xmllint --stream --noout "$data/units1m.xlf"
    lint=$sec
    measure c-xliff2tmx "$peers/xliff2tmx" "$data/units1m.xlf" "$work/c.tmx"
    c=$sec
    rm -f "$work/c.tmx"
    PREP='rm -f @W@/memory.tmx' mk import import --tm @W@/memory.tmx "$data/units1m.xlf"
    row "import 1,000,000 units into a new TMX" "xmllint --stream" "$lint" ">= 0.5x, <= 300 MB"
    row "  (same)" "C xmlTextReader+Writer" "$c" ""
fi
if want import-few; then
    measure xmllint-tmx xmllint --stream --noout "$work/after/memory.tmx"
    lint=$sec
    # Both binaries update a copy of the same 1,000,000-unit memory (the one just written).
    PREP='cp '"$work/after/memory.tmx"' @W@/memory2.tmx' mk import-few import --tm @W@/memory2.tmx "$data/few.xlf"
    row "import 2 units into a 1,000,000-unit TMX" "xmllint --stream" "$lint" ">= 0.5x, <= 300 MB"
fi
if want vi-syllable; then
    # Real Vietnamese (UD VTB sentences, repeated to 10 MB), checked with and without the
    # Vietnamese syllable rules: the rules' cost is the ratio (aim: at most +20 %).
    vi="$data/vi10.txt"
    corpus=${MEKONG_VI_CORPUS:-/work/shared/corpora/vi-vtb-train-dev.txt}
    if [ ! -f "$vi" ] && [ -f "$corpus" ]; then
        while [ "$(stat -c %s "$vi" 2>/dev/null || echo 0)" -lt 10000000 ]; do cat "$corpus" >>"$vi"; done
    fi
    if [ -f "$vi" ]; then
        mk vi-nosyl check --lang vi "$vi" --ignore vietnamese-syllable,vietnamese-syllable-unattested,name-style-inconsistent
        off=$a
        mk vi-syl check --lang vi "$vi"
        row "check --lang vi 10 MB (syllable rules on)" "same, syllable rules off" "$off" ">= 0.83x (<= +20 %)"
    fi
fi
if want leverage; then
    # 200 news-like articles (about 10,000 segments) prepared against the 1,000,000-unit memory
    # (made once by mekong import from units1m.xlf, not timed); the peer row is reading that
    # memory at all (xmllint --stream).
    lev="$data/lev"
    if [ ! -f "$lev/memory1m.tmx" ]; then
        mkdir -p "$lev/batch"
        # (not `ls | head`: with pipefail, ls killed by SIGPIPE ended the whole run)
        articles=("$data"/articles20/*.txt)
        cp "${articles[@]:0:200}" "$lev/batch/"
        "$mekong" import --tm "$lev/memory1m.tmx" "$data/units1m.xlf" >/dev/null || [ $? -eq 1 ]
    fi
    measure xmllint-lev xmllint --stream --noout "$lev/memory1m.tmx"
    lint=$sec
    PREP='rm -rf @W@/lev' mk leverage prepare "$lev/batch" --to vi --tm "$lev/memory1m.tmx" -o @W@/lev
    row "prepare 10,000 segments --tm 1,000,000 units" "xmllint --stream (TMX)" "$lint" "seconds"
fi
if want srx; then
    measure icu-para "$peers/icu_segment" fr@ss=standard "$data/paragraph1m.txt"
    icu=$sec
    mk srx segment --plain --lang fr --rules "$srx" "$data/paragraph1m.txt"
    row "segment --rules languagetool (1 MB paragraph)" "ICU fr@ss=standard" "$icu" "seconds"
fi
if [ "$big" = 1 ] && want big; then
    mk big-plain segment --plain --lang fr "$data/fr200.txt"
    row "segment --plain 200 MB (memory)" "-" "-" "streams"
    mk big-article segment --lang fr "$data/fr200.txt"
    row "segment (article) 200 MB (memory)" "-" "-" "streams"
fi

echo
echo "mekong $(git -C "$root" rev-parse --short HEAD) $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-46s %9s %9s %9s  %-22s %7s %7s %6s %6s  %s\n' "row" "before s" "after s" "peer s" "peer" "before" "after" "MB bef" "MB aft" "aim"
echo "(ratio = peer s / mekong s: above 1, mekong is faster; MB = peak RSS of mekong)"
printf '%s\n' "${rows[@]}"
