#!/usr/bin/env python3
"""Score the analysis crate's hand-written evaluation set with Python VADER.

A peer comparison for docs/benchmarks.md, never part of the product:

    python3 -m venv /tmp/vader-venv
    /tmp/vader-venv/bin/pip install vaderSentiment
    /tmp/vader-venv/bin/python scripts/analysis_vader_compare.py

Uses the same 3-class rule as tests/evaluation.rs
(negative <= -0.05 < neutral < 0.05 <= positive) on the compound score.
"""
import json
import math
import pathlib
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

EVAL = pathlib.Path(__file__).resolve().parent.parent / "crates/analysis/corpus/eval.jsonl"


def bucket(score):
    if score <= -0.05:
        return "negative"
    if score < 0.05:
        return "neutral"
    return "positive"


def pearson(xs, ys):
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else 0.0


def main():
    analyzer = SentimentIntensityAnalyzer()
    rows = [json.loads(line) for line in EVAL.read_text().splitlines() if line.strip()]
    predicted, gold = [], []
    per_class = {}
    for row in rows:
        score = analyzer.polarity_scores(row["text"])["compound"]
        predicted.append(score)
        gold.append(row["score"])
        hit = bucket(score) == row["sentiment"]
        ok, total = per_class.get(row["sentiment"], (0, 0))
        per_class[row["sentiment"]] = (ok + hit, total + 1)
        if "-v" in sys.argv and not hit:
            print(f"{row['id']}\t{row['sentiment']}\t{score:+.3f}\t{row['text']}")
    correct = sum(ok for ok, _ in per_class.values())
    print(f"VADER (vaderSentiment) on {len(rows)} eval texts")
    print(f"sentiment 3-class accuracy: {correct / len(rows):.3f}")
    for label in ("negative", "neutral", "positive"):
        ok, total = per_class.get(label, (0, 0))
        print(f"  {label}: {ok}/{total}")
    print(f"pearson vs gold score: {pearson(predicted, gold):.3f}")


if __name__ == "__main__":
    main()
