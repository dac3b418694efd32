#!/usr/bin/env bash
# Throughput of `foretell extract` in a release build, on one core: the seeds repeated to 1, 5 and
# 20 MB, as one document and as many documents (each seed a file), and a 2.5 MB single line
# without sentence ends. Prints MB/s per input. Target (issue 14): a 1 MB document in under 1 s,
# and linear growth: MB/s should not fall as the size grows.
# The inputs come from bench/extract-corpora.py.
# Usage: bench/extract-large.sh [path/to/foretell]   (default: builds and uses .build/release/foretell)
# Output: one line per input, "name  size MB  seconds s  MB/s MB/s", then "extract-large: 1 MB
# document in X s (target under 1 s)", and a last line "extract-large: min X MB/s" for scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
    bin="$1"
else
    swift build -c release --product foretell >&2
    bin=.build/release/foretell
fi
work=bench/work
mkdir -p "$work"
python3 bench/extract-corpora.py "$work" 1 5 20
# One core: pin the process where taskset exists (BENCH_CPU picks the core, 0 by default). Each
# input runs BENCH_RUNS times (3 by default) and the median time counts.
pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c "${BENCH_CPU:-0}")
runs=${BENCH_RUNS:-3}
min=""
report=""
for input in seeds-1mb.txt seeds-1mb-docs seeds-5mb.txt seeds-5mb-docs seeds-20mb.txt seeds-20mb-docs one-line.txt; do
    path="$work/$input"
    bytes=$(find "$path" -type f -print0 | xargs -0 cat | wc -c)
    times=()
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        "${pin[@]}" "$bin" extract --format jsonl --date 2026-01-10 "$path" > /dev/null
        end=$(date +%s.%N)
        times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')")
    done
    t=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    line=$(awk -v b="$bytes" -v t="$t" -v n="$input" \
        'BEGIN { mb = b / 1048576; printf "%-20s %6.1f MB %7.2f s %7.2f MB/s", n, mb, t, mb / t }')
    echo "$line"
    report+="$line"$'\n'
    rate=$(echo "$line" | awk '{print $(NF-1)}')
    if [ -z "$min" ] || awk -v a="$rate" -v b="$min" 'BEGIN { exit !(a < b) }'; then min=$rate; fi
done
one=$(awk '$1 == "seeds-1mb.txt" { print $4 }' <<< "$report")
echo "extract-large: 1 MB document in $one s (target under 1 s: $(awk -v t="$one" 'BEGIN { print (t < 1 ? "PASS" : "FAIL") }'))"
echo "extract-large: min $min MB/s"
