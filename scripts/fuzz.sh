#!/usr/bin/env bash
# Fuzzing with libFuzzer (see README, "Fuzzing").
#   scripts/fuzz.sh --list            the target names, one a line
#   scripts/fuzz.sh TARGET SECONDS    build the Fuzz package (once) and run TARGET for SECONDS
# Seeds come from Fuzz/Corpus/TARGET (in the repository, read only); what libFuzzer finds goes to
# Fuzz/.corpus/TARGET (git-ignored) and a reproducer to Fuzz/artifacts/TARGET/. Exits non-zero on
# a crash, sanitizer report, timeout or out-of-memory, printing the reproducer's path.
# Environment: FUZZ_BUILD_JOBS (default 1), FUZZ_ARGS (more libFuzzer flags, e.g. -max_len=8192).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
targets=(segment glossary-tsv csv xml srx check)

usage() { echo "usage: scripts/fuzz.sh --list | TARGET SECONDS  (targets: ${targets[*]})" >&2; exit 2; }

if [[ "${1:-}" == "--list" ]]; then
    printf '%s\n' "${targets[@]}"
    exit 0
fi
[[ $# -eq 2 ]] || usage
target="$1"
seconds="$2"
[[ " ${targets[*]} " == *" $target "* ]] || { echo "fuzz.sh: no target '$target'" >&2; usage; }
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "fuzz.sh: SECONDS must be a positive whole number, not '$seconds'" >&2; exit 2; }

flags=(-c release -j "${FUZZ_BUILD_JOBS:-1}" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
(cd "$fuzz" && swift build "${flags[@]}" --product "$target" >&2)
binary="$(cd "$fuzz" && swift build "${flags[@]}" --show-bin-path)/$target"

corpus="$fuzz/.corpus/$target"
artifacts="$fuzz/artifacts/$target"
mkdir -p "$corpus" "$artifacts"
dict=()
[[ -f "$fuzz/Dictionaries/$target.dict" ]] && dict=("-dict=$fuzz/Dictionaries/$target.dict")

export SWIFT_BACKTRACE=enable=no  # libFuzzer and ASan report the crash; the backtracer only adds noise
# Leaks are not failures: the targets cache segmenters and the glossary for the whole run.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# -jobs/-workers stay at 1: the machine is shared.
set +e
"$binary" "$corpus" "$fuzz/Corpus/$target" "${dict[@]}" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-}
status=$?
set -e
if [[ $status -ne 0 ]]; then
    echo "fuzz.sh: $target failed (exit $status); reproducer(s):" >&2
    ls -t "$artifacts" | head -5 | sed "s|^|  $artifacts/|" >&2
    exit 1
fi
echo "fuzz.sh: $target ran ${seconds}s with no crash; corpus: $(ls "$corpus" | wc -l) new inputs in $corpus" >&2
