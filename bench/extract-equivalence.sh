#!/usr/bin/env bash
# Speed work on the extractor must not change what it finds. This records what a binary prints
# (stdout, stderr and exit status of `foretell extract`) on the seeds, the held-out documents, the
# benchmark corpora and generated mixtures of all of them, and later checks that another binary
# prints exactly the same bytes. It also prints the two evaluators' lines.
# Usage:
#   bench/extract-equivalence.sh record BIN   # before a change: BIN's outputs become the reference
#   bench/extract-equivalence.sh check BIN    # after it: BIN must print the same, byte for byte
# Output: a line per differing input, then "extract-equivalence: N of N identical"; exit 1 on any
# difference. The reference stays in bench/work/equivalence/reference (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] && { [ "$1" = record ] || [ "$1" = check ]; } || {
    echo "usage: bench/extract-equivalence.sh record|check path/to/foretell" >&2; exit 64; }
mode=$1
bin=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=bench/work
eval_tool=../shared/tools/eval-extraction
[ -x "$eval_tool" ] || eval_tool=/work/shared/tools/eval-extraction
gold=../shared/gold/seeds.jsonl
[ -f "$gold" ] || gold=/work/shared/gold/seeds.jsonl
python3 bench/extract-corpora.py "$work" 1 5

out=$work/equivalence/$([ "$mode" = record ] && echo reference || echo candidate)
rm -rf "$out"
mkdir -p "$out"
# name | arguments
cases=(
    "seeds|--format jsonl seeds/"
    "seeds-dated|--format jsonl --date 2026-01-10 seeds/"
    "seeds-table|seeds/"
    "held-out|--format jsonl Tests/ForetellKitTests/HeldOut/"
    "held-out-table|Tests/ForetellKitTests/HeldOut/"
    "seeds-1mb|--format jsonl --date 2026-01-10 $work/seeds-1mb.txt"
    "seeds-1mb-docs|--format jsonl --date 2026-01-10 $work/seeds-1mb-docs"
    "seeds-5mb|--format jsonl --date 2026-01-10 $work/seeds-5mb.txt"
    "one-line|--format jsonl --date 2026-01-10 $work/one-line.txt"
    "mixed-lines|--format jsonl $work/mixed-lines.txt"
    "mixed-lines-dated|--format jsonl --date 2026-01-10 $work/mixed-lines.txt"
    "mixed-docs|--format jsonl $work/mixed-docs"
    "mixed-docs-dated|--format json --date 2025-03-01 $work/mixed-docs"
)
for entry in "${cases[@]}"; do
    name=${entry%%|*}
    read -r -a args <<< "${entry#*|}"
    status=0
    "$bin" extract "${args[@]}" > "$out/$name.out" 2> "$out/$name.err" || status=$?
    echo "$status" > "$out/$name.status"
done
git rev-parse HEAD > "$out/commit"

python3 "$eval_tool" "$gold" "$out/seeds.out" | tail -1 | sed 's/^/seeds: /'
python3 "$eval_tool" Tests/ForetellKitTests/HeldOut/gold.jsonl "$out/held-out.out" | tail -1 | sed 's/^/held-out: /'

if [ "$mode" = record ]; then
    echo "extract-equivalence: recorded ${#cases[@]} outputs of $bin in $out"
    exit 0
fi
reference=$work/equivalence/reference
[ -d "$reference" ] || { echo "extract-equivalence: no reference; run 'record' with the old binary first" >&2; exit 1; }
same=0
for entry in "${cases[@]}"; do
    name=${entry%%|*}
    differs=""
    for part in out err status; do
        cmp -s "$reference/$name.$part" "$out/$name.$part" || differs="$differs $part"
    done
    if [ -z "$differs" ]; then same=$((same + 1)); else echo "differs: $name ($differs )"; fi
done
echo "extract-equivalence: $same of ${#cases[@]} identical (reference from commit $(cat "$reference/commit"))"
[ "$same" -eq "${#cases[@]}" ]
