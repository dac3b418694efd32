#!/usr/bin/env bash
# The PredictionBook archive on a PostgreSQL ledger beside an SQLite one (issue 19): `import` and
# `score`, wall-clock, with the release build bench/run uses. Starts the throwaway server of
# scripts/postgres-test-server if FORETELL_TEST_POSTGRES_URL is unset, and appends its table to
# bench/RESULTS.md.
#
# usage: bench/postgres.sh [BINARY]     (default .build-static/release/foretell, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
archive=../shared/data/predictionbook/forecasts.csv
[ -f "$archive" ] || { echo "bench: no PredictionBook archive at $archive" >&2; exit 2; }
binary="${1:-.build-static/release/foretell}"
if [ ! -x "$binary" ]; then scripts/release-build --scratch-path .build-static >&2; fi
server="${FORETELL_TEST_POSTGRES_URL:-}"
if [ -z "$server" ]; then server="$(scripts/postgres-test-server start)"; fi
work=$(mktemp -d /tmp/pg-bench.XXXXXX)
database="foretell_bench_$$"
psql "$server" -qc "CREATE DATABASE $database"
pg_url="${server%/*}/$database"
sqlite_ledger="$work/ledger.sqlite"

seconds() { local start=$(date +%s.%N); "$@" >/dev/null; printf "%.3f" "$(echo "$(date +%s.%N) - $start" | bc)"; }
rows=""
for backend in sqlite postgres; do
    ledger=$sqlite_ledger; [ $backend = postgres ] && ledger=$pg_url
    import=$(seconds "$binary" --db "$ledger" import --from predictionbook "$archive")
    score=$(seconds "$binary" --db "$ledger" score --format json)
    verify=$(seconds "$binary" --db "$ledger" verify)
    add=$(seconds "$binary" --db "$ledger" add "bench question" --owner bench -p 0.5 --deadline 2030)
    rows+="| $backend | $import | $score | $verify | $add |"$'\n'
    echo "bench: $backend: import $import s, score $score s, verify $verify s, add $add s" >&2
done
# Both hold the same scoreboard.
cmp <("$binary" --db "$sqlite_ledger" score --format json --as-of 2026-01-01) \
    <("$binary" --db "$pg_url" score --format json --as-of 2026-01-01) && echo "bench: the scoreboards are identical" >&2

{
    echo
    echo "## PredictionBook archive on PostgreSQL beside SQLite (bench/postgres.sh)"
    echo
    echo "$(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end;"
    echo "PostgreSQL $(psql "$server" -XAtc 'SHOW server_version') on 127.0.0.1 (scripts/postgres-test-server), $binary."
    echo "Wall-clock seconds, one run each: 63,592 forecasts imported into an empty ledger, then"
    echo "\`score --format json\`, \`verify\` and one \`add\` on the full ledger."
    echo
    echo "| backend | import | score | verify | add |"
    echo "|---|---|---|---|---|"
    printf "%s" "$rows"
} >> bench/RESULTS.md
psql "$server" -qc "DROP DATABASE $database"
rm -rf "$work"
