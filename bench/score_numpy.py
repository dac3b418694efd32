#!/usr/bin/env python3
"""The peer of `foretell score --format json`: what an analyst would write with numpy to compute the
same scoreboard from the same ledger file, read with Python's sqlite3.

It computes what foretell prints for the default rule (each owner's latest forecast made on or
before the resolution, once per question; ambiguous and annulled questions left out): overall, per
owner, per tag and per document, each with n, questions, Brier, log loss, baseline score, the ten
calibration bins with Wilson 95% intervals and Murphy's decomposition; each owner's relative
Brier (own Brier minus the median Brier of all owners on the question, the owner included), peer
score (100 (ln p - mean ln p of the others)) and rank (by relative Brier, with 10 or more shared
questions; the others unranked, by Brier); Brier by
month of resolution; open and overdue questions with the next deadlines; and the exclusion counts.
Conventions are shared/reference/scoring.md's, as in Tests/Oracle/scoring_oracle.py, but
vectorised: no Python loop runs per forecast.

usage: score_numpy.py LEDGER.sqlite --as-of YYYY-MM-DD   (prints JSON)
"""
import datetime
import json
import sqlite3
import sys

import numpy as np

EDGES = np.array([k / 10 for k in range(1, 10)])
Z = 1.96
OUTCOMES = {"no": 0, "yes": 1, "ambiguous": 2, "annulled": 2, None: 3}


def column(rows, index, dtype):
    return np.fromiter((row[index] for row in rows), dtype=dtype, count=len(rows))


def wilson(k, n):
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = (k + Z * Z / 2) / (n + Z * Z)
        half = Z * np.sqrt(np.maximum(k * (n - k) / n, 0) + Z * Z / 4) / (n + Z * Z)
    return np.maximum(0, centre - half), np.minimum(1, centre + half)


def optional(value):
    return None if value is None or not np.isfinite(value) else float(value)


def groups(group, count, p, o, question):
    """Scores of `count` groups; forecast i (probability p, outcome o) belongs to group[i]."""
    n = np.bincount(group, minlength=count)
    right = np.where(o == 1, p, 1 - p)
    clipped = np.clip(right, 0.001, 0.999)
    brier = np.bincount(group, (p - o) ** 2, count)
    log_loss = np.bincount(group, -np.log(clipped), count)
    baseline = np.bincount(group, 100 * (1 + np.log2(clipped)), count)
    happened = np.bincount(group, o, count)
    cell = group * 10 + np.searchsorted(EDGES, p, side="right")
    bin_n = np.bincount(cell, minlength=count * 10).reshape(count, 10).astype(float)
    bin_p = np.bincount(cell, p, count * 10).reshape(count, 10)
    bin_o = np.bincount(cell, o, count * 10).reshape(count, 10)
    pairs = np.unique(group.astype(np.int64) * (int(question.max(initial=0)) + 1) + question)
    questions = np.bincount(pairs // (int(question.max(initial=0)) + 1), minlength=count)
    with np.errstate(invalid="ignore", divide="ignore"):
        base = happened / n
        mean = bin_p / bin_n
        observed = bin_o / bin_n
        reliability = np.nansum(bin_n * (mean - observed) ** 2, axis=1) / n
        resolution = np.nansum(bin_n * (observed - base[:, None]) ** 2, axis=1) / n
        low, high = wilson(bin_o, bin_n)
        result = []
        for g in range(count):
            if n[g] == 0:
                result.append(None)
                continue
            calibration = [{"lo": k / 10, "hi": (k + 1) / 10, "n": int(bin_n[g, k]), "weight": float(bin_n[g, k]),
                            "mean_probability": optional(mean[g, k]), "observed": optional(observed[g, k]),
                            "ci_low": optional(low[g, k]), "ci_high": optional(high[g, k])} for k in range(10)]
            result.append({"n": int(n[g]), "weight": float(n[g]), "questions": int(questions[g]),
                           "brier": brier[g] / n[g], "log_loss": log_loss[g] / n[g], "baseline": baseline[g] / n[g],
                           "reliability": reliability[g], "resolution": resolution[g],
                           "uncertainty": base[g] * (1 - base[g]), "calibration": calibration})
    return result


def expand(starts, ends):
    """For ranges [starts[i], ends[i]): the range number and the position of every element."""
    counts = ends - starts
    which = np.repeat(np.arange(len(starts)), counts)
    offsets = np.repeat(starts - (np.cumsum(counts) - counts), counts)
    return which, np.arange(counts.sum()) + offsets


def relative(question, owner, brier, log_p, owner_count):
    """Per owner: the sums and count over shared questions of own Brier minus the median Brier of
    everyone on the question, and of the peer score."""
    sums, peers = np.zeros(owner_count), np.zeros(owner_count)
    counts = np.zeros(owner_count, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, question[1:] != question[:-1]])
    sizes = np.diff(np.r_[starts, len(question)])
    for k in np.unique(sizes[sizes >= 2]):
        # Questions with k owners as rows of a matrix.
        rows = starts[sizes == k][:, None] + np.arange(k)
        b, who, lp = brier[rows], owner[rows], log_p[rows]
        median = np.median(b, axis=1)[:, None]
        others = (lp.sum(axis=1)[:, None] - lp) / (k - 1)
        np.add.at(sums, who.ravel(), (b - median).ravel())
        np.add.at(peers, who.ravel(), (100 * (lp - others)).ravel())
        np.add.at(counts, who.ravel(), 1)
    return sums, peers, counts


def main(argv):
    if len(argv) != 4 or argv[2] != "--as-of":
        print(__doc__, file=sys.stderr)
        return 2
    today = argv[3]
    db = sqlite3.connect(f"file:{argv[1]}?mode=ro", uri=True)
    owner_rows = db.execute("SELECT id, name FROM owners ORDER BY id").fetchall()
    names = [name for _, name in owner_rows]
    owner_at = np.zeros(max((i for i, _ in owner_rows), default=0) + 1, dtype=np.int64)
    owner_at[column(owner_rows, 0, np.int64)] = np.arange(len(owner_rows))

    q_rows = db.execute("""
        SELECT q.id, CASE WHEN r.outcome IS NULL THEN q.claim ELSE '' END, q.deadline, r.outcome, r.resolved_at_ms
        FROM questions q LEFT JOIN current_resolutions r ON r.question_id = q.id ORDER BY q.id
        """).fetchall()
    q_id = column(q_rows, 0, np.int64)
    q_outcome = np.fromiter((OUTCOMES[row[3]] for row in q_rows), dtype=np.int8, count=len(q_rows))
    q_resolved = np.fromiter((row[4] or 0 for row in q_rows), dtype=np.int64, count=len(q_rows))
    q_at = np.full(int(q_id.max(initial=0)) + 1, -1, dtype=np.int64)
    q_at[q_id] = np.arange(len(q_id))

    f_rows = db.execute("SELECT id, question_id, owner_id, probability, made_at_ms FROM forecasts").fetchall()
    f_id = column(f_rows, 0, np.int64)
    f_question = q_at[column(f_rows, 1, np.int64)]
    f_owner = owner_at[column(f_rows, 2, np.int64)]
    f_p = column(f_rows, 3, np.float64)
    f_made = column(f_rows, 4, np.int64)
    del f_rows

    outcome = q_outcome[f_question]
    resolved = q_resolved[f_question]
    on_scored = outcome <= 1
    valid = on_scored & (f_made <= resolved)
    void = outcome == 2

    # The latest rule: the last of each (question, owner) run in (question, owner, made, id) order.
    candidates = np.flatnonzero(valid)
    order = candidates[np.lexsort((f_id[candidates], f_made[candidates], f_owner[candidates], f_question[candidates]))]
    q_sorted, o_sorted = f_question[order], f_owner[order]
    last = np.r_[(q_sorted[1:] != q_sorted[:-1]) | (o_sorted[1:] != o_sorted[:-1]), True]
    latest = order[last]
    question, owner, p = f_question[latest], f_owner[latest], f_p[latest]
    o = (outcome[latest] == 1).astype(float)

    overall = groups(np.zeros(len(latest), dtype=np.int64), 1, p, o, question)[0]
    per_owner = groups(owner, len(names), p, o, question)
    log_p = np.log(np.clip(np.where(o == 1, p, 1 - p), 0.001, 0.999))
    sums, peers, counts = relative(question, owner, (p - o) ** 2, log_p, len(names))
    owners = []
    for index, score in enumerate(per_owner):
        if score is None:
            continue
        score = {"owner": names[index], **score,
                 "relative_brier": sums[index] / counts[index] if counts[index] else None,
                 "shared_questions": int(counts[index]),
                 "peer_score": peers[index] / counts[index] if counts[index] else None}
        owners.append(score)
    ranked = sorted((s for s in owners if s["shared_questions"] >= 10),
                    key=lambda s: (s["relative_brier"], s["brier"], -s["n"], s["owner"]))
    unranked = sorted((s for s in owners if s["shared_questions"] < 10), key=lambda s: (s["brier"], -s["n"], s["owner"]))
    for rank, score in enumerate(ranked, start=1):
        score["rank"] = rank
    for score in unranked:
        score["rank"] = None
    owners = ranked + unranked

    def linked(rows, links, label):
        """Groups over many-to-many links: `links(keys)` gives, for the scored forecasts each row's
        key reaches, the row number and the forecast's position."""
        if not rows:
            return []
        names_of = sorted({name for _, name in rows})
        index_of = {name: i for i, name in enumerate(names_of)}
        group = np.fromiter((index_of[name] for _, name in rows), dtype=np.int64, count=len(rows))
        which, positions = links(column(rows, 0, np.int64))
        scores = groups(group[which], len(names_of), p[positions], o[positions], question[positions])
        listed = [{label: names_of[i], **s} for i, s in enumerate(scores) if s is not None]
        return sorted(listed, key=lambda s: (-s["n"], s[label]))

    def question_links(ids):
        at = q_at[ids]
        return expand(np.searchsorted(question, at, "left"), np.searchsorted(question, at, "right"))

    by_id = np.argsort(f_id[latest])
    ids_sorted = f_id[latest][by_id]

    def forecast_links(ids):
        found = np.minimum(np.searchsorted(ids_sorted, ids), max(len(ids_sorted) - 1, 0))
        hit = np.flatnonzero(ids_sorted[found] == ids) if len(ids_sorted) else np.zeros(0, dtype=np.int64)
        return hit, by_id[found[hit]]

    tags = linked(db.execute("SELECT question_id, tag FROM question_tags").fetchall(), question_links, "tag")
    sources = linked(db.execute("""
        SELECT s.forecast_id, d.path FROM forecast_sources s JOIN documents d ON d.id = s.document_id
        """).fetchall(), forecast_links, "source")

    month = resolved[latest].astype("datetime64[ms]").astype("datetime64[M]").astype(np.int64)
    months, month_index = np.unique(month, return_inverse=True)
    month_n = np.bincount(month_index, minlength=len(months))
    month_brier = np.bincount(month_index, (p - o) ** 2, len(months))
    timeline = [{"month": str(np.datetime64(int(m), "M")), "n": int(n), "weight": float(n), "brier": b / n}
                for m, n, b in zip(months, month_n, month_brier)]

    is_open = q_outcome == 3
    deadlines = [(row[2], i) for i, row in enumerate(q_rows) if row[3] is None]
    upcoming = sorted((d, i) for d, i in deadlines if d is not None and d >= today)[:5]
    day = datetime.date.fromisoformat
    open_work = {"questions": int(is_open.sum()), "forecasts": int((outcome == 3).sum()),
                 "overdue": sum(1 for d, _ in deadlines if d is not None and d < today),
                 "without_deadline": sum(1 for d, _ in deadlines if d is None),
                 "next_deadlines": [{"question_id": int(q_id[i]), "claim": q_rows[i][1], "deadline": d,
                                     "days_left": (day(d) - day(today)).days} for d, i in upcoming]}
    excluded = {"made_after_resolution": int((on_scored & ~valid).sum()), "superseded": int(len(order) - len(latest)),
                "void_questions": int(len(np.unique(f_question[void]))), "void_forecasts": int(void.sum())}
    sys.stdout.write(json.dumps({"rule": "latest", "overall": overall, "owners": owners, "tags": tags,
                                 "sources": sources, "timeline": timeline, "open": open_work,
                                 "excluded": excluded}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
