#!/usr/bin/env python3
"""Independent oracle for `foretell score`: every score on two real data sets, computed with numpy
and the Python standard library only, sharing no code with the Swift engine.

Run from the package root:  python3 Tests/Oracle/scoring_oracle.py > Tests/Oracle/scoring_oracle.json
(reads ../shared/data/). The Swift tests load the JSON and compare at 1e-9.

Conventions (shared/reference/scoring.md): Brier on the 0-1 scale; log loss and baseline with p
clipped to [0.001, 0.999]; ten half-open bins [k/10, (k+1)/10), last closed; Wilson 95% (z = 1.96);
Murphy's decomposition over those bins; folded table by the stated confidence (after restating
p < 0.5 as 1 - p) kept to the millionth, right and wrong as counts; the relative score (Fatebook,
GJ Open) is own Brier minus the median Brier of *all* forecasters on the question, the owner
included, and the peer score (Metaculus) 100 (ln p_i - mean of ln p_j over the others), both
averaged over the questions with two or more forecasters. Instants are whole milliseconds since
the epoch, truncated, as the ledger keeps them. Forecasts made after the resolution instant never
count. Owners are ranked by relative Brier with 10 or more shared questions, then by Brier.

Rules: latest = each owner's latest forecast (by time, then id) made on or before resolution;
every_forecast = all of them; time_weighted = each forecast weighted by the share of the
question's life [opened, resolved] it stood, from max(made, opened) until the owner's next
forecast or the resolution; the rest of the life (before the owner's first forecast) is scored as
a 50% forecast and kept out of bins and folded rows (when nothing stood for any time, the latest
forecast weighs 1). Relative and peer scores under time_weighted are integrated over the life:
at each instant, among the owners holding a forecast; an owner holding none scores 0. A question
is open from its recorded open time or its first forecast, whichever is earlier.
"""
import csv
import datetime
import json
import math
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

import numpy as np

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data")
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
EDGES = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
Z = 1.96


def ms(text):
    text = text.strip()
    if text.endswith("+00"):
        text += ":00"
    moment = datetime.datetime.fromisoformat(text)
    return (moment - EPOCH) // datetime.timedelta(milliseconds=1)


def sub_ms(text):
    """Nanoseconds past the millisecond, from the fraction's 4th to 9th digits: ties within a
    millisecond are ordered by them, then by recording order."""
    text = text.strip()
    if "." not in text[19:]:
        return 0
    digits = ""
    for ch in text[text.index(".", 19) + 1:]:
        if not ch.isdigit():
            break
        digits += ch
    return int((digits[3:9] + "000000")[:6])


def wilson(k, n):
    if n <= 0:
        return None, None
    centre = (k + Z * Z / 2) / (n + Z * Z)
    half = Z * math.sqrt(max(k * (n - k) / n, 0.0) + Z * Z / 4) / (n + Z * Z)
    return max(0.0, centre - half), min(1.0, centre + half)


def fold(p_text, happened, step=None):
    p = Decimal(p_text)
    right = happened
    if p < Decimal("0.5"):
        p, right = Decimal(1) - p, not happened
    level = p.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    if step is not None:
        # [50, 50 + step), ... ; the last group also holds 100%.
        edges = [Decimal(50 + k * step) / 100 for k in range(0, 50 // step + 1) if 50 + k * step < 100]
        level = max(e for e in edges if e <= level)
    return level, right


def group_scores(p, o, w, q, p_text, relative=None, uncovered=0.0, uncovered_q=(), step=None):
    """p probabilities, o outcomes 0/1, w weights (non-zero), q question ids, p_text decimal text;
    uncovered: total weight of time no forecast stood (time_weighted), scored as 50%."""
    n = len(p)
    if n == 0:
        return {"n": 0}
    Wc = w.sum()
    W = Wc + uncovered
    clipped = np.clip(np.where(o == 1, p, 1 - p), 0.001, 0.999)
    brier = float(((w * (p - o) ** 2).sum() + 0.25 * uncovered) / W)
    log_loss = float(((w * -np.log(clipped)).sum() + math.log(2) * uncovered) / W)
    baseline = float((w * 100 * (1 + np.log2(clipped))).sum() / W)
    base = float((w * o).sum() / Wc)
    bins = np.searchsorted(EDGES, p, side="right")
    calibration = []
    reliability = resolution = 0.0
    for k in range(10):
        m = bins == k
        wk = float(w[m].sum())
        row = {"lo": k / 10, "hi": (k + 1) / 10, "n": int(m.sum()), "weight": wk,
               "mean_probability": None, "observed": None, "ci_low": None, "ci_high": None}
        if m.any():
            f = float((w[m] * p[m]).sum() / wk)
            yes = float((w[m] * o[m]).sum())
            obs = yes / wk
            lo, hi = wilson(yes, wk)
            row.update(mean_probability=f, observed=obs, ci_low=lo, ci_high=hi)
            reliability += wk * (f - obs) ** 2
            resolution += wk * (obs - base) ** 2
        calibration.append(row)
    folded = {}
    for pt, oi, wi in zip(p_text, o, w):
        conf, right = fold(pt, oi == 1, step)
        entry = folded.setdefault(conf, [0, 0, 0.0, 0.0])
        entry[0] += 1
        entry[1] += 1 if right else 0
        entry[2 if right else 3] += float(wi)
    folded_rows = []
    for c, v in sorted(folded.items()):
        lo, hi = wilson(v[1], v[0])
        folded_rows.append({"confidence": float(c), "n": v[0], "right": v[1], "wrong": v[0] - v[1],
                            "right_weight": v[2], "wrong_weight": v[3], "ci_low": lo, "ci_high": hi})
    result = {"n": int(n), "weight": float(W), "questions": int(len(set(q.tolist()) | set(uncovered_q))),
              "brier": brier, "log_loss": log_loss, "baseline": baseline,
              "reliability": reliability / Wc, "resolution": resolution / Wc,
              "uncertainty": base * (1 - base), "calibration": calibration, "folded": folded_rows}
    if relative is not None:
        result["relative_brier"], result["peer_score"], result["shared_questions"] = relative
    return result


def clipped_log(r):
    return math.log(min(max(r["p"] if r["o"] == 1 else 1 - r["p"], 0.001), 0.999))


def select(rows, rule):
    """rows: list of dicts with id, q, owner, p, p_text, made, opened, resolved, o. Returns the
    counted forecasts with their weights, each owner-question's summary for relative and peer
    scores, the uncovered weight of each owner-question, and the count made after resolution."""
    valid = [r for r in rows if r["made"] <= r["resolved"]]
    opened = {}
    for r in rows:
        opened[r["q"]] = min(opened.get(r["q"], r["opened"]), r["opened"], r["made"])
    pairs = {}
    for r in valid:
        pairs.setdefault((r["q"], r["owner"]), []).append(r)
    counted = []
    summary = {}
    uncovered = {}
    for key, forecasts in pairs.items():
        forecasts.sort(key=lambda r: (r["made"], r["sub"], r["id"]))
        spans = []
        if rule == "latest":
            weights = [0.0] * (len(forecasts) - 1) + [1.0]
        elif rule == "every_forecast":
            weights = [1.0] * len(forecasts)
        else:
            q_open, q_end = opened[key[0]], forecasts[0]["resolved"]
            life = q_end - q_open
            stood = []
            for i, r in enumerate(forecasts):
                start = max(r["made"], q_open)
                end = forecasts[i + 1]["made"] if i + 1 < len(forecasts) else q_end
                end = min(end, q_end)
                stood.append(float(max(0, end - start)))
                if end > start:
                    spans.append((start, end, r))
            total = sum(stood)
            if total > 0 and life > 0:
                weights = [s / life for s in stood]
                rest = 1.0 - sum(weights)
                if rest > 1e-12:
                    uncovered[key] = rest
            else:
                weights = [0.0] * (len(forecasts) - 1) + [1.0]
                spans = []
        num = lnum = den = 0.0
        for r, wt in zip(forecasts, weights):
            if wt > 0:
                counted.append((r, wt))
                num += wt * (r["p"] - r["o"]) ** 2
                lnum += wt * clipped_log(r)
                den += wt
        summary[key] = (num / den, lnum / den, spans)
    return counted, summary, uncovered, len(rows) - len(valid), opened


def comparison_scores(summary, rule, opened):
    """Relative Brier (median of all, owner included) and peer score per owner, averaged over the
    questions with two or more forecasters."""
    by_question = {}
    for (q, owner), value in summary.items():
        by_question.setdefault(q, {})[owner] = value
    sums = {}
    for q, owners in by_question.items():
        if len(owners) < 2:
            continue
        spans = [(a, b, owner, r) for owner, (_, _, sp) in owners.items() for a, b, r in sp]
        per_owner = {owner: [0.0, 0.0] for owner in owners}
        if rule == "time_weighted" and spans:
            q_open = opened[q]
            q_end = spans[0][3]["resolved"]
            life = float(q_end - q_open)
            cuts = sorted({t for a, b, _, _ in spans for t in (a, b)})
            for a, b in zip(cuts, cuts[1:]):
                standing = {}
                for s0, s1, owner, r in spans:
                    if s0 <= a < s1:
                        standing[owner] = r
                if not standing:
                    continue
                briers = {k: (r["p"] - r["o"]) ** 2 for k, r in standing.items()}
                logs = {k: clipped_log(r) for k, r in standing.items()}
                med = float(np.median(list(briers.values())))
                share = (b - a) / life
                for k in standing:
                    per_owner[k][0] += share * (briers[k] - med)
                    if len(standing) >= 2:
                        others = [v for j, v in logs.items() if j != k]
                        per_owner[k][1] += share * 100 * (logs[k] - sum(others) / len(others))
        else:
            med = float(np.median([b for b, _, _ in owners.values()]))
            for k, (b, lp, _) in owners.items():
                others = [v[1] for j, v in owners.items() if j != k]
                per_owner[k] = [b - med, 100 * (lp - sum(others) / len(others))]
        for k, (rel, peer) in per_owner.items():
            entry = sums.setdefault(k, [0.0, 0.0, 0])
            entry[0] += rel
            entry[1] += peer
            entry[2] += 1
    return {owner: (r / c, p / c, c) for owner, (r, p, c) in sums.items()}


def arrays(counted):
    p = np.array([r["p"] for r, _ in counted], dtype=float)
    o = np.array([r["o"] for r, _ in counted], dtype=float)
    w = np.array([wt for _, wt in counted], dtype=float)
    q = np.array([r["q"] for r, _ in counted])
    return p, o, w, q, [r["p_text"] for r, _ in counted]


def score_set(rows, rule, owner_min=0, step=None):
    counted, summary, uncovered, after, opened = select(rows, rule)
    rel = comparison_scores(summary, rule, opened)
    total_uncovered = sum(uncovered.values())
    result = {"made_after_resolution": after,
              "overall": group_scores(*arrays(counted), uncovered=total_uncovered,
                                      uncovered_q=[q for q, _ in uncovered], step=step)}
    by_owner = {}
    for r, wt in counted:
        by_owner.setdefault(r["owner"], []).append((r, wt))
    per_owner = {}
    for owner, mine in sorted(by_owner.items()):
        gaps = {q: u for (q, o), u in uncovered.items() if o == owner}
        per_owner[owner] = group_scores(*arrays(mine), relative=rel.get(owner, (None, None, 0)),
                                        uncovered=sum(gaps.values()), uncovered_q=list(gaps), step=step)
    ranked = sorted((name for name in per_owner if per_owner[name]["shared_questions"] >= 10),
                    key=lambda name: (per_owner[name]["relative_brier"], per_owner[name]["brier"],
                                      -per_owner[name]["n"], name))
    unranked = sorted((name for name in per_owner if per_owner[name]["shared_questions"] < 10),
                      key=lambda name: (per_owner[name]["brier"], -per_owner[name]["n"], name))
    result["owner_count"] = len(per_owner)
    result["ranked_count"] = len(ranked)
    result["ranking"] = (ranked + unranked)[:10]
    result["owners"] = {k: v for k, v in per_owner.items() if v["n"] >= owner_min}
    months = {}
    for r, wt in counted:
        day = EPOCH + datetime.timedelta(milliseconds=r["resolved"])
        entry = months.setdefault(day.strftime("%Y-%m"), [0, 0.0, 0.0])
        entry[0] += 1
        entry[1] += wt
        entry[2] += wt * (r["p"] - r["o"]) ** 2
    resolved_at = {r["q"]: r["resolved"] for r in rows}
    for (q, _), u in uncovered.items():
        day = EPOCH + datetime.timedelta(milliseconds=resolved_at[q])
        entry = months[day.strftime("%Y-%m")]
        entry[1] += u
        entry[2] += 0.25 * u
    result["timeline"] = [{"month": m, "n": v[0], "weight": v[1], "brier": v[2] / v[1]}
                          for m, v in sorted(months.items())]
    return result


def metaculus():
    rows = []
    with open(os.path.join(DATA, "metaculus", "pro_forecasts_q1_2025_binary.csv"), newline="") as f:
        for line in csv.DictReader(f):
            rows.append({"id": int(line["forecast_id"]), "q": int(line["question_id"]),
                         "owner": line["forecaster"], "p": float(line["probability_yes"]),
                         "p_text": line["probability_yes"], "made": ms(line["forecast_timestamp"]),
                         "sub": sub_ms(line["forecast_timestamp"]),
                         "resolved": ms(line["actual_resolve_time"]),
                         "o": 1 if line["resolution"] == "yes" else 0})
    first = {}
    for r in rows:
        first[r["q"]] = min(first.get(r["q"], r["made"]), r["made"])
    for r in rows:
        r["opened"] = first[r["q"]]
    out = {rule: score_set(rows, rule) for rule in ("latest", "every_forecast", "time_weighted")}
    out["latest_step5"] = {"overall": score_set(rows, "latest", step=5)["overall"]}
    # --since 2025-03-01 --until 2025-03-31: questions resolved in March (UTC days).
    lo, hi = ms("2025-03-01 00:00:00+00"), ms("2025-04-01 00:00:00+00")
    march = [r for r in rows if lo <= r["resolved"] < hi]
    out["latest_march"] = {"questions_in_range": len(set(r["q"] for r in march)),
                           "overall": score_set(march, "latest")["overall"]}
    return out


def predictionbook():
    rows = []
    others = {"": [0, set()], "-1.0": [0, set()]}
    ambiguous_2015 = [0, set()]
    with open(os.path.join(DATA, "predictionbook", "forecasts.csv"), newline="") as f:
        for number, line in enumerate(csv.DictReader(f), start=1):
            if line["outcome"] not in ("1.0", "0.0"):
                others[line["outcome"]][0] += 1
                others[line["outcome"]][1].add(line["question_id"])
                if line["outcome"] == "-1.0" and line["resolve_time"].startswith("2015-"):
                    ambiguous_2015[0] += 1
                    ambiguous_2015[1].add(line["question_id"])
                continue
            rows.append({"id": number, "q": int(line["question_id"]), "owner": line["user_id"],
                         "p": float(line["probability"]), "p_text": line["probability"],
                         "made": ms(line["timestamp"]), "sub": 0, "opened": ms(line["open_time"]),
                         "resolved": ms(line["resolve_time"]), "o": 1 if line["outcome"] == "1.0" else 0})
    return {"forecasts_on_yes_no_questions": len(rows),
            "open_forecasts": others[""][0], "open_questions": len(others[""][1]),
            "ambiguous_forecasts": others["-1.0"][0], "ambiguous_questions": len(others["-1.0"][1]),
            "ambiguous_forecasts_resolved_2015": ambiguous_2015[0],
            "ambiguous_questions_resolved_2015": len(ambiguous_2015[1]),
            **{rule: score_set(rows, rule, owner_min=300) for rule in ("latest", "every_forecast", "time_weighted")}}


if __name__ == "__main__":
    result = {"generated_by": "Tests/Oracle/scoring_oracle.py", "numpy": np.__version__,
              "metaculus": metaculus(), "predictionbook": predictionbook()}
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
