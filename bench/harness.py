#!/usr/bin/env python3
"""The measurements behind bench/run: foretell against what people would use instead, in the same
run, on the same machine, each figure the median of several runs of a whole process (start to exit).

usage: harness.py --binary PATH --work DIR --results FILE [--build-seconds S] [--quick]

Generated data (ledgers as canonical CSV, extraction corpora) is kept in DIR between runs and made
again when its generator changes. The table goes to standard output and, with machine details and
every run's time, to FILE.
"""
import argparse
import datetime
import glob
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PREDICTIONBOOK = os.path.join(ROOT, "..", "shared", "data", "predictionbook", "forecasts.csv")
AS_OF = "2026-01-01"  # the day score compares deadlines with, fixed so both sides print the same
LEDGER_SIZES = (10_000, 100_000, 1_000_000)
# Issue 14: a 1 MB document in under 1 s in a release build, growing linearly with the input.
EXTRACT_MB = (1, 2.5, 5, 10, 20)


class Run:
    def __init__(self, wall, cpu):
        self.wall, self.cpu = wall, cpu


def spawn(command, stdout=None):
    """Runs `command` to completion: wall seconds (process start to exit) and CPU seconds."""
    out = os.open(stdout or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err_file = tempfile.TemporaryFile()
    start = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ,
                          file_actions=[(os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, err_file.fileno(), 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(out)
    if status != 0:
        err_file.seek(0)
        sys.exit(f"bench: {' '.join(command)} failed ({status}):\n{err_file.read().decode(errors='replace')[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime)


def peak_memory_mb(command):
    """The largest resident set of `command`, from /usr/bin/time in a run of its own: a child
    spawned by this (large) Python process may be charged the parent's pages in ru_maxrss."""
    with tempfile.NamedTemporaryFile("r") as report:
        spawn(["/usr/bin/time", "-f", "%M", "-o", report.name] + command)
        return int(report.read().split()[-1]) / 1024


def alternate(count, *sides):
    """Runs each side `count` times, interleaved (A B A B ...) so that a busy moment of a shared
    machine falls on both. A side is (prepare, command); prepare may be None. Returns runs per side."""
    runs = [[] for _ in sides]
    for _ in range(count):
        for index, (prepare, command) in enumerate(sides):
            if prepare:
                prepare()
            runs[index].append(spawn(command() if callable(command) else command))
    return runs


def median(runs, field="wall"):
    return statistics.median(getattr(run, field) for run in runs)


def remove_ledger(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def file_digest(*paths):
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


def cached(path, recipe, make):
    """Makes `path` unless it exists and was made from the same recipe (a digest of its inputs)."""
    stamp = path + ".recipe"
    if os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == recipe:
        return False
    make()
    with open(stamp, "w") as f:
        f.write(recipe)
    return True


def forecast_count(ledger):
    db = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
    try:
        return db.execute("SELECT count(*) FROM forecasts").fetchone()[0]
    finally:
        db.close()


def log(message):
    print(message, file=sys.stderr, flush=True)


# MARK: The machine

def machine():
    def read(path):
        try:
            return open(path).read()
        except OSError:
            return ""
    cpu = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem_kb = next((int(line.split()[1]) for line in read("/proc/meminfo").splitlines()
                   if line.startswith("MemTotal")), 0)
    os_name = next((line.split("=", 1)[1].strip().strip('"') for line in read("/etc/os-release").splitlines()
                    if line.startswith("PRETTY_NAME")), platform.platform())

    def version(command):
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "unknown"
    import numpy
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": f"{cpu}, {os.cpu_count()} cores (nproc {version(['nproc'])})",
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "os": f"{os_name}, kernel {platform.release()}",
        "swift": version(["swift", "--version"]),
        "sqlite": f"{sqlite3.sqlite_version} (the system library foretell, sqlite3 and Python all use); "
                  f"sqlite3 shell {version(['sqlite3', '--version']).split(' ')[0]}",
        "python": f"Python {platform.python_version()}, numpy {numpy.__version__}",
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# MARK: Data

def make_data(work, quick):
    generator = os.path.join(HERE, "generate_ledger.py")
    sizes = LEDGER_SIZES[:2] if quick else LEDGER_SIZES
    csvs = {}
    for n in sizes:
        path = os.path.join(work, f"ledger-{n}.csv")
        if cached(path, file_digest(generator), lambda: spawn([sys.executable, generator, str(n), path])):
            log(f"generated {path}")
        csvs[n] = path
    seeds = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    text = "".join(open(p, encoding="utf-8").read() for p in seeds)
    documents = {}
    for mb in EXTRACT_MB[:2] if quick else EXTRACT_MB:
        path = os.path.join(work, f"seeds-{mb:g}mb.txt")
        copies = int(mb * 1_048_576) // len(text.encode()) + 1

        def write(path=path, copies=copies):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text * copies)
        cached(path, file_digest(*seeds) + f"x{copies}", write)
        documents[mb] = path
    # A corpus: each seed a document of its own, copied until they add up to the largest size.
    corpus = os.path.join(work, f"corpus-{documents and max(documents):g}mb")
    copies = int(max(documents) * 1_048_576) // len(text.encode()) + 1

    def write_corpus():
        shutil.rmtree(corpus, ignore_errors=True)
        os.makedirs(corpus)
        for copy in range(copies):
            for number, seed in enumerate(seeds):
                shutil.copyfile(seed, os.path.join(corpus, f"{copy:05d}-{number:03d}.txt"))
    cached(corpus, file_digest(*seeds) + f"x{copies} files", write_corpus)
    one_line = os.path.join(work, "one-line.txt")
    cached(one_line, "word and word: x180000", lambda: open(one_line, "w").write("word and word: " * 180_000))
    return csvs, documents, corpus, one_line


# MARK: Benchmarks

class Table:
    def __init__(self):
        self.rows = []
        self.details = []

    def add(self, what, size, foretell, peer, ratio, target, verdict):
        self.rows.append((what, size, foretell, peer, ratio, target, verdict))

    def markdown(self):
        head = ("Benchmark", "Size", "foretell", "Peer", "foretell / peer", "Target", "Result")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)

    def plain(self):
        head = ("Benchmark", "Size", "foretell", "Peer", "f/peer", "Target", "")
        rows = [head] + self.rows
        widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
        return "\n".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows)


def verdict(ok):
    return "PASS" if ok else "MISS"


def seconds(value):
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def spread(runs, unit=1.0, suffix="s"):
    values = sorted(getattr(run, "wall") * unit for run in runs)
    return ", ".join(f"{v:.3f}" for v in values) + f" {suffix}"


def bench_import(binary, work, csvs, quick, table):
    ledgers = {}
    for n, csv in csvs.items():
        ledger = os.path.join(work, f"ledger-{n}.sqlite")
        runs = 3 if n >= 1_000_000 else 5
        log(f"import --from csv, {n:,} forecasts, {runs} runs")
        (mine,) = alternate(runs, (lambda: remove_ledger(ledger),
                                   [binary, "--db", ledger, "import", "--from", "csv", csv]))
        ledgers[n] = ledger
        rate = n / median(mine)
        target = n >= 1_000_000
        table.add("import --from csv (new ledger)", f"{n:,} forecasts", f"{seconds(median(mine))} ({rate / 1000:,.0f}k/s)",
                  "-", "-", "≥ 200k forecasts/s" if target else "-", verdict(rate >= 200_000) if target else "")
        table.details.append(f"import --from csv {n:,}: {spread(mine)}")

    pb_ledger = os.path.join(work, "predictionbook.sqlite")
    python_ledger = os.path.join(work, "predictionbook-python.sqlite")
    log("import --from predictionbook vs Python csv + sqlite3 executemany, 5 runs each")
    mine, peer = alternate(5,
                           (lambda: remove_ledger(pb_ledger),
                            [binary, "--db", pb_ledger, "import", "--from", "predictionbook", PREDICTIONBOOK]),
                           (lambda: remove_ledger(python_ledger),
                            [sys.executable, os.path.join(HERE, "predictionbook_python_import.py"), PREDICTIONBOOK,
                             python_ledger]))
    forecasts = forecast_count(pb_ledger)
    ratio = median(mine) / median(peer)
    table.add("import --from predictionbook", f"{forecasts:,} forecasts", seconds(median(mine)),
              f"Python csv + executemany {seconds(median(peer))}", f"{ratio:.2f}×", "≤ 1× Python", verdict(ratio <= 1))
    table.details.append(f"import --from predictionbook: foretell {spread(mine)}; Python {spread(peer)}")
    ledgers["predictionbook"] = pb_ledger
    return ledgers


def same_scores(foretell_json, numpy_json):
    """The numpy script's numbers are foretell's, to 1e-9: the comparison computes the same thing."""
    def compare(a, b, path, problems):
        if isinstance(b, dict):
            for key in b:
                if key not in a:
                    problems.append(f"{path}.{key} missing")
                else:
                    compare(a[key], b[key], f"{path}.{key}", problems)
        elif isinstance(b, list):
            if len(a) != len(b):
                problems.append(f"{path}: {len(a)} vs {len(b)} items")
            for i, (x, y) in enumerate(zip(a, b)):
                compare(x, y, f"{path}[{i}]", problems)
        elif isinstance(a, float) or isinstance(b, float):
            if a is None or b is None or abs(a - b) > 1e-9 * max(1.0, abs(a)):
                problems.append(f"{path}: {a} vs {b}")
        elif a != b:
            problems.append(f"{path}: {a!r} vs {b!r}")
    problems = []
    compare(json.load(open(foretell_json)), json.load(open(numpy_json)), "", problems)
    return problems


def bench_score(binary, work, ledgers, table):
    script = os.path.join(HERE, "score_numpy.py")
    order = [("predictionbook", "PredictionBook")] + [(n, f"{n:,}") for n in LEDGER_SIZES if n in ledgers]
    for key, label in order:
        ledger = ledgers[key]
        forecasts = forecast_count(ledger)
        mine_command = [binary, "--db", ledger, "score", "--format", "json", "--as-of", AS_OF]
        peer_command = [sys.executable, script, ledger, "--as-of", AS_OF]
        spawn(mine_command, stdout=ledger + ".foretell.json")
        spawn(peer_command, stdout=ledger + ".numpy.json")
        problems = same_scores(ledger + ".foretell.json", ledger + ".numpy.json")
        if problems:
            sys.exit(f"bench: foretell and the numpy script disagree on {ledger}:\n" + "\n".join(problems[:20]))
        log(f"score --format json vs numpy on {forecasts:,} forecasts (same scores), 5 runs each")
        mine, peer = alternate(5, (None, mine_command), (None, peer_command))
        ratio = median(mine) / median(peer)
        size = f"{forecasts:,} forecasts" + (" (PredictionBook)" if key == "predictionbook" else "")
        if key == "predictionbook":
            target, ok = "≤ 0.5× numpy", ratio <= 0.5
        elif key == 1_000_000:
            target, ok = "< 1 s", median(mine) < 1
        else:
            target, ok = "-", None
        table.add("score --format json", size, seconds(median(mine)), f"numpy script {seconds(median(peer))}",
                  f"{ratio:.2f}×", target, "" if ok is None else verdict(ok))
        table.details.append(f"score {label}: foretell {spread(mine)}; numpy {spread(peer)}")
        if key == 1_000_000:
            peak = peak_memory_mb(mine_command)
            peer_peak = peak_memory_mb(peer_command)
            table.add("score peak memory (max RSS)", size, f"{peak:.0f} MB", f"numpy script {peer_peak:.0f} MB",
                      f"{peak / peer_peak:.2f}×", "< 200 MB", verdict(peak < 200))


def bench_add(binary, work, ledgers, table):
    for n in LEDGER_SIZES:
        if n not in ledgers:
            continue
        mine_ledger = os.path.join(work, f"add-{n}.sqlite")
        peer_ledger = os.path.join(work, f"add-{n}-sqlite3.sqlite")
        for copy in (mine_ledger, peer_ledger):
            remove_ledger(copy)
            shutil.copyfile(ledgers[n], copy)
        counter = iter(range(1_000_000))
        log(f"add vs sqlite3 shell insert into a {n:,}-forecast ledger, 20 runs each")

        def mine_command():
            return [binary, "--db", mine_ledger, "add", f"Bench question {next(counter)} happens", "--owner", "bench",
                    "--probability", "30%", "--deadline", "2027-06"]

        def peer_command():
            # The same rows add stores (a question and its first forecast, one transaction), without
            # the journal entries, tags or checks foretell adds.
            return ["sqlite3", peer_ledger, f"""
                BEGIN IMMEDIATE;
                INSERT INTO questions (claim, deadline, opened_at_ms, recorded_at)
                VALUES ('Bench question {next(counter)} happens', '2027-06-30', 1767225600000, '2026-01-01T00:00:00Z');
                INSERT INTO forecasts (question_id, owner_id, probability, made_on, made_at_ms, recorded_at)
                VALUES (last_insert_rowid(), 1, 0.3, '2026-01-01T00:00:00Z', 1767225600000, '2026-01-01T00:00:00Z');
                COMMIT;"""]
        mine, peer = alternate(20, (None, mine_command), (None, peer_command))
        ratio = median(mine) / median(peer)
        table.add("add (one forecast, process start to exit)", f"{n:,}-forecast ledger", seconds(median(mine)),
                  f"sqlite3 shell insert {seconds(median(peer))}", f"{ratio:.2f}×", "≤ 2× sqlite3", verdict(ratio <= 2))
        table.details.append(f"add {n:,}: foretell {spread(mine, 1000, 'ms')}; sqlite3 {spread(peer, 1000, 'ms')}")


def bench_extract(binary, documents, corpus, one_line, table):
    def timed(path, size_mb, label):
        command = [binary, "extract", "--format", "jsonl", "--date", "2026-01-10", path]
        first = spawn(command)
        runs = [first] + ([spawn(command) for _ in range(2)] if first.wall < 10 else [])
        log(f"extract {label} {size_mb:.1f} MB: {len(runs)} runs")
        table.details.append(f"extract {label} {size_mb:.1f} MB: {spread(runs)}; CPU {median(runs, 'cpu'):.2f} s")
        return median(runs), median(runs, "cpu")

    files = glob.glob(os.path.join(corpus, "*.txt"))
    corpus_mb = sum(os.path.getsize(f) for f in files) / 1_048_576
    wall, cpu = timed(corpus, corpus_mb, f"corpus of {len(files):,} documents,")
    throughput = corpus_mb / wall
    table.add(f"extract throughput (the seeds repeated, {len(files):,} documents)", f"{corpus_mb:.1f} MB",
              f"{throughput:.1f} MB/s ({seconds(wall)}, CPU {cpu / wall:.2f} cores)", "-", "-", "≥ 1 MB/s on one core",
              verdict(throughput >= 1 and cpu / wall < 1.2))
    per_mb = {}
    for mb, path in documents.items():
        size_mb = os.path.getsize(path) / 1_048_576
        wall, cpu = timed(path, size_mb, "one document,")
        per_mb[mb] = wall / size_mb
        last = (mb, size_mb, wall, cpu)
    smallest = min(per_mb)
    one_mb = per_mb[smallest] * smallest
    table.add("extract one document (the seeds repeated)", f"{smallest:g} MB", seconds(one_mb), "-", "-",
              "1 MB in under 1 s", verdict(one_mb / smallest < 1))
    mb, size_mb, wall, cpu = last
    throughput = size_mb / wall
    table.add("extract throughput (seeds repeated, one document)", f"{size_mb:.1f} MB",
              f"{throughput:.1f} MB/s ({seconds(wall)}, CPU {cpu / wall:.2f} cores)", "-", "-", "≥ 1 MB/s on one core",
              verdict(throughput >= 1 and cpu / wall < 1.2))
    growth = per_mb[mb] / per_mb[smallest]
    steps = ", ".join(f"{m:g} MB {1 / per_mb[m]:.1f} MB/s" for m in sorted(per_mb))
    table.add("extract growth: time per MB, largest / smallest", f"{smallest:g} → {mb:g} MB", f"{growth:.2f}×",
              "-", "-", "linear (≤ 1.25×)", verdict(growth <= 1.25))
    table.details.append(f"extract by size: {steps}")
    line_mb = os.path.getsize(one_line) / 1_048_576
    runs = [spawn([binary, "extract", "--format", "jsonl", "--date", "2026-01-10", one_line])]
    table.details.append(f"extract {line_mb:.1f} MB on one line without sentence ends: {spread(runs)} "
                         f"({line_mb / median(runs):.1f} MB/s)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--build-seconds", type=float)
    parser.add_argument("--quick", action="store_true", help="10k and 100k only; for trying the harness")
    options = parser.parse_args()
    started = time.perf_counter()
    binary = os.path.abspath(options.binary)
    os.makedirs(options.work, exist_ok=True)
    info = machine()
    csvs, documents, corpus, one_line = make_data(options.work, options.quick)
    data_seconds = time.perf_counter() - started
    table = Table()
    ledgers = bench_import(binary, options.work, csvs, options.quick, table)
    bench_score(binary, options.work, ledgers, table)
    bench_add(binary, options.work, ledgers, table)
    bench_extract(binary, documents, corpus, one_line, table)
    elapsed = time.perf_counter() - started
    info["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())

    print(table.plain())
    build = f"release build {options.build_seconds:.0f} s, " if options.build_seconds is not None else ""
    timing = f"{build}data {data_seconds:.0f} s, measurements {elapsed - data_seconds:.0f} s"
    print(f"\n{timing}; wrote {options.results}")
    with open(options.results, "w") as f:
        f.write(results_markdown(table, info, timing, options.quick))


def results_markdown(table, info, timing, quick):
    details = "\n".join(f"- {line}" for line in table.details)
    return f"""# foretell benchmarks

Written by `bench/run` ({'quick run: 10k and 100k only' if quick else 'full run'}). Each figure is the median of several
runs of a whole process, from start to exit, of the release build README installs (`scripts/release-build`:
static Swift libraries, a fixed-address executable); foretell and its peer ran interleaved (A B A B ...) in the same run,
on the same machine. The machine is shared with other builds: the load average is given, and every
run's time is listed below the table.

{table.markdown()}

## The machine

- Date: {info['date']}
- CPU: {info['cpu']}
- Memory: {info['memory']}
- OS: {info['os']}
- Swift: {info['swift']}
- SQLite: {info['sqlite']}
- Python: {info['python']}
- Load average (1, 5, 15 min) before: {info['load']}; after: {info['load_after']}
- Time taken: {timing}

## What is compared

- **import --from csv**: `foretell import --from csv` of a ledger written by
  `bench/generate_ledger.py` (many owners, about 4 forecasts a question, 85% resolved yes/no) into
  a new ledger file: every row validated, every question, forecast and resolution journalled
  (SHA-256 hash chain), one transaction, `synchronous=FULL` in WAL mode. SQLite's inserts run on
  a second thread while the next rows are read and hashed, so this figure uses two cores (on one
  core the 1M import takes about 7 s). 5 runs (3 at 1M).
- **import --from predictionbook**: the PredictionBook archive
  (`shared/data/predictionbook/forecasts.csv`, titles from `questions.csv`) into a new ledger,
  against `bench/predictionbook_python_import.py`: Python's csv module and sqlite3 `executemany`
  loading the same rows into the same schema in one transaction, with no validation, no journal
  and no idempotency checks. 5 runs each.
- **score --format json**: the default rule (each owner's latest forecast made on or before
  resolution) against `bench/score_numpy.py`, a vectorised numpy script reading the same ledger
  with Python's sqlite3 and computing the same scoreboard: overall, per owner, tag and document
  n, questions, Brier, log loss, baseline, ten calibration bins with Wilson intervals, Murphy's
  decomposition; owner ranks and relative Brier; Brier by month; open and overdue questions with
  the next deadlines; exclusion counts. Before timing, the harness checks that both print the
  same numbers (to 1e-9) on every ledger. Both print JSON to /dev/null. 5 runs each.
- **add**: `foretell add` (open and check the ledger, one transaction with the question, its
  first forecast and two journal entries) against the `sqlite3` shell inserting the same question
  and forecast into a copy of the same ledger in one transaction: the floor of a process, an open
  and a commit. 20 runs each, alternating, each adding a new question.
- **extract**: `foretell extract --format jsonl` on a corpus (a folder of the seeds, each its own
  document, copied to {EXTRACT_MB[-1]:g} MB) and on one document made of the seeds repeated, at
  {', '.join(f'{mb:g}' for mb in EXTRACT_MB)} MB: throughput on the corpus and on the largest document, and the
  time per MB of the largest document over the smallest (1.00 is perfectly linear). 3 runs each
  (1 when a run takes over 10 s). CPU time over wall time shows it runs on one core.
- **peak memory**: the largest resident set of `score` on 1M forecasts (and of the numpy script),
  from `/usr/bin/time -f %M` in a run of its own.

## Every run

{details}
"""


if __name__ == "__main__":
    main()
