#!/usr/bin/env bash
# Throughput of `foretell extract` in a release build, on one core: the seeds repeated to 1, 5 and
# 20 MB, as one document and as many documents (each seed a file), and a 2.5 MB single line
# without sentence ends. Prints MB/s per input; extraction must stay linear, so MB/s should not
# fall as the size grows.
# Usage: bench/extract-large.sh [path/to/foretell]   (default: builds and uses .build/release/foretell)
# Output: one line per input, "name  size MB  seconds s  MB/s MB/s", and a last line
# "extract-large: min X MB/s" for scripts.
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
python3 - "$work" <<'PY'
import glob, os, shutil, sys
work = sys.argv[1]
seeds = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("seeds/*.txt"))]
text = "".join(seeds)
for mb in (1, 5, 20):
    n = mb * 1_048_576 // len(text.encode()) + 1
    open(f"{work}/seeds-{mb}mb.txt", "w", encoding="utf-8").write(text * n)
    folder = f"{work}/seeds-{mb}mb-docs"
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for i in range(n):
        for j, seed in enumerate(seeds):
            open(f"{folder}/{i:05d}-{j}.txt", "w", encoding="utf-8").write(seed)
open(f"{work}/one-line.txt", "w").write("word and word: " * 180_000)
PY
# One core: pin the process where taskset exists.
pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)
min=""
for input in seeds-1mb.txt seeds-1mb-docs seeds-5mb.txt seeds-5mb-docs seeds-20mb.txt seeds-20mb-docs one-line.txt; do
    path="$work/$input"
    bytes=$(find "$path" -type f -print0 | xargs -0 cat | wc -c)
    start=$(date +%s.%N)
    "${pin[@]}" "$bin" extract --format jsonl --date 2026-01-10 "$path" > /dev/null
    end=$(date +%s.%N)
    line=$(awk -v b="$bytes" -v s="$start" -v e="$end" -v n="$input" \
        'BEGIN { t = e - s; mb = b / 1048576; printf "%-20s %6.1f MB %7.2f s %7.2f MB/s", n, mb, t, mb / t }')
    echo "$line"
    rate=$(echo "$line" | awk '{print $(NF-1)}')
    if [ -z "$min" ] || awk -v a="$rate" -v b="$min" 'BEGIN { exit !(a < b) }'; then min=$rate; fi
done
echo "extract-large: min $min MB/s"
